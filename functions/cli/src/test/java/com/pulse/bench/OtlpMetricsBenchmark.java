package com.pulse.bench;

import com.pulse.adapter.capture.CaptureAvro;
import com.pulse.adapter.capture.CapturedEvent;
import com.pulse.cli.MetricsGenerator;
import com.pulse.cli.TelemetryGenerator;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.metric.DecodedMetrics;
import com.pulse.domain.telemetry.metric.MetricDimensions;
import com.pulse.domain.telemetry.metric.MetricWindowAggregator;
import com.pulse.domain.telemetry.metric.StreamStates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-thread throughput of OTLP metrics decode + cumulative-to-delta + fold into minute and hour
 * window deltas ({@link DecodedMetrics}, the in-memory part of {@code AggregateMetricBatch}). One JMH
 * operation = one pass over the corpus; setup prints its point count, so points per second = score ×
 * points and bytes per point = {@code gc.alloc.rate.norm} / points. Corpus: one hour of {@link MetricsGenerator} (seed 42, 4 tenants × 2 services × 2
 * instances, one request per instance per minute, 26–40 points each: counters, gauges, explicit and
 * exponential histograms), made by the OpenTelemetry SDK; {@code OTLP_PROTOBUF} = the cumulative
 * instances' protobuf bodies, {@code OTLP_JSON} = the delta instances' JSON bodies. How to run it:
 * docs/PERFORMANCE.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class OtlpMetricsBenchmark {
  /** Body encoding. */
  public enum Format { OTLP_PROTOBUF, OTLP_JSON }

  @Param({"OTLP_PROTOBUF", "OTLP_JSON"})
  public Format format;

  private static final LatenessPolicy POLICY = LatenessPolicy.of(Duration.ofMinutes(5));
  private final DecodedMetrics decoded = new DecodedMetrics(MetricDimensions.DEFAULT);
  private List<byte[]> bodies;
  private long[] enqueuedMillis;
  private List<String> tenants;

  @Setup
  public void setUp() throws IOException {
    Path dir = Files.createTempDirectory("otlp-metrics-bench");
    MetricsGenerator.Output out = new MetricsGenerator(new TelemetryGenerator.Options(42,
        Instant.parse("2026-11-20T09:00:00Z"), Duration.ofHours(1), 1, 4, 1)).writeTo(dir);
    bodies = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    for (Path file : out.files()) {
      for (CapturedEvent e : CaptureAvro.read(file, "0")) {
        boolean json = e.event().body()[0] == '{';
        if (json == (format == Format.OTLP_JSON)) {
          bodies.add(e.event().body());
          times.add(e.event().enqueuedTime().toEpochMilli());
        }
      }
    }
    enqueuedMillis = times.stream().mapToLong(Long::longValue).toArray();
    decoded.clear();
    for (int i = 0; i < bodies.size(); i++) {
      decoded.decode(null, bodies.get(i), i, POLICY.watermark(enqueuedMillis[i]), enqueuedMillis[i]);
    }
    tenants = new ArrayList<>(decoded.cumulativeTenants());
    System.out.printf("%n%s corpus: %d events, %d data points%n", format, bodies.size(), decoded.size());
  }

  /** Data points in the corpus (after {@link #setUp}). */
  public int points() {
    return decoded.size();
  }

  /** One pass over the corpus: decode, convert against empty stream states, fold. */
  @Benchmark
  public void decodeConvertFold(Blackhole bh) {
    decoded.clear();
    for (int i = 0; i < bodies.size(); i++) {
      decoded.decode(null, bodies.get(i), i, POLICY.watermark(enqueuedMillis[i]), enqueuedMillis[i]);
    }
    Map<String, StreamStates> states = new HashMap<>();
    for (String t : tenants) {
      states.put(t, new StreamStates(t, null));
    }
    decoded.convert(states);
    MetricWindowAggregator aggregator = decoded.fold(POLICY, null);
    bh.consume(aggregator.aggregated());
  }

  /** The decoders alone over the same bodies. */
  @Benchmark
  public void decodeOnly(Blackhole bh) {
    decoded.clear();
    for (int i = 0; i < bodies.size(); i++) {
      decoded.decode(null, bodies.get(i), i, 0, enqueuedMillis[i]);
    }
    bh.consume(decoded.size());
  }
}
