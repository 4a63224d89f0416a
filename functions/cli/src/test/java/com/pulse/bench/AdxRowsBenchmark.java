package com.pulse.bench;

import com.pulse.adapter.json.AdxRows;
import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.app.port.MetricExport;
import com.pulse.app.telemetry.AggregateBatch;
import com.pulse.app.telemetry.TelemetryBatch;
import com.pulse.app.telemetry.TelemetryEvent;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.telemetry.WindowVersion;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Single-thread cost of the ADX {@code TelemetryWindows} rows alone ({@link AdxRows#windowRow}), on
 * the window versions that {@code EndToEndThroughput}'s {@code PULSE_JSON/1000/endToEnd} exports:
 * 20,000 Pulse JSON requests over 1,000 keys, aggregated in batches of 256 by {@link AggregateBatch},
 * every exported {@link WindowVersion} kept. One JMH operation = one row; {@code -prof gc} gives
 * bytes allocated per row. How to run: docs/PERFORMANCE.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AdxRowsBenchmark {
  private List<WindowVersion> versions;
  private int next;

  @Setup
  public void setUp() {
    KeyedCorpus corpus = KeyedCorpus.create(TelemetryDecodeBenchmark.Format.PULSE_JSON, 1_000, 20_000, 42);
    List<WindowVersion> kept = new ArrayList<>();
    MetricExport keep = new MetricExport() {
      @Override
      public void exportPoints(List<MetricPoint> points) {}

      @Override
      public void exportWindows(List<WindowVersion> exported) {
        kept.addAll(exported);
      }
    };
    AggregateBatch useCase = AggregateBatch.withPulseDecoders(new InMemoryWindowStore(), new InMemoryDeadLetterStore(),
        keep, LatenessPolicy.of(Duration.ofMinutes(5)),
        Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC), AggregateBatch.DEFAULT_SHARDS);
    List<TelemetryEvent> events = corpus.events;
    for (int i = 0; i < events.size(); i += EndToEndThroughput.BATCH) {
      useCase.handle(new TelemetryBatch("0", events.subList(i, Math.min(events.size(), i + EndToEndThroughput.BATCH))));
    }
    versions = kept;
    System.out.println("window versions: " + versions.size());
  }

  /** One {@code TelemetryWindows} row, cycling through the exported versions. */
  @Benchmark
  public byte[] windowRow() {
    WindowVersion v = versions.get(next);
    next = next + 1 == versions.size() ? 0 : next + 1;
    return AdxRows.windowRow(v);
  }
}
