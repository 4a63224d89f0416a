package com.pulse.adapter.cosmos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.telemetry.WindowDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * CPU cost the Cosmos adapter adds per document on the aggregation hot path: mapping a
 * {@link WindowDocument} (with a realistic ~1 KB DDSketch and HLL image) to its JSON tree and back,
 * and advancing a tenant's latest-points document by one run of 50 points. Network time is not
 * included.
 *
 * <p>How to run it and its dated results: docs/PERFORMANCE.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CosmosDocumentsBenchmark {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  private WindowDocument window;
  private ObjectNode windowJson;
  private LatestPointsDocument latest;
  private List<MetricPoint> run;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    byte[] sketch = new byte[1024];
    byte[] hll = new byte[512];
    random.nextBytes(sketch);
    random.nextBytes(hll);
    window = new WindowDocument("acme|checkout|POST_pay|PT1M|2024-05-01T10:00:00Z|3", "acme", "checkout", "POST /pay", null,
        "PT1M", T0, T0.plusSeconds(60), "3", 1234, 12, 3, 56_789.5, sketch, hll, 987_654, 17, T0.plusSeconds(61));
    windowJson = CosmosDocuments.toDocument(window);
    List<MetricPoint> previous = points(T0);
    latest = LatestPointsDocument.empty("acme").advance(previous);
    run = points(T0.plusSeconds(3600));
  }

  private static List<MetricPoint> points(Instant windowStart) {
    List<MetricPoint> points = new ArrayList<>();
    for (int metric = 0; metric < 5; metric++) {
      for (int region = 0; region < 10; region++) {
        points.add(MetricPoint.create("metric_" + metric, "acme", Map.of("region", "r" + region, "plan", "pro"),
            windowStart, windowStart.plusSeconds(3600), Map.of("value", region * 1.5, "count", 100.0 + region),
            "count", windowStart.plusSeconds(3700), "run-1"));
      }
    }
    return points;
  }

  /** Record → JSON tree (what the adapter hands the SDK), per window document. */
  @Benchmark
  public ObjectNode windowToDocument() {
    return CosmosDocuments.toDocument(window);
  }

  /** JSON tree → record (readMany result), per window document. */
  @Benchmark
  public WindowDocument windowFromDocument() {
    return CosmosDocuments.fromDocument(windowJson, WindowDocument.class);
  }

  /** Advancing the latest-points document by a run of 5 metrics × 10 dimension values. */
  @Benchmark
  public LatestPointsDocument advanceLatestBy50Points() {
    return latest.advance(run);
  }
}
