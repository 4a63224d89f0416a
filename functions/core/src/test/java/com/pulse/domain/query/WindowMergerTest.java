package com.pulse.domain.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.pulse.domain.telemetry.WindowDocument;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.datasketches.hll.HllSketch;
import org.junit.jupiter.api.Test;

class WindowMergerTest {
  private static final Instant T = Instant.parse("2026-11-21T05:00:00Z");

  @Test
  void mergesCountsPercentilesAndDistinctUsersAcrossPartitions() {
    Random random = new Random(7);
    double[] all = random.doubles(20_000, 1, 2_000).toArray();
    double[] p0 = Arrays.copyOfRange(all, 0, 12_000);
    double[] p1 = Arrays.copyOfRange(all, 12_000, 20_000);
    int[] usersA = IntStream.range(0, 600).toArray();
    int[] usersB = IntStream.range(400, 1_000).toArray();

    List<MergedWindow> merged = WindowMerger.merge(List.of(
        TestWindows.doc("0", "POST /cart", T, p0, usersA, 30), TestWindows.doc("1", "POST /cart", T, p1, usersB, 20)));

    assertThat(merged).singleElement().satisfies(w -> {
      assertThat(w.partitions()).isEqualTo(2);
      assertThat(w.count()).isEqualTo(20_000);
      assertThat(w.errorCount()).isEqualTo(50);
      assertThat(w.lateCount()).isEqualTo(2);
      assertThat(w.errorRate()).isCloseTo(50 / 20_000.0, within(1e-12));
      assertThat(w.meanMs()).isCloseTo(Arrays.stream(all).average().orElseThrow(), within(1e-6));
      double[] sorted = all.clone();
      Arrays.sort(sorted);
      // DDSketch guarantee: within 1% of the exact order statistic (lower quantile definition).
      assertThat(w.p50Ms()).isCloseTo(sorted[(int) (0.50 * (sorted.length - 1))], within(sorted[9_999] * 0.01));
      assertThat(w.p95Ms()).isCloseTo(sorted[(int) (0.95 * (sorted.length - 1))], within(sorted[18_999] * 0.01));
      assertThat(w.p99Ms()).isCloseTo(sorted[(int) (0.99 * (sorted.length - 1))], within(sorted[19_799] * 0.01));
      assertThat((double) w.distinctUsers()).isCloseTo(1_000, within(1_000 * 0.02));
    });
  }

  @Test
  void separatesOperationsAndWindowsAndOrdersByStart() {
    double[] one = {10};
    List<MergedWindow> merged = WindowMerger.merge(List.of(TestWindows.doc("0", "GET /b", T.plusSeconds(60), one, new int[0], 0),
        TestWindows.doc("0", "GET /a", T.plusSeconds(60), one, new int[0], 0), TestWindows.doc("1", "GET /a", T, one, new int[0], 0)));

    assertThat(merged).extracting(MergedWindow::windowStart, MergedWindow::operation).containsExactly(
        org.assertj.core.groups.Tuple.tuple(T, "GET /a"),
        org.assertj.core.groups.Tuple.tuple(T.plusSeconds(60), "GET /a"),
        org.assertj.core.groups.Tuple.tuple(T.plusSeconds(60), "GET /b"));
    assertThat(merged.get(0).distinctUsers()).isZero();
  }

  @Test
  void aCorruptSketchNamesTheDocument() {
    WindowDocument good = TestWindows.doc("0", "GET /a", T, new double[] {5}, new int[0], 0);
    WindowDocument bad = new WindowDocument("w-bad", "t1", "checkout", "GET /a", null, "PT1M", T, T.plusSeconds(60), "1",
        1, 0, 0, 5, new byte[] {(byte) 0xff, 1, 2}, new byte[0], 1, 1, T);

    assertThatThrownBy(() -> WindowMerger.merge(List.of(good, bad)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("w-bad");
  }
}
