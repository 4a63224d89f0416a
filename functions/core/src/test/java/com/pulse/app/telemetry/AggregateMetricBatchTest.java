package com.pulse.app.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.pulse.domain.telemetry.metric.MetricSeries;
import com.pulse.domain.telemetry.metric.MetricSketches;
import com.pulse.domain.telemetry.metric.MetricWindows;
import com.pulse.testing.OtlpMetricRequests;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleGauge;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentSelector;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.View;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.time.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OTLP metrics from the real OpenTelemetry Java SDK (a {@link SdkMeterProvider} collected twice,
 * cumulative or delta temporality, serialized by the SDK's OTLP marshaler as protobuf or JSON, with
 * or without a content type) through the use case: exact windows per metric type.
 */
class AggregateMetricBatchTest {
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");

  @ParameterizedTest(name = "{0} {1} content-type={2}")
  @CsvSource({
    "cumulative, protobuf, application/x-protobuf",
    "cumulative, json, application/json",
    "delta, protobuf, application/x-protobuf",
    "delta, json, application/json",
    "cumulative, protobuf, ''",
    "delta, json, ''",
  })
  void sdkMetricsOfEveryTypeBecomeExactWindows(String temporality, String encoding, String contentType) {
    List<Collection<MetricData>> collections = collectTwice(temporality.equals("delta"));
    MetricFixtures f = new MetricFixtures();
    List<TelemetryEvent> events = new ArrayList<>();
    for (int i = 0; i < collections.size(); i++) {
      byte[] body = encoding.equals("json") ? OtlpMetricRequests.json(collections.get(i)) : OtlpMetricRequests.protobuf(collections.get(i));
      events.add(OtlpMetricRequests.event(10 + i, T0.plusSeconds(31 + 60L * i), body, contentType.isEmpty() ? null : contentType));
    }
    MetricBatchResult result = f.handle("0", events);

    assertThat(result.deadLettered()).isZero();
    assertThat(result.points()).isEqualTo(result.aggregated() + result.notAggregated());
    assertThat(result.baseline() + result.stale() + result.outOfRange() + result.expired()).isZero();
    // counter: +5 (/a) and +2 (/b) in the first minute, +3 and +1 in the second, whatever the temporality
    assertThat(f.minute("2026-11-21T10:00:00Z", "requests", Map.of("http.route", "/a")).increase()).isEqualTo(5);
    assertThat(f.minute("2026-11-21T10:00:00Z", "requests", Map.of("http.route", "/b")).increase()).isEqualTo(2);
    assertThat(f.minute("2026-11-21T10:01:00Z", "requests", Map.of("http.route", "/a")).increase()).isEqualTo(3);
    assertThat(f.minute("2026-11-21T10:01:00Z", "requests", Map.of("http.route", "/b")).increase()).isEqualTo(1);
    MetricSeries hourA = f.series("PT1H", "2026-11-21T10:00:00Z", "requests", Map.of("http.route", "/a")).orElseThrow();
    assertThat(hourA.increase()).isEqualTo(8);
    assertThat(hourA.unit()).isEqualTo("{request}");
    // gauge: the last value set before each collection
    MetricSeries gauge = f.minute("2026-11-21T10:01:00Z", "queue.depth", Map.of());
    assertThat(gauge.type()).isEqualTo(MetricWindows.GAUGE);
    assertThat(gauge.last()).isEqualTo(4.0);
    MetricSeries gaugeHour = f.series("PT1H", "2026-11-21T10:00:00Z", "queue.depth", Map.of()).orElseThrow();
    assertThat(gaugeHour.min()).isEqualTo(3.0);
    assertThat(gaugeHour.max()).isEqualTo(4.0);
    assertThat(gaugeHour.last()).isEqualTo(4.0);
    assertThat(gaugeHour.sum() / gaugeHour.points()).isEqualTo(3.5);
    // explicit histogram: the second minute holds only the second minute's 4 values
    MetricSeries h = f.minute("2026-11-21T10:01:00Z", "http.server.request.duration", Map.of("http.route", "/a"));
    assertThat(h.type()).isEqualTo(MetricWindows.HISTOGRAM);
    assertThat(h.count()).isEqualTo(4);
    assertThat(h.sum()).isCloseTo(0.3 + 0.3 + 0.7 + 0.9, within(1e-9));
    // delta points carry exact min/max; cumulative ones only the buckets: half a bucket width (+1%)
    assertThat(h.min()).isCloseTo(0.3, within(temporality.equals("delta") ? 0 : 0.125 + 0.01));
    assertThat(h.max()).isCloseTo(0.9, within(temporality.equals("delta") ? 0 : 0.25 + 0.01));
    // exponential histogram: count, sum and quantiles of the second minute's values 100..199
    MetricSeries e = f.minute("2026-11-21T10:01:00Z", "exp.latency", Map.of());
    assertThat(e.count()).isEqualTo(100);
    assertThat(e.sum()).isEqualTo(14_950.0);
    var stats = MetricWindows.versionOf(f.store.allWindows().stream()
        .filter(d -> d.granularity().equals("PT1M") && d.windowStart().equals(Instant.parse("2026-11-21T10:01:00Z")))
        .findFirst().orElseThrow());
    int index = stats.document().series().indexOf(e);
    // the cumulative point spans 0..199 (SDK scale 4), the delta point 100..199 (a finer scale)
    double bound = MetricSketches.exponentialErrorBound(4);
    assertThat(stats.stats().get(index).p50()).isCloseTo(149.5, within(149.5 * bound));
    assertThat(stats.stats().get(index).p99()).isCloseTo(198.5, within(198.5 * bound));
    if (temporality.equals("delta")) {
      assertThat(e.min()).isEqualTo(100.0);
      assertThat(e.max()).isEqualTo(199.0);
      assertThat(e.minMaxEstimated()).isFalse();
    } else {
      assertThat(e.minMaxEstimated()).isTrue();
      assertThat(e.min()).isCloseTo(100, within(100 * 0.02));
    }
  }

  /** Two collections of one SDK: at T0+30 s and T0+90 s. */
  static List<Collection<MetricData>> collectTwice(boolean delta) {
    TestClock clock = TestClock.create(T0);
    InMemoryMetricReader reader = delta ? InMemoryMetricReader.builder()
        .setAggregationTemporalitySelector(type -> AggregationTemporality.DELTA).build() : InMemoryMetricReader.create();
    SdkMeterProvider provider = SdkMeterProvider.builder()
        .setClock(clock)
        .setResource(OtlpMetricRequests.resource("checkout", "contoso"))
        .registerMetricReader(reader)
        .registerView(InstrumentSelector.builder().setName("exp.latency").build(),
            View.builder().setAggregation(Aggregation.base2ExponentialBucketHistogram()).build())
        .build();
    Meter meter = provider.get("pulse-test");
    LongCounter requests = meter.counterBuilder("requests").setUnit("{request}").build();
    DoubleGauge depth = meter.gaugeBuilder("queue.depth").build();
    DoubleHistogram duration = meter.histogramBuilder("http.server.request.duration").setUnit("s")
        .setExplicitBucketBoundariesAdvice(List.of(0.1, 0.25, 0.5, 1.0)).build();
    DoubleHistogram latency = meter.histogramBuilder("exp.latency").setUnit("ms").build();
    Attributes a = Attributes.of(ROUTE, "/a", AttributeKey.stringKey("user.id"), "u1");
    Attributes b = Attributes.of(ROUTE, "/b");

    clock.advance(Duration.ofSeconds(10));
    requests.add(5, a);
    requests.add(2, b);
    depth.set(3);
    duration.record(0.05, a);
    duration.record(0.2, a);
    for (int v = 0; v < 100; v++) {
      latency.record(v);
    }
    clock.advance(Duration.ofSeconds(20));
    List<Collection<MetricData>> out = new ArrayList<>();
    out.add(reader.collectAllMetrics());
    clock.advance(Duration.ofSeconds(30));
    requests.add(3, a);
    requests.add(1, b);
    depth.set(4);
    for (double v : new double[] {0.3, 0.3, 0.7, 0.9}) {
      duration.record(v, a);
    }
    for (int v = 100; v < 200; v++) {
      latency.record(v);
    }
    clock.advance(Duration.ofSeconds(30));
    out.add(reader.collectAllMetrics());
    provider.close();
    return out;
  }
}
