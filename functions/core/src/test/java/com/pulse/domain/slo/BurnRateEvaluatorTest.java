package com.pulse.domain.slo;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.domain.notify.Finding;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.tenant.TelemetrySlo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BurnRateEvaluatorTest {
  private static final Instant OUTAGE_FROM = Instant.parse("2026-11-20T10:00:00Z");
  private static final Instant OUTAGE_TO = Instant.parse("2026-11-20T10:45:00Z");
  private static final TelemetrySlo AVAILABILITY =
      new TelemetrySlo("availability", TelemetrySlo.Sli.AVAILABILITY, "checkout", "*", 0.99, 0, 30);
  /** 04:00 to 13:00, 1,000 requests a minute, 0.2 % errors, 50 % during 10:00-10:45. */
  private static final List<WindowDocument> STREAM = SloStreams.minutes("t1", Instant.parse("2026-11-20T04:00:00Z"),
      Instant.parse("2026-11-20T13:00:00Z"), 1000, 0.002, OUTAGE_FROM, OUTAGE_TO, 0.5, 7);

  private final BurnRateEvaluator evaluator = new BurnRateEvaluator(BurnRateRule.DEFAULTS);

  /** Minute-by-minute evaluation, as the 1-minute timer would do: when did each rule fire? */
  private List<Instant> firing(String rule) {
    SliSeries series = SliSeries.of(AVAILABILITY, STREAM);
    List<Instant> out = new ArrayList<>();
    for (Instant at = Instant.parse("2026-11-20T09:00:00Z"); !at.isAfter(Instant.parse("2026-11-20T13:00:00Z"));
        at = at.plus(Duration.ofMinutes(1))) {
      if (evaluator.status("t1", series, series, at).firing().contains(rule)) {
        out.add(at);
      }
    }
    return out;
  }

  @Test
  void fastBurnFiresAboutSeventeenMinutesIntoTheOutageAndResolvesMinutesAfterIt() {
    // with a 1 % budget, burn >= 14.4 over 1 h means >= 14.4 % bad: (k * 50 % + (60 - k) * 0.2 %) / 60, k >= 17.1 minutes
    List<Instant> fast = firing("fast");

    assertThat(fast).isNotEmpty();
    assertThat(fast.get(0)).isEqualTo(Instant.parse("2026-11-20T10:18:00Z"));
    // the 5-minute window drops below 14.4x when it holds at most one outage minute: 10:49
    assertThat(fast.get(fast.size() - 1)).isEqualTo(Instant.parse("2026-11-20T10:48:00Z"));
    assertThat(fast).hasSize(31);
  }

  @Test
  void slowBurnFiresOnceSixHoursHoldFivePercentOfTheBudgetAndResolvesAfterTheShortWindowClears() {
    List<Instant> slow = firing("slow");

    assertThat(slow.get(0)).isBetween(Instant.parse("2026-11-20T10:40:00Z"), Instant.parse("2026-11-20T10:44:00Z"));
    assertThat(slow.get(slow.size() - 1)).isEqualTo(Instant.parse("2026-11-20T11:11:00Z"));
  }

  @Test
  void budgetAndFindingsDuringTheOutage() {
    SliSeries series = SliSeries.of(AVAILABILITY, STREAM);
    Instant at = Instant.parse("2026-11-20T10:44:00Z");
    SloStatus status = evaluator.status("t1", series, series, at);

    assertThat(status.firing()).containsExactly("fast", "slow");
    assertThat(status.burnRates().get("PT5M")).isCloseTo(50.0, org.assertj.core.data.Offset.offset(0.01));
    // 6h 44m of data: 44 outage minutes at 50 %, 360 at 0.2 %: bad = 22,720 of 404,000 requests
    assertThat(status.requests()).isEqualTo(404_000);
    assertThat(status.budgetRemaining()).isCloseTo(1 - (22_720 / 404_000.0) / 0.01, org.assertj.core.data.Offset.offset(1e-9));

    Set<String> checked = new HashSet<>();
    List<Finding> findings = new ArrayList<>();
    evaluator.findings(status, series, List.of(BurnRateRule.SLOW), checked, findings);
    assertThat(checked).containsExactly("burn_rate|availability|operation=*,rule=slow,service=checkout");
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(2);
      assertThat(f.impact()).isGreaterThan(1);
      assertThat(f.detail()).startsWith("slow burn: ").contains("99% of checkout/* requests succeed");
    });
  }

  @Test
  void noTrafficIsNoBurnAndNotChecked() {
    SliSeries empty = SliSeries.of(AVAILABILITY, List.of());
    SloStatus status = evaluator.status("t1", empty, empty, OUTAGE_FROM);

    assertThat(status.firing()).isEmpty();
    assertThat(status.sli()).isNull();
    assertThat(status.budgetRemaining()).isEqualTo(1.0);
    Set<String> checked = new HashSet<>();
    evaluator.findings(status, empty, BurnRateRule.DEFAULTS, checked, new ArrayList<>());
    assertThat(checked).isEmpty();
  }

  @Test
  void latencySliIsReadFromTheSketchAsTheFractionUnderTheThreshold() {
    // log-normal around 50 ms with sigma 0.5: P(X <= 100 ms) = Phi(ln 2 / 0.5) = Phi(1.386) = 0.917
    TelemetrySlo latency = new TelemetrySlo("latency", TelemetrySlo.Sli.LATENCY, "*", "*", 0.9, 100, 30);
    List<WindowDocument> calm = STREAM.stream().filter(d -> d.windowStart().isBefore(OUTAGE_FROM)).toList();
    SliSeries series = SliSeries.of(latency, calm);
    double[] sum = series.sum(Instant.parse("2026-11-20T04:00:00Z"), OUTAGE_FROM);

    assertThat(sum[0] / sum[1]).isCloseTo(0.917, org.assertj.core.data.Offset.offset(0.01));
    // during the outage latencies are 10x: almost nothing is under 100 ms
    SliSeries outage = SliSeries.of(latency, STREAM);
    assertThat(outage.burnRate(OUTAGE_FROM, OUTAGE_TO)).isGreaterThan(9.5);
  }
}
