package com.pulse.domain.telemetry.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link SeriesIds}: the id {@link WindowDocuments#idOf} gives, for new and remembered series, within its bound. */
class SeriesIdsTest {
  private static final long T0 = Instant.parse("2026-11-20T10:00:00Z").toEpochMilli();

  @Test
  void everyIdIsTheOneWindowDocumentsGivesWhetherRememberedOrNot() {
    SplittableRandom random = new SplittableRandom(11);
    SeriesIds ids = new SeriesIds(50);
    for (int batch = 0; batch < 200; batch++) {
      WindowAggregator aggregator = new WindowAggregator();
      for (int r = 0; r < 20; r++) {
        aggregator.beginEvent(batch * 20L + r, T0);
        // few distinct values, so series recur across batches; new String: equal, not identical
        aggregator.request(new String("tenant-" + random.nextInt(3)), "svc-" + random.nextInt(2),
            new String("op-" + random.nextInt(4)), T0 + random.nextInt(3) * 60_000L, 5, false, "u");
        aggregator.dependency("tenant-" + random.nextInt(3), "svc-0", "db-" + random.nextInt(2), "op-" + random.nextInt(4),
            T0 + random.nextInt(3) * 60_000L, 5, false);
      }
      for (WindowAccumulator delta : aggregator.accumulators()) {
        String partition = Integer.toString(random.nextInt(2));
        assertThat(ids.idOf(delta, partition)).isEqualTo(WindowDocuments.idOf(delta, partition));
        assertThat(ids.size()).isLessThanOrEqualTo(50);
      }
    }
    assertThat(ids.size()).isPositive();
  }

  @Test
  void aSeriesMetAgainGetsTheIdItWasGivenAndTheBoundIsAPowerOfTwoAtMostTheOneAsked() {
    WindowAggregator aggregator = new WindowAggregator();
    for (int i = 0; i < 100; i++) {
      aggregator.beginEvent(i, T0);
      aggregator.request("acme", "checkout", "op-" + i, T0, 5, false, "u");
    }
    SeriesIds ids = new SeriesIds(100); // 64 slots
    List<WindowAccumulator> deltas = aggregator.accumulators();
    String first = ids.idOf(deltas.get(0), "3");

    assertThat(ids.idOf(deltas.get(0), "3")).isSameAs(first);
    deltas.forEach(delta -> ids.idOf(delta, "3"));
    assertThat(ids.size()).isBetween(1, 64);
  }

  @Test
  void aBoundOfZeroKeepsNothingAndANegativeOneIsRefused() {
    WindowAggregator aggregator = new WindowAggregator();
    aggregator.beginEvent(1, T0);
    aggregator.request("acme", "checkout", "pay", T0, 5, false, "u");
    SeriesIds none = new SeriesIds(0);
    WindowAccumulator delta = aggregator.accumulators().get(0);
    assertThat(none.idOf(delta, "3")).isEqualTo(WindowDocuments.idOf(delta, "3"));
    assertThat(none.size()).isZero();
    assertThatThrownBy(() -> new SeriesIds(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
