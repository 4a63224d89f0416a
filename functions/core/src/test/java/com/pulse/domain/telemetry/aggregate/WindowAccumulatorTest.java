package com.pulse.domain.telemetry.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.datasketches.hll.HllSketch;
import org.junit.jupiter.api.Test;

class WindowAccumulatorTest {
  private static WindowAccumulator window() {
    return new WindowAccumulator("contoso", "checkout", null, "GET /a", Granularity.HOUR, 0L, 0);
  }

  /** {@code distinct} random hashes (with 0 and negative ones), each offered three times in a shuffled order. */
  private static long[] offered(int distinct, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] hashes = new long[distinct];
    for (int i = 0; i < distinct; i++) {
      hashes[i] = i == 0 ? 0L : random.nextLong();
    }
    long[] offered = new long[distinct * 3];
    for (int i = 0; i < offered.length; i++) {
      offered[i] = hashes[i % distinct];
    }
    for (int i = offered.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long t = offered[i];
      offered[i] = offered[j];
      offered[j] = t;
    }
    return offered;
  }

  /** A window that folded one request per offered user hash. */
  private static WindowAccumulator folded(long[] offered) {
    WindowAccumulator w = window();
    for (long h : offered) {
      w.add(1.0, 0, false, false, true, h, 1);
    }
    return w;
  }

  private static HllSketch reference(long[] offered) {
    long[] distinct = Arrays.stream(offered).distinct().sorted().toArray();
    HllSketch sketch = UserSketches.newSketch();
    for (long h : distinct) {
      sketch.update(h);
    }
    return sketch;
  }

  @Test
  void aBatchThatFitsTheBufferGivesTheSketchOfItsSortedDistinctUsers() {
    for (int distinct : new int[] {1, 7, 40, 500, 2_048}) {
      long[] offered = offered(distinct, distinct);
      WindowAccumulator w = folded(offered);

      assertThat(w.users().toCompactByteArray()).as("%d users", distinct)
          .isEqualTo(reference(offered).toCompactByteArray());
      assertThat(w.count()).isEqualTo(offered.length);
    }
  }

  @Test
  void manyUsersAreCountedOnceAcrossCompactionsAndFolds() {
    for (int distinct : new int[] {2_049, 5_000, 40_000}) {
      WindowAccumulator w = folded(offered(distinct, distinct));

      assertThat(w.users().getCompositeEstimate()).as("%d users", distinct)
          .isEqualTo(reference(offered(distinct, distinct)).getCompositeEstimate());
    }
  }

  @Test
  void requestsWithoutUsersLeaveNoSketch() {
    WindowAccumulator w = window();
    w.add(1.0, 0, false, false, false, 0L, 1);

    assertThat(w.users()).isNull();
  }
}
