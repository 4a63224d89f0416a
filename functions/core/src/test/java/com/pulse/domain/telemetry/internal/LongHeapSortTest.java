package com.pulse.domain.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongHeapSortTest {
  @Test
  void sortsPrefixesLikeArraysSort() {
    SplittableRandom r = new SplittableRandom(3);
    for (int n : new int[] {0, 1, 2, 3, 10, 257, 4096}) {
      long[] a = r.longs(n + 5).toArray();
      long[] expected = Arrays.copyOf(a, a.length);
      Arrays.sort(expected, 0, n);
      LongHeapSort.sort(a, n);
      assertThat(a).as("n=%d", n).isEqualTo(expected);
    }
    long[] dups = {5, 1, 5, 5, Long.MIN_VALUE, Long.MAX_VALUE, 1};
    LongHeapSort.sort(dups, dups.length);
    assertThat(dups).containsExactly(Long.MIN_VALUE, 1, 1, 5, 5, 5, Long.MAX_VALUE);
  }
}
