package com.pulse.domain.query;

import com.pulse.domain.telemetry.WindowDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CPU cost of the telemetry API's merge step ({@link WindowMerger}) for the typical query: one hour
 * of minute windows of one operation from 4 partitions (240 documents), each with a DDSketch of 500
 * log-normal latencies and an HLL (lgK 12) of 100 users. Store time is not included.
 *
 * <p>How to run it and its dated results: docs/PERFORMANCE.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WindowMergerBenchmark {
  private List<WindowDocument> hour;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    Instant start = Instant.parse("2026-11-21T05:00:00Z");
    hour = new ArrayList<>();
    for (int minute = 0; minute < 60; minute++) {
      for (int partition = 0; partition < 4; partition++) {
        double[] latencies = random.doubles(500).map(u -> Math.exp(3 + random.nextGaussian())).toArray();
        int[] users = IntStream.range(0, 100).map(i -> random.nextInt(5_000)).toArray();
        hour.add(TestWindows.doc(Integer.toString(partition), "POST /cart", start.plusSeconds(60L * minute),
            latencies, users, 3));
      }
    }
  }

  @Benchmark
  public List<MergedWindow> mergeOneHourOfMinuteWindows() {
    return WindowMerger.merge(hour);
  }
}
