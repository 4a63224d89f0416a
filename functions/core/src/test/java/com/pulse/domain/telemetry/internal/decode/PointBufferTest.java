package com.pulse.domain.telemetry.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PointBufferTest {
  @Test
  void holdersBeyondTheRetainedBoundAreDroppedWhenCleared() {
    PointBuffer buffer = new PointBuffer(2);
    fill(buffer, 1_000);
    buffer.clear();
    assertThat(buffer.pooled()).as("small batches reuse their holders").isEqualTo(1_000);

    fill(buffer, 200_000);
    assertThat(buffer.pooled()).isEqualTo(200_000);
    buffer.clear();
    assertThat(buffer.pooled()).as("a held write's holders are not kept").isEqualTo(PointBuffer.RETAINED);
    assertThat(buffer.size()).isZero();
    fill(buffer, 3);
    assertThat(buffer.get(2).dimensions).as("a reused holder is reset").containsOnlyNulls();
  }

  @Test
  void aFreshHoldersHistogramArraysGrowFromEmpty() {
    PointBuffer buffer = new PointBuffer(0);
    DataPoint p = buffer.next();
    assertThat(p.buckets).isEmpty();
    for (int i = 0; i < 40; i++) {
      p.addBound(i);
      p.addBucket(i);
      p.addExponential(true, i);
      p.addExponential(false, -i);
    }
    p.addBucket(40);
    p.deltaIsValue();

    assertThat(p.nBounds).isEqualTo(40);
    assertThat(p.bounds[39]).isEqualTo(39.0);
    assertThat(p.nBuckets).isEqualTo(41);
    assertThat(p.deltaBuckets[40]).isEqualTo(40);
    assertThat(p.deltaPositive[39]).isEqualTo(39);
    assertThat(p.deltaNegative[39]).isEqualTo(-39);
  }

  private static void fill(PointBuffer buffer, int points) {
    for (int i = 0; i < points; i++) {
      buffer.next().value = i;
    }
    assertThat(buffer.get(points - 1).value).isEqualTo(points - 1);
  }
}
