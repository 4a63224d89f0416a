package com.pulse.domain.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowPlannerTest {
  private static Instant t(String iso) {
    return Instant.parse(iso);
  }

  private static Window w(String start, String end) {
    return new Window(t(start), t(end));
  }

  @ParameterizedTest(name = "{0} containing {1}")
  @CsvSource({
      "PT1H, 2024-02-29T13:59:59Z, 2024-02-29T13:00:00Z, 2024-02-29T14:00:00Z",
      "P1D,  2024-02-29T23:59:59Z, 2024-02-29T00:00:00Z, 2024-03-01T00:00:00Z",
      // 2024-01-01 is a Monday; 2023-12-31 is a Sunday, in the ISO week starting Monday 2023-12-25
      "P7D,  2023-12-31T12:00:00Z, 2023-12-25T00:00:00Z, 2024-01-01T00:00:00Z",
      "P7D,  2024-01-01T00:00:00Z, 2024-01-01T00:00:00Z, 2024-01-08T00:00:00Z",
      "P1M,  2024-02-29T23:00:00Z, 2024-02-01T00:00:00Z, 2024-03-01T00:00:00Z",
      "P1M,  2023-12-15T00:00:00Z, 2023-12-01T00:00:00Z, 2024-01-01T00:00:00Z",
      "P3M,  2024-06-30T23:59:59Z, 2024-04-01T00:00:00Z, 2024-07-01T00:00:00Z",
      "P3M,  2024-12-01T00:00:00Z, 2024-10-01T00:00:00Z, 2025-01-01T00:00:00Z",
  })
  void calendarAlignedWindows(String period, String instant, String start, String end) {
    assertThat(WindowPeriod.parse(period).containing(t(instant))).isEqualTo(w(start, end));
  }

  @Test
  void latestClosedRespectsSettle() {
    Instant asOf = t("1998-08-02T00:00:00Z");
    assertThat(WindowPlanner.latestClosed(WindowPeriod.MONTH, Duration.ZERO, asOf))
        .isEqualTo(w("1998-07-01T00:00:00Z", "1998-08-01T00:00:00Z"));
    // July closes at 08-01, plus 7 days settle = 08-08 > asOf: June is the newest closed month
    assertThat(WindowPlanner.latestClosed(WindowPeriod.MONTH, Duration.ofDays(7), asOf))
        .isEqualTo(w("1998-06-01T00:00:00Z", "1998-07-01T00:00:00Z"));
    assertThat(WindowPlanner.latestClosed(WindowPeriod.QUARTER, Duration.ZERO, asOf))
        .isEqualTo(w("1998-04-01T00:00:00Z", "1998-07-01T00:00:00Z"));
    // a window ending exactly at asOf - settle is closed
    assertThat(WindowPlanner.latestClosed(WindowPeriod.HOUR, Duration.ofMinutes(5), t("2024-01-01T10:05:00Z")))
        .isEqualTo(w("2024-01-01T09:00:00Z", "2024-01-01T10:00:00Z"));
  }

  @Test
  void firstRunComputesOnlyTheNewestClosedWindow() {
    assertThat(WindowPlanner.due(WindowPeriod.DAY, Duration.ZERO, t("2024-03-10T08:00:00Z"), null, 10))
        .containsExactly(w("2024-03-09T00:00:00Z", "2024-03-10T00:00:00Z"));
  }

  @Test
  void upToDateMetricHasNothingDue() {
    assertThat(WindowPlanner.due(WindowPeriod.DAY, Duration.ZERO, t("2024-03-10T08:00:00Z"),
        t("2024-03-10T00:00:00Z"), 10)).isEmpty();
  }

  @Test
  void catchUpAfterOutageOldestFirstUpToTheCap() {
    Instant lastEnd = t("2024-01-01T00:00:00Z");
    Instant asOf = t("2024-07-15T00:00:00Z");
    List<Window> all = WindowPlanner.due(WindowPeriod.MONTH, Duration.ZERO, asOf, lastEnd, 100);
    assertThat(all).hasSize(6).first().isEqualTo(w("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"));
    assertThat(all.get(5)).isEqualTo(w("2024-06-01T00:00:00Z", "2024-07-01T00:00:00Z"));
    List<Window> capped = WindowPlanner.due(WindowPeriod.MONTH, Duration.ZERO, asOf, lastEnd, 4);
    assertThat(capped).containsExactlyElementsOf(all.subList(0, 4));
    // the next run continues where the capped one stopped, without gaps
    assertThat(WindowPlanner.due(WindowPeriod.MONTH, Duration.ZERO, asOf, capped.get(3).end(), 4))
        .containsExactlyElementsOf(all.subList(4, 6));
  }

  @Test
  void quartersAndSettleInCatchUp() {
    List<Window> due = WindowPlanner.due(WindowPeriod.QUARTER, Duration.ofDays(10), t("2024-10-05T00:00:00Z"),
        t("2024-01-01T00:00:00Z"), 10);
    // Q3 ends 10-01 but needs 10 days to settle: Q1 and Q2 only
    assertThat(due).containsExactly(w("2024-01-01T00:00:00Z", "2024-04-01T00:00:00Z"),
        w("2024-04-01T00:00:00Z", "2024-07-01T00:00:00Z"));
  }

  @Test
  void backfillTakesWindowsEntirelyInside() {
    assertThat(WindowPlanner.within(WindowPeriod.MONTH, t("2024-01-15T00:00:00Z"), t("2024-04-01T00:00:00Z")))
        .containsExactly(w("2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z"),
            w("2024-03-01T00:00:00Z", "2024-04-01T00:00:00Z"));
    assertThat(WindowPlanner.within(WindowPeriod.WEEK, t("2024-01-01T00:00:00Z"), t("2024-01-14T00:00:00Z")))
        .containsExactly(w("2024-01-01T00:00:00Z", "2024-01-08T00:00:00Z"));
    assertThatThrownBy(() -> WindowPlanner.within(WindowPeriod.DAY, t("2024-01-02T00:00:00Z"), t("2024-01-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lastClosedGivesHistoryNewestLast() {
    List<Window> h = WindowPlanner.lastClosed(WindowPeriod.MONTH, Duration.ZERO, t("1998-08-02T00:00:00Z"), 3);
    assertThat(h).containsExactly(w("1998-05-01T00:00:00Z", "1998-06-01T00:00:00Z"),
        w("1998-06-01T00:00:00Z", "1998-07-01T00:00:00Z"), w("1998-07-01T00:00:00Z", "1998-08-01T00:00:00Z"));
  }

  @Test
  void rejectsUnsupportedPeriodsAndBadCaps() {
    assertThatThrownBy(() -> WindowPeriod.parse("P1Y")).hasMessageContaining("P1Y");
    assertThatThrownBy(() -> WindowPlanner.due(WindowPeriod.DAY, Duration.ZERO, Instant.EPOCH, null, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
