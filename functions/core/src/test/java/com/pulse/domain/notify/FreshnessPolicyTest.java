package com.pulse.domain.notify;

import static com.pulse.domain.notify.NotifyFixtures.ON_TIME;
import static com.pulse.domain.notify.NotifyFixtures.REVENUE;
import static com.pulse.domain.notify.NotifyFixtures.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.domain.metric.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreshnessPolicyTest {
  private final FreshnessPolicy policy = new FreshnessPolicy(Duration.ofMinutes(30));

  private static JobState ok(String metric, Instant end) {
    return new JobState(metric, end, "run-9", end, "ok", null, 0);
  }

  @Test
  void staleAfterIsNextWindowEndPlusSettlePlusGrace() {
    // Daily: last window ended Nov 20 00:00 -> next closes Nov 21 00:00, +1 h settle, +30 min grace.
    assertThat(policy.staleAfter(ON_TIME, Instant.parse("2026-11-20T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-21T01:30:00Z"));
    // Monthly with calendar lengths: Feb 2026 has 28 days; +1 day settle.
    assertThat(policy.staleAfter(REVENUE, Instant.parse("2026-02-01T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-02T00:30:00Z"));
  }

  @Test
  void flagsOnlyMetricsPastTheirAllowance() {
    Instant now = Instant.parse("2026-11-21T02:00:00Z");
    Evaluation e = policy.evaluate(List.of(ON_TIME, TICKETS, REVENUE), Map.of(
        ON_TIME.name(), ok(ON_TIME.name(), Instant.parse("2026-11-20T00:00:00Z")),
        TICKETS.name(), ok(TICKETS.name(), Instant.parse("2026-11-21T01:00:00Z"))), now);

    assertThat(e.tenantId()).isEqualTo(Finding.ALL_TENANTS);
    assertThat(e.checkedKeys()).containsExactlyInAnyOrder("stale|on_time_rate|", "stale|open_tickets|");
    assertThat(e.findings()).singleElement().satisfies(f -> {
      assertThat(f.metric()).isEqualTo("on_time_rate");
      assertThat(f.detail()).contains("ended 2026-11-20T00:00:00Z, 26 h ago")
          .contains("stale since 2026-11-21T01:30:00Z").contains("window P1D + settle PT1H + grace PT30M");
    });
  }

  @Test
  void exactlyAtTheLimitIsFresh() {
    Instant end = Instant.parse("2026-11-21T01:00:00Z");
    Evaluation e = policy.evaluate(List.of(TICKETS), Map.of(TICKETS.name(), ok(TICKETS.name(), end)),
        Instant.parse("2026-11-21T02:30:00Z"));
    assertThat(e.findings()).isEmpty();
  }

  @Test
  void neverCompletedIsStaleOnlyAfterAFailedRun() {
    JobState failed = new JobState(TICKETS.name(), null, "run-1", Instant.EPOCH, "failed", "Invalid column 'x'", 3);
    JobState running = new JobState(ON_TIME.name(), null, "run-1", Instant.EPOCH, "ok", null, 0);

    Evaluation e = policy.evaluate(List.of(ON_TIME, TICKETS),
        Map.of(TICKETS.name(), failed, ON_TIME.name(), running), Instant.parse("2026-11-21T00:00:00Z"));

    assertThat(e.findings()).singleElement().extracting(Finding::detail)
        .isEqualTo("no window completed yet; last run failed 3 time(s) in a row: Invalid column 'x'");
  }

  @Test
  void rejectsNegativeGrace() {
    assertThatThrownBy(() -> new FreshnessPolicy(Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grace");
  }
}
