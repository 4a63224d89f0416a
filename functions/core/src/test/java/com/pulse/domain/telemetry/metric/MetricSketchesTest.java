package com.pulse.domain.telemetry.metric;

import static org.assertj.core.api.Assertions.assertThat;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.mapping.LogarithmicMapping;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import com.pulse.domain.telemetry.aggregate.LatencySketches;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentSelector;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.View;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Accuracy of the histogram → DDSketch mappings against exact quantiles. Exponential: values recorded
 * into the real SDK's base-2 exponential histogram (its scale chosen by the SDK for the bucket
 * budget), the point mapped with {@link MetricSketches#addExponential}; p50/p95/p99 must be within
 * {@link MetricSketches#exponentialErrorBound} of the point's scale of the exact quantiles. Explicit:
 * within half the bucket holding the exact quantile (plus 1%).
 */
class MetricSketchesTest {

  /**
   * {@link MetricSketches#newSketch} copies an empty template; each sketch must be independent and
   * behave as sketches-java's constructor builds it (two collapsing stores of {@code MAX_BINS}):
   * same counts, quantiles and bytes for values of both signs over more bins than a store keeps.
   */
  @Test
  void newSketchesAreIndependentAndBehaveAsTheLibrarysConstructorBuildsThem() {
    DDSketch reference = new DDSketch(new LogarithmicMapping(LatencySketches.RELATIVE_ACCURACY),
        () -> new CollapsingLowestDenseStore(MetricSketches.MAX_BINS),
        () -> new CollapsingLowestDenseStore(MetricSketches.MAX_BINS));
    DDSketch first = MetricSketches.newSketch();
    SplittableRandom random = new SplittableRandom(15);
    for (int i = 0; i < 20_000; i++) {
      double v = (random.nextBoolean() ? -1 : 1) * Math.pow(10, random.nextDouble(-3, 9));
      reference.accept(v);
      first.accept(v);
    }
    first.accept(0);
    reference.accept(0);
    DDSketch second = MetricSketches.newSketch();
    assertThat(second.isEmpty()).isTrue();
    assertThat(first.getCount()).isEqualTo(reference.getCount());
    double[] quantiles = {0, 0.01, 0.5, 0.95, 0.99, 1};
    assertThat(first.getValuesAtQuantiles(quantiles)).containsExactly(reference.getValuesAtQuantiles(quantiles));
    assertThat(MetricSketches.serialize(first)).isEqualTo(MetricSketches.serialize(reference));
    second.accept(-5);
    assertThat(MetricSketches.newSketch().isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "{0} values, log-normal sigma {1}, max buckets {2}")
  @CsvSource({"10000, 0.3, 160", "10000, 1.5, 160", "50000, 3.0, 160", "10000, 1.0, 20"})
  void exponentialHistogramQuantilesStayWithinTheStatedBound(int n, double sigma, int maxBuckets) {
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    SdkMeterProvider provider = SdkMeterProvider.builder().registerMetricReader(reader)
        .registerView(InstrumentSelector.builder().setName("latency").build(),
            View.builder().setAggregation(Aggregation.base2ExponentialBucketHistogram(maxBuckets, 20)).build())
        .build();
    DoubleHistogram h = provider.get("test").histogramBuilder("latency").build();
    SplittableRandom random = new SplittableRandom(n + (long) (sigma * 100));
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = Math.exp(3 + sigma * gaussian(random));
      h.record(values[i]);
    }
    MetricData metric = reader.collectAllMetrics().iterator().next();
    ExponentialHistogramPointData p = metric.getExponentialHistogramData().getPoints().iterator().next();
    DDSketch sketch = MetricSketches.newSketch();
    long[] positive = p.getPositiveBuckets().getBucketCounts().stream().mapToLong(Long::longValue).toArray();
    MetricSketches.addExponential(sketch, p.getScale(), p.getZeroCount(), p.getPositiveBuckets().getOffset(), positive,
        positive.length, 0, new long[0], 0);
    Arrays.sort(values);
    double bound = MetricSketches.exponentialErrorBound(p.getScale());
    for (double q : List.of(0.5, 0.95, 0.99)) {
      double exact = values[(int) Math.ceil(q * n) - 1];
      double estimate = sketch.getValueAtQuantile(q);
      assertThat(Math.abs(estimate - exact) / exact).as("q=%s scale=%d bound=%s", q, p.getScale(), bound)
          .isLessThanOrEqualTo(bound);
    }
    assertThat((long) sketch.getCount()).isEqualTo(n);
    provider.close();
  }

  @ParameterizedTest(name = "bounds {0}")
  @CsvSource({"'1,2,5,10,20,50,100,200,500,1000'", "'0,5,10,25,50,75,100,250,500,750,1000,2500,5000,7500,10000'"})
  void explicitBucketQuantilesStayWithinHalfTheirBucket(String boundsText) {
    double[] bounds = Arrays.stream(boundsText.split(",")).mapToDouble(Double::parseDouble).toArray();
    SplittableRandom random = new SplittableRandom(7);
    int n = 20_000;
    double[] values = new double[n];
    long[] counts = new long[bounds.length + 1];
    for (int i = 0; i < n; i++) {
      values[i] = Math.exp(3 + gaussian(random));
      int b = 0;
      while (b < bounds.length && values[i] > bounds[b]) {
        b++;
      }
      counts[b]++;
    }
    Arrays.sort(values);
    DDSketch sketch = MetricSketches.newSketch();
    MetricSketches.addExplicit(sketch, bounds, bounds.length, counts, counts.length, values[0], values[n - 1]);
    for (double q : List.of(0.5, 0.95, 0.99)) {
      double exact = values[(int) Math.ceil(q * n) - 1];
      int b = 0;
      while (b < bounds.length && exact > bounds[b]) {
        b++;
      }
      double lower = b == 0 ? values[0] : bounds[b - 1];
      double upper = b == bounds.length ? values[n - 1] : bounds[b];
      double allowed = (upper - lower) / 2 + 0.01 * upper;
      assertThat(Math.abs(sketch.getValueAtQuantile(q) - exact)).as("q=%s bucket (%s, %s]", q, lower, upper)
          .isLessThanOrEqualTo(allowed);
    }
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
