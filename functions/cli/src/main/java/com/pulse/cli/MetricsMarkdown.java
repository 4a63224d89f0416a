package com.pulse.cli;

import com.pulse.domain.catalog.MetricDefinition;
import com.pulse.domain.catalog.Slo;
import com.pulse.domain.catalog.SqlDialect;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Renders the metric catalog as {@code docs/METRICS.md}: a summary table and one section per metric
 * with its definition, unit, window, settle delay, schedule, dimensions, value columns, SLO, owners
 * and SQL. The output is a pure function of the definitions (catalog order, no timestamps, {@code \n}
 * line ends), so {@code MetricsDocTest} can fail when the committed file is stale.
 *
 * <p>Format: GitHub-flavoured Markdown (https://github.github.com/gfm/); table cells escape
 * {@code |} and collapse line breaks. Stateless and thread-safe.
 */
public final class MetricsMarkdown {
  /** Where the generated document lives, relative to the repository root. */
  public static final String DOCUMENT = "docs/METRICS.md";

  private MetricsMarkdown() {}

  /**
   * Renders the document.
   *
   * @param catalogPath the catalog's path as shown to readers, e.g.
   *     {@code functions/core/src/main/resources/catalog/metrics.yaml}
   * @param metrics the catalog's definitions, in catalog order
   * @return the Markdown text, ending with a newline
   * @throws NullPointerException if an argument or element is null
   */
  public static String render(String catalogPath, List<MetricDefinition> metrics) {
    Objects.requireNonNull(catalogPath, "catalogPath");
    StringBuilder md = new StringBuilder(4096 + 1024 * metrics.size());
    md.append("<!-- GENERATED from ").append(catalogPath).append(" by `pulse docs metrics`. Do not edit:\n")
        .append("     change the catalog, then run ./mvnw -q test-compile exec:java -Dexec.args=\"docs metrics\".\n")
        .append("     MetricsDocTest fails when this file is stale. -->\n")
        .append("# Metric catalog\n\n")
        .append(metrics.size()).append(" metrics, computed by the `WarehouseMetrics` function from `")
        .append(catalogPath).append("`. Windows, schedules, settle delays and the SQL contract are explained in ")
        .append("[WAREHOUSE.md](WAREHOUSE.md#the-catalog).\n\n")
        .append("| metric | title | unit | window | schedule | SLO | owners |\n")
        .append("| --- | --- | --- | --- | --- | --- | --- |\n");
    for (MetricDefinition m : metrics) {
      md.append("| [`").append(m.name()).append("`](#").append(m.name()).append(") | ")
          .append(cell(m.title())).append(" | ").append(cell(m.unit())).append(" | ")
          .append(m.window().iso()).append(" | `").append(cell(m.schedule())).append("` | ")
          .append(m.sloOptional().map(MetricsMarkdown::slo).orElse("—")).append(" | ")
          .append(owners(m.owners())).append(" |\n");
    }
    for (MetricDefinition m : metrics) {
      section(md, m);
    }
    return md.toString();
  }

  private static void section(StringBuilder md, MetricDefinition m) {
    md.append("\n## ").append(m.name()).append("\n\n")
        .append("**").append(m.title().strip()).append("** — ").append(m.description().strip()).append("\n\n")
        .append("| | |\n| --- | --- |\n")
        .append("| unit | ").append(cell(m.unit())).append(" |\n")
        .append("| window | ").append(m.window().iso()).append(" |\n")
        .append("| settle | ").append(settle(m.settle())).append(" |\n")
        .append("| schedule | `").append(cell(m.schedule())).append("` |\n")
        .append("| dimensions | ").append(columns(m.dimensions(), "none (one value per tenant)")).append(" |\n")
        .append("| values | ").append(columns(m.values(), "every numeric column except `tenant_id` and dimensions"))
        .append(" |\n")
        .append("| SLO | ").append(m.sloOptional().map(MetricsMarkdown::sloLong).orElse("none")).append(" |\n")
        .append("| owners | ").append(owners(m.owners())).append(" |\n\n")
        .append(sql(m));
  }

  /** One SQL block when the text is portable, else one per dialect, each under its catalog key. */
  private static String sql(MetricDefinition m) {
    if (m.sql().isPortable()) {
      return "```sql\n" + m.sql().text(SqlDialect.DUCKDB).strip() + "\n```\n";
    }
    StringBuilder out = new StringBuilder();
    m.sql().texts().forEach((dialect, text) -> out.append(out.length() == 0 ? "" : "\n").append("`")
        .append(dialect.key()).append("`:\n\n```sql\n").append(text.strip()).append("\n```\n"));
    return out.toString();
  }

  private static String slo(Slo slo) {
    return "`" + slo.value() + "` " + cell(slo.op().symbol()) + " " + number(slo.target());
  }

  private static String sloLong(Slo slo) {
    return slo(slo) + ", breach severity " + slo.severity();
  }

  private static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String settle(Duration settle) {
    return settle.isZero() ? "none" : settle.toString();
  }

  private static String columns(List<String> columns, String whenEmpty) {
    return columns.isEmpty() ? whenEmpty : columns.stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "));
  }

  private static String owners(List<String> owners) {
    return owners.isEmpty() ? "—" : owners.stream().map(MetricsMarkdown::cell).collect(Collectors.joining(", "));
  }

  /** Escapes a value for one table cell: no pipes, no line breaks. */
  private static String cell(String text) {
    return text.strip().replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
  }
}
