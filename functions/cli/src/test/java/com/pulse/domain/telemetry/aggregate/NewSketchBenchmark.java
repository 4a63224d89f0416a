package com.pulse.domain.telemetry.aggregate;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread cost of a new window's latency sketch and its first value: {@code template},
 * {@link LatencySketches#newSketch} (a copy of an empty sketch), against {@code constructor}, the
 * sketches-java constructor it replaced (which computes the mapping's indexable range with
 * {@code Math.pow} for every sketch). A window builds its sketch once it holds more than
 * {@link WindowAccumulator#BIN_BUFFER} latency bins; a read of a stored sketch and the telemetry
 * API's merge start from a new one. In this package for the package-private mapping and constant.
 * How to run: docs/PERFORMANCE.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class NewSketchBenchmark {
  private double value = 1;

  @Benchmark
  public DDSketch template() {
    DDSketch sketch = LatencySketches.newSketch();
    sketch.accept(next());
    return sketch;
  }

  @Benchmark
  public DDSketch constructor() {
    DDSketch sketch = new DDSketch(LatencySketches.MAPPING, () -> new CollapsingLowestDenseStore(1),
        () -> new CollapsingLowestDenseStore(LatencySketches.MAX_BINS));
    sketch.accept(next());
    return sketch;
  }

  private double next() {
    value = value >= 1000 ? 1 : value + 7.3;
    return value;
  }
}
