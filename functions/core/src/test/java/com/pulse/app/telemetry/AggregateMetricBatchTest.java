package com.pulse.app.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryMetricWindowStore;
import com.pulse.app.port.DependencyException;
import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.MetricWindowExport;
import com.pulse.app.port.MetricWindowStore;
import com.pulse.app.port.Versioned;
import com.pulse.domain.telemetry.metric.MetricDimensions;
import com.pulse.domain.telemetry.metric.MetricSeries;
import com.pulse.domain.telemetry.metric.MetricStreamDocument;
import com.pulse.domain.telemetry.metric.MetricWindowDocument;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OTLP metrics from the real OpenTelemetry Java SDK (a {@link SdkMeterProvider} collected twice,
 * cumulative or delta temporality, serialized by the SDK's OTLP marshaler as protobuf or JSON, with
 * or without a content type) through the use case: exact windows per metric type. And the window
 * documents an instance remembers between batches: reads saved, a stale one re-read, a failed batch
 * forgetting, the stream state read every batch.
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

  @Test
  void aLaterBatchTakesTheWindowDocumentsThisInstanceWroteFromMemoryButReadsTheStreamState() {
    CountingStore store = new CountingStore();
    AggregateMetricBatch mine = useCase(store);

    mine.handle(new TelemetryBatch("0", List.of(orders(1), orders(2))));
    assertThat(store.windowReads).as("first batch: the minute and hour documents are read (absent)")
        .containsExactly(2);
    mine.handle(new TelemetryBatch("0", List.of(orders(3))));
    mine.handle(new TelemetryBatch("0", List.of(orders(4), orders(5))));

    assertThat(store.windowReads).as("later batches: both come from memory").containsExactly(2);
    assertThat(store.streamReads).as("the stream state is read every batch").containsExactly(1, 1, 1);
    assertThat(ordersMinute(store).increase()).isEqualTo(5);
  }

  @Test
  void aStaleRememberedWindowDocumentConflictsOnceIsReReadAndCountsEachPointOnce() {
    CountingStore store = new CountingStore();
    AggregateMetricBatch mine = useCase(store);
    AggregateMetricBatch other = useCase(store); // another owner of partition 0, with its own memory
    mine.handle(new TelemetryBatch("0", List.of(orders(1), orders(2))));
    mine.handle(new TelemetryBatch("0", List.of(orders(3))));
    other.handle(new TelemetryBatch("0", List.of(orders(4)))); // and checkpoints: mine's memory is stale
    store.windowReads.clear();

    MetricBatchResult r = mine.handle(new TelemetryBatch("0", List.of(orders(5), orders(6))));

    // 6 = one per point; a remembered stream state (at 3) would count 5 - 3 and make it 7
    MetricSeries minute = ordersMinute(store);
    assertThat(minute.increase()).isEqualTo(6);
    assertThat(minute.points()).isEqualTo(6);
    assertThat(r.conflicts()).as("each remembered ETag (minute, hour) is stale once").isEqualTo(2);
    assertThat(store.windowReads).as("and each document is re-read alone").containsExactly(1, 1);
    assertThat(store.delegate.allWindows()).extracting(MetricWindowDocument::lastSequenceNumber).containsOnly(6L);
    assertThat(store.delegate.allWindows()).filteredOn(d -> d.granularity().equals("PT1H")).singleElement()
        .extracting(d -> d.series().get(0).increase()).isEqualTo(6.0);
  }

  @Test
  void aFailedBatchForgetsTheWindowDocumentsItTouched() {
    CountingStore store = new CountingStore();
    AggregateMetricBatch mine = useCase(store);
    mine.handle(new TelemetryBatch("0", List.of(orders(1), orders(2))));
    store.replacesBeforeFailure = 1; // the first document is written, the second fails
    assertThatThrownBy(() -> mine.handle(new TelemetryBatch("0", List.of(orders(3)))))
        .isInstanceOf(DependencyException.class);
    store.replacesBeforeFailure = -1;
    store.windowReads.clear();

    mine.handle(new TelemetryBatch("0", List.of(orders(3), orders(4))));

    assertThat(store.windowReads).as("both documents are read again").containsExactly(2);
    assertThat(ordersMinute(store).increase()).isEqualTo(4);
  }

  private static final long S = 1_000_000_000L;
  private static final long T0_NANOS = T0.getEpochSecond() * S;

  /** Event {@code seq}: the cumulative counter {@code orders} (started at T0) at {@code seq} after {@code seq} seconds. */
  private static TelemetryEvent orders(long seq) {
    MetricData counter = OtlpMetricRequests.sum(OtlpMetricRequests.resource("checkout", "contoso"), "orders", "{order}",
        true, true, OtlpMetricRequests.point(T0_NANOS, T0_NANOS + seq * S, Attributes.empty(), seq));
    return OtlpMetricRequests.event(seq, T0.plusSeconds(seq + 1), OtlpMetricRequests.protobuf(List.of(counter)), null);
  }

  private static AggregateMetricBatch useCase(MetricWindowStore store) {
    return new AggregateMetricBatch(MetricDimensions.DEFAULT, store, new InMemoryDeadLetterStore(), MetricWindowExport.NONE,
        MetricFixtures.POLICY, MetricFixtures.CLOCK);
  }

  private static MetricSeries ordersMinute(CountingStore store) {
    return store.delegate.allWindows().stream().filter(d -> d.granularity().equals("PT1M")).findFirst().orElseThrow()
        .series().stream().filter(s -> s.metric().equals("orders")).findFirst().orElseThrow();
  }

  /** An in-memory store that records the size of every read and can fail window replaces with a 503. */
  private static final class CountingStore implements MetricWindowStore {
    final InMemoryMetricWindowStore delegate = new InMemoryMetricWindowStore();
    final List<Integer> windowReads = new ArrayList<>();
    final List<Integer> streamReads = new ArrayList<>();
    /** Window replaces that succeed before every further one fails with a 503; -1: none fails. */
    int replacesBeforeFailure = -1;

    @Override
    public Map<DocumentKey, Versioned<MetricWindowDocument>> readWindows(Collection<DocumentKey> keys) {
      windowReads.add(keys.size());
      return delegate.readWindows(keys);
    }

    @Override
    public Versioned<MetricWindowDocument> createWindow(MetricWindowDocument document) {
      return delegate.createWindow(document);
    }

    @Override
    public Versioned<MetricWindowDocument> replaceWindow(MetricWindowDocument document, String ifMatchEtag) {
      if (replacesBeforeFailure == 0) {
        throw new DependencyException("503", 503, null, null);
      }
      if (replacesBeforeFailure > 0) {
        replacesBeforeFailure--;
      }
      return delegate.replaceWindow(document, ifMatchEtag);
    }

    @Override
    public Map<DocumentKey, Versioned<MetricStreamDocument>> readStreams(Collection<DocumentKey> keys) {
      streamReads.add(keys.size());
      return delegate.readStreams(keys);
    }

    @Override
    public Versioned<MetricStreamDocument> createStreams(MetricStreamDocument document) {
      return delegate.createStreams(document);
    }

    @Override
    public Versioned<MetricStreamDocument> replaceStreams(MetricStreamDocument document, String ifMatchEtag) {
      return delegate.replaceStreams(document, ifMatchEtag);
    }

    @Override
    public List<MetricWindowDocument> listRange(String tenantId, String granularity, Instant from, Instant to) {
      return delegate.listRange(tenantId, granularity, from, to);
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
