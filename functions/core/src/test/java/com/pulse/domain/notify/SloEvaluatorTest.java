package com.pulse.domain.notify;

import static com.pulse.domain.notify.NotifyFixtures.CATALOG;
import static com.pulse.domain.notify.NotifyFixtures.onTime;
import static com.pulse.domain.notify.NotifyFixtures.tickets;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.domain.metric.MetricPoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SloEvaluatorTest {
  private static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");
  private final SloEvaluator evaluator = new SloEvaluator(CATALOG);

  @Test
  void flagsPointsThatMissTheirObjectiveAndChecksThoseThatMeetIt() {
    Evaluation e = evaluator.evaluate("t1", List.of(
        onTime("t1", "eu", DAY, 0.82), onTime("t1", "us", DAY, 0.95), tickets("t1", DAY, 100)));

    assertThat(e.checkedKeys()).containsExactlyInAnyOrder(
        "slo_breach|on_time_rate|region=eu", "slo_breach|on_time_rate|region=us", "slo_breach|open_tickets|");
    assertThat(e.findings()).extracting(Finding::key, Finding::severity).containsExactly(
        org.assertj.core.groups.Tuple.tuple("slo_breach|on_time_rate|region=eu", 1),
        org.assertj.core.groups.Tuple.tuple("slo_breach|open_tickets|", 2));
    assertThat(e.findings().get(0).detail())
        .isEqualTo("rate = 0.82, objective >= 0.9 (window 2026-11-20T00:00:00Z to 2026-11-21T00:00:00Z)");
    assertThat(e.findings().get(1).detail()).startsWith("open = 100, objective < 100");
  }

  @Test
  void onlyTheNewestWindowPerSeriesCounts() {
    Evaluation e = evaluator.evaluate("t1", List.of(
        onTime("t1", "eu", DAY.plusSeconds(86_400), 0.97), onTime("t1", "eu", DAY, 0.5)));

    assertThat(e.findings()).isEmpty();
    assertThat(e.checkedKeys()).containsExactly("slo_breach|on_time_rate|region=eu");
  }

  @Test
  void aNewestPointWithoutValueHidesOlderOnes() {
    Evaluation e = evaluator.evaluate("t1", List.of(
        onTime("t1", "eu", DAY.plusSeconds(86_400), Double.NaN), onTime("t1", "eu", DAY, 0.5)));

    assertThat(e.checkedKeys()).isEmpty();
    assertThat(e.findings()).isEmpty();
  }

  @Test
  void ignoresOtherTenantsMetricsWithoutSloAndNullOrNanValues() {
    MetricPoint revenue = MetricPoint.create("revenue", "t1", Map.of(), DAY, DAY.plusSeconds(86_400),
        Map.of("amount", 1.0), "currency", DAY, "r");
    MetricPoint nullRate = MetricPoint.create("on_time_rate", "t1", Map.of("region", "eu"), DAY,
        DAY.plusSeconds(86_400), Map.of(), "ratio", DAY, "r");

    Evaluation e = evaluator.evaluate("t1", List.of(onTime("t2", "eu", DAY, 0.1), revenue, nullRate,
        onTime("t1", "us", DAY, Double.NaN)));

    assertThat(e.checkedKeys()).isEmpty();
    assertThat(e.findings()).isEmpty();
  }
}
