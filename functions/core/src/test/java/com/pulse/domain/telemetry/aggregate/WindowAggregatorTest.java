package com.pulse.domain.telemetry.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowAggregatorTest {
  private static final long T0 = Instant.parse("2026-11-20T10:00:00Z").toEpochMilli();

  @Test
  void foldsRequestsIntoMinuteWindowsAndHourlyRollUps() {
    WindowAggregator agg = new WindowAggregator(LatenessPolicy.of(Duration.ofMinutes(5)));
    agg.beginEvent(1, T0);
    agg.request("t1", "svc", "GET /a", T0 + 1_000, 10, false, "u1");
    agg.request("t1", "svc", "GET /a", T0 + 59_999, 20, true, "u2");
    agg.request("t1", "svc", "GET /a", T0 + 60_000, 30, false, "u1");
    agg.beginEvent(2, T0);
    agg.request("t2", "svc", "GET /a", T0 + 1_000, 40, false, null);

    List<WindowAccumulator> all = agg.accumulators();
    assertThat(all).extracting(WindowAccumulator::granularity, WindowAccumulator::tenantId, WindowAccumulator::windowStartMillis, WindowAccumulator::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Granularity.MINUTE, "t1", T0, 2L),
            org.assertj.core.groups.Tuple.tuple(Granularity.MINUTE, "t1", T0 + 60_000, 1L),
            org.assertj.core.groups.Tuple.tuple(Granularity.MINUTE, "t2", T0, 1L),
            org.assertj.core.groups.Tuple.tuple(Granularity.HOUR, "t1", T0, 3L),
            org.assertj.core.groups.Tuple.tuple(Granularity.HOUR, "t2", T0, 1L));
    WindowAccumulator hour = all.get(3);
    assertThat(hour.errorCount()).isEqualTo(1);
    assertThat(hour.latencySumMs()).isEqualTo(60.0);
    assertThat(hour.latency().getCount()).isEqualTo(3.0);
    assertThat(hour.users().getEstimate()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(hour.minSequenceNumber()).isEqualTo(1);
    assertThat(hour.maxSequenceNumber()).isEqualTo(1);
    assertThat(all.get(4).users()).isNull();
    assertThat(agg.requests()).isEqualTo(4);
  }

  @Test
  void countsLateRequestsAndDropsExpiredOnes() {
    LatenessPolicy policy = new LatenessPolicy(Duration.ofMinutes(2), Duration.ofHours(1));
    WindowAggregator agg = new WindowAggregator(policy);
    long enqueued = T0 + 10 * 60_000; // 10:10 → watermark 10:08
    agg.beginEvent(7, policy.watermark(enqueued));
    agg.request("t", "s", "o", T0 + 8 * 60_000 + 5, 1, false, null); // window 10:08-10:09 still open
    agg.request("t", "s", "o", T0 + 7 * 60_000, 1, false, null); // window 10:07-10:08 closed: late
    agg.request("t", "s", "o", T0 - 60 * 60_000, 1, false, null); // 09:00-09:01 ended ≤ 09:08: expired

    assertThat(agg.expired()).isEqualTo(1);
    assertThat(agg.requests()).isEqualTo(2);
    List<WindowAccumulator> minutes = agg.accumulators().stream().filter(a -> a.granularity() == Granularity.MINUTE).toList();
    assertThat(minutes).extracting(WindowAccumulator::lateCount).containsExactly(0L, 1L);
    WindowAccumulator hour = agg.accumulators().stream().filter(a -> a.granularity() == Granularity.HOUR).findFirst().orElseThrow();
    assertThat(hour.lateCount()).as("the 10:00 hour is still open").isZero();
  }

  @Test
  void sequenceFloorKeepsOnlyNewerEventsOfTheTargetDocument() {
    WindowAggregator agg = new WindowAggregator(LatenessPolicy.of(Duration.ZERO),
        (g, tenant, service, dependency, op, start) -> g == Granularity.MINUTE ? 5 : Long.MAX_VALUE);
    for (long seq = 3; seq <= 8; seq++) {
      agg.beginEvent(seq, T0);
      agg.request("t", "s", "o", T0, seq, false, null);
    }
    assertThat(agg.accumulators()).singleElement().satisfies(a -> {
      assertThat(a.count()).isEqualTo(3);
      assertThat(a.minSequenceNumber()).isEqualTo(6);
      assertThat(a.latencySumMs()).isEqualTo(6 + 7 + 8);
    });
  }

  @Test
  void aggregationStepAllocatesNothingPerRequestOnceWindowsExist() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    WindowAggregator agg = new WindowAggregator();
    String[] users = new String[5000];
    for (int i = 0; i < users.length; i++) {
      users[i] = "user-" + i;
    }
    Runnable burst = () -> {
      for (int i = 0; i < 200_000; i++) {
        agg.beginEvent(i, T0);
        agg.request("tenant", "svc", i % 2 == 0 ? "GET /a" : "GET /b", T0 + (i % 3) * 60_000, 1 + (i % 500), i % 17 == 0, users[i % users.length]);
      }
    };
    for (int warm = 0; warm < 5; warm++) {
      burst.run(); // creates the windows, grows sketch stores and buffers, lets the JIT compile
    }
    long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    burst.run();
    long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    // HLL internal growth is per distinct user per window, not per request; allow a small constant
    assertThat((double) allocated / 200_000).as("bytes per request").isLessThan(0.5);
  }
}
