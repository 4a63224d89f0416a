package com.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.domain.catalog.MetricDefinition;
import com.pulse.domain.catalog.MetricSql;
import com.pulse.domain.catalog.Slo;
import com.pulse.domain.window.WindowPeriod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog document shows every field of every metric, escapes table cells, and is deterministic. */
final class MetricsMarkdownTest {
  private static final MetricDefinition ON_TIME = new MetricDefinition("on_time_rate", "On-time delivery",
      "Share of line items received\non or before the commit date.", "ratio", WindowPeriod.MONTH, "0 5 2 * * *",
      Duration.ofHours(6), MetricSql.portable("SELECT tenant_id, n_name AS nation, 0.5 AS on_time_rate FROM t\n"),
      List.of("nation"), List.of("on_time_rate"), new Slo(Slo.Op.GE, 0.950, "on_time_rate", 2),
      List.of("ce-team@example.com"), "metrics.yaml:1");
  private static final MetricDefinition ORDERS = new MetricDefinition("order_count", "Orders | all",
      "Orders placed.", "count", WindowPeriod.DAY, "0 0 1 * * *", Duration.ZERO,
      MetricSql.portable("SELECT tenant_id, count(*) AS orders FROM o"), List.of(), List.of(), null, List.of(), "metrics.yaml:9");

  @Test
  void summaryRowPerMetricWithItsUnitWindowScheduleSloAndOwners() {
    String md = MetricsMarkdown.render("catalog/metrics.yaml", List.of(ON_TIME, ORDERS));

    assertThat(md).startsWith("<!-- GENERATED from catalog/metrics.yaml");
    assertThat(md).contains("2 metrics");
    assertThat(md).contains("| [`on_time_rate`](#on_time_rate) | On-time delivery | ratio | P1M | `0 5 2 * * *` "
        + "| `on_time_rate` >= 0.95 | ce-team@example.com |\n");
    assertThat(md).contains("| [`order_count`](#order_count) | Orders \\| all | count | P1D | `0 0 1 * * *` | — | — |\n");
  }

  @Test
  void sectionPerMetricWithDefinitionSettleDimensionsValuesAndSql() {
    String md = MetricsMarkdown.render("catalog/metrics.yaml", List.of(ON_TIME, ORDERS));

    assertThat(md).contains("\n## on_time_rate\n\n**On-time delivery** — Share of line items received\n"
        + "on or before the commit date.\n");
    assertThat(md).contains("| settle | PT6H |\n");
    assertThat(md).contains("| dimensions | `nation` |\n");
    assertThat(md).contains("| values | `on_time_rate` |\n");
    assertThat(md).contains("| SLO | `on_time_rate` >= 0.95, breach severity 2 |\n");
    assertThat(md).contains("```sql\nSELECT tenant_id, n_name AS nation, 0.5 AS on_time_rate FROM t\n```\n");
    assertThat(md).contains("| settle | none |\n| schedule | `0 0 1 * * *` |\n| dimensions | none (one value per tenant) |\n"
        + "| values | every numeric column except `tenant_id` and dimensions |\n| SLO | none |\n| owners | — |\n");
    assertThat(md.indexOf("## on_time_rate")).isLessThan(md.indexOf("## order_count"));
  }

  @Test
  void renderingIsDeterministic() {
    assertThat(MetricsMarkdown.render("x.yaml", List.of(ON_TIME, ORDERS)))
        .isEqualTo(MetricsMarkdown.render("x.yaml", List.of(ON_TIME, ORDERS)))
        .doesNotContain("\r");
  }
}
