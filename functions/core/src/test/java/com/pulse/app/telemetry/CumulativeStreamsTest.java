package com.pulse.app.telemetry;

import static com.pulse.testing.OtlpMetricRequests.event;
import static com.pulse.testing.OtlpMetricRequests.exponentialHistogram;
import static com.pulse.testing.OtlpMetricRequests.exponentialPoint;
import static com.pulse.testing.OtlpMetricRequests.histogram;
import static com.pulse.testing.OtlpMetricRequests.histogramPoint;
import static com.pulse.testing.OtlpMetricRequests.point;
import static com.pulse.testing.OtlpMetricRequests.protobuf;
import static com.pulse.testing.OtlpMetricRequests.resource;
import static com.pulse.testing.OtlpMetricRequests.sum;
import static com.pulse.testing.OtlpMetricRequests.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.domain.telemetry.metric.MetricSeries;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cumulative streams: increases, resets by start time, drops, resends, baselines, scale changes. */
class CumulativeStreamsTest {
  private static final Resource R = resource("checkout", "contoso");
  private static final long S = 1_000_000_000L;
  /** 2026-11-21T10:00:00Z in epoch nanoseconds. */
  private static final long T0 = Instant.parse("2026-11-21T10:00:00Z").getEpochSecond() * S;

  private final MetricFixtures f = new MetricFixtures();
  private final List<TelemetryEvent> events = new ArrayList<>();

  private void send(long timeNanos, MetricData... metrics) {
    events.add(event(events.size() + 1, Instant.ofEpochSecond(timeNanos / S + 1), protobuf(List.of(metrics)), null));
  }

  private MetricSeries minute(int minute, String metric) {
    return f.minute(Instant.ofEpochSecond(T0 / S + 60L * minute).toString(), metric, Map.of());
  }

  private MetricData counter(long start, long time, double value) {
    return sum(R, "orders", "{order}", true, true, point(start, time, Attributes.empty(), value));
  }

  @Test
  void monotonicSumIncreasesAndResetsByStartTimeAndByDrop() {
    send(T0 + 10 * S, counter(T0, T0 + 10 * S, 4));        // new stream (started 10 s ago): +4
    send(T0 + 70 * S, counter(T0, T0 + 70 * S, 10));       // +6
    send(T0 + 130 * S, counter(T0 + 125 * S, T0 + 130 * S, 3)); // restarted (later start): +3
    send(T0 + 190 * S, counter(T0 + 125 * S, T0 + 190 * S, 1)); // dropped with the same start: a reset, +1
    send(T0 + 190 * S, counter(T0 + 125 * S, T0 + 190 * S, 1)); // resent: stale
    MetricBatchResult r = f.handle("0", events);

    assertThat(minute(0, "orders").increase()).isEqualTo(4);
    assertThat(minute(1, "orders").increase()).isEqualTo(6);
    assertThat(minute(2, "orders").increase()).isEqualTo(3);
    assertThat(minute(3, "orders").increase()).isEqualTo(1);
    assertThat(minute(3, "orders").points()).isEqualTo(1);
    assertThat(r.stale()).isEqualTo(1);
    assertThat(r.points()).isEqualTo(r.aggregated() + r.notAggregated());
  }

  @Test
  void aStreamThatStartedLongBeforeItsFirstPointOnlySetsTheBaseline() {
    send(T0 + 10 * S, counter(T0 - 3600 * S, T0 + 10 * S, 1_000));
    send(T0 + 70 * S, counter(T0 - 3600 * S, T0 + 70 * S, 1_007));
    MetricBatchResult r = f.handle("0", events);

    assertThat(r.baseline()).isEqualTo(1);
    assertThat(f.series("PT1M", "2026-11-21T10:00:00Z", "orders", Map.of())).isEmpty();
    assertThat(minute(1, "orders").increase()).isEqualTo(7);
  }

  @Test
  void stateCarriesAcrossBatchesAndNonMonotonicSumsGoDown() {
    MetricData up = sum(R, "queue.items", "1", true, false, point(T0, T0 + 10 * S, Attributes.empty(), 5));
    MetricData down = sum(R, "queue.items", "1", true, false, point(T0, T0 + 70 * S, Attributes.empty(), 2));
    send(T0 + 10 * S, up);
    f.handle("0", List.copyOf(events));
    events.clear();
    events.add(event(2, Instant.ofEpochSecond(T0 / S + 71), protobuf(List.of(down)), null));
    f.handle("0", events);

    assertThat(minute(0, "queue.items").increase()).isEqualTo(5);
    assertThat(minute(1, "queue.items").increase()).isEqualTo(-3);
    assertThat(f.store.allStreams()).singleElement().satisfies(s -> assertThat(s.lastSequenceNumber()).isEqualTo(2));
  }

  @Test
  void cumulativeHistogramsAreDifferencedBucketByBucket() {
    List<Double> bounds = List.of(10.0, 100.0);
    send(T0 + 10 * S, histogram(R, "db.duration", "ms", true,
        histogramPoint(T0, T0 + 10 * S, Attributes.empty(), 60, 5, 50, bounds, List.of(1L, 1L, 0L))));
    send(T0 + 70 * S, histogram(R, "db.duration", "ms", true,
        histogramPoint(T0, T0 + 70 * S, Attributes.empty(), 560, 5, 300, bounds, List.of(1L, 2L, 2L))));
    f.handle("0", events);

    MetricSeries second = minute(1, "db.duration");
    assertThat(second.count()).isEqualTo(3);
    assertThat(second.sum()).isEqualTo(500);
    assertThat(second.minMaxEstimated()).isTrue();
  }

  @Test
  void exponentialHistogramsDownscaleTheOlderPointBeforeDifferencing() {
    // scale 1, buckets 4..5 = values in (4, 5.66] and (5.66, 8]; then scale 0 after more values
    send(T0 + 10 * S, exponentialHistogram(R, "rpc.duration", "ms", true,
        exponentialPoint(T0, T0 + 10 * S, Attributes.empty(), 1, 11, 0, 5, 6, 4, List.of(1L, 1L))));
    // scale 0: bucket 2 = (4, 8] holds the two old values and one new, bucket 3 = (8, 16] one new
    send(T0 + 70 * S, exponentialHistogram(R, "rpc.duration", "ms", true,
        exponentialPoint(T0, T0 + 70 * S, Attributes.empty(), 0, 11 + 7 + 12, 0, 5, 12, 2, List.of(3L, 1L))));
    MetricBatchResult r = f.handle("0", events);

    MetricSeries second = minute(1, "rpc.duration");
    assertThat(second.count()).isEqualTo(2);
    assertThat(second.sum()).isEqualTo(19);
    assertThat(r.stale() + r.baseline()).isZero();
  }

  @Test
  void summariesReportCountAndSumIncreases() {
    send(T0 + 10 * S, summary(R, "gc.pause", "ms", T0, T0 + 10 * S, 4, 40));
    send(T0 + 70 * S, summary(R, "gc.pause", "ms", T0, T0 + 70 * S, 10, 100));
    f.handle("0", events);

    assertThat(minute(1, "gc.pause").count()).isEqualTo(6);
    assertThat(minute(1, "gc.pause").sum()).isEqualTo(60);
  }

  @Test
  void streamsOfOneSeriesAreDifferencedSeparately() {
    // two instances (different service.instance.id) of one service: one series, two streams
    Resource a = R.merge(Resource.create(Attributes.builder().put("service.instance.id", "a").build()));
    Resource b = R.merge(Resource.create(Attributes.builder().put("service.instance.id", "b").build()));
    send(T0 + 10 * S, sum(a, "orders", "1", true, true, point(T0, T0 + 10 * S, Attributes.empty(), 100)),
        sum(b, "orders", "1", true, true, point(T0, T0 + 10 * S, Attributes.empty(), 1)));
    send(T0 + 70 * S, sum(a, "orders", "1", true, true, point(T0, T0 + 70 * S, Attributes.empty(), 110)),
        sum(b, "orders", "1", true, true, point(T0, T0 + 70 * S, Attributes.empty(), 2)));
    f.handle("0", events);

    assertThat(minute(0, "orders").increase()).isEqualTo(101);
    assertThat(minute(1, "orders").increase()).isEqualTo(11);
  }
}
