package com.pulse.app.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.domain.telemetry.aggregate.Granularity;
import com.pulse.domain.telemetry.metric.MetricSeries;
import com.pulse.domain.telemetry.metric.MetricStreamDocument;
import com.pulse.domain.telemetry.metric.MetricWindowDocument;
import com.pulse.domain.telemetry.metric.MetricWindows;
import com.pulse.domain.telemetry.metric.StreamPoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MetricWindowStore} must have, for both document kinds: create-once,
 * ETag-conditional replace with real conflicts, readMany round trips of every field (series of every
 * type, sketches, nulls, stream points with their bucket arrays) and, where the backend can run it,
 * the range query. Subclass per implementation; tests use fresh tenant ids.
 */
public abstract class MetricWindowStoreContract extends StoreContract<MetricWindowStore> {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  private MetricWindowDocument window(Granularity g, Instant start, long lastSequenceNumber, long version) {
    List<MetricSeries> series = List.of(
        new MetricSeries("checkout", "requests", "{request}", MetricWindows.SUM, Map.of("http.route", "/pay"), 3, 0, 0,
            null, null, null, 1_700_000_000_000_000_000L, 12.5, false, new byte[0]),
        new MetricSeries("checkout", "queue.depth", "1", MetricWindows.GAUGE, Map.of(), 2, 0, 7, 3.0, 4.0, 4.0, 5L, 0,
            false, new byte[0]),
        new MetricSeries("checkout", "db.duration", "ms", MetricWindows.HISTOGRAM, Map.of("db.system.name", "postgresql"),
            1, 9, 120.5, 1.5, 80.0, null, 6L, 0, true, new byte[] {10, 9, 8, 0, -1}));
    return new MetricWindowDocument(MetricWindows.idOf(tenant, g, start, "2"), tenant, MetricWindowDocument.SIGNAL,
        g.iso(), start, start.plusMillis(g.millis()), "2", 6, 1, 0, series, lastSequenceNumber, version, start.plusSeconds(61));
  }

  private MetricStreamDocument streams(long lastSequenceNumber, long version) {
    return new MetricStreamDocument(MetricWindows.streamsIdOf(tenant, "2"), tenant, MetricStreamDocument.SIGNAL, "2",
        List.of(new StreamPoint(-42L, 1L, 2L, 3.5, 0, 0, new long[0], 0, 0, 0, new long[0], 0, new long[0]),
            new StreamPoint(7L, 10L, 20L, 0, 9, 99.5, new long[] {1, 2, 6}, 0, 0, 0, new long[0], 0, new long[0]),
            new StreamPoint(8L, 10L, 20L, 0, 9, 1e3, new long[0], 3, 1, -5, new long[] {4, 4}, 2, new long[] {1})),
        lastSequenceNumber, version, T0);
  }

  @Test
  void windowDocumentsRoundTripEveryField() {
    MetricWindowDocument doc = window(Granularity.MINUTE, T0, 100, 1);
    Versioned<MetricWindowDocument> created = store.createWindow(doc);
    DocumentKey key = new DocumentKey(tenant, doc.id());

    Versioned<MetricWindowDocument> read = store.readWindows(List.of(key)).get(key);
    assertThat(read.etag()).isEqualTo(created.etag());
    assertThat(read.value()).usingRecursiveComparison().isEqualTo(doc);
  }

  @Test
  void windowWritesAreConditional() {
    MetricWindowDocument v1 = window(Granularity.HOUR, T0, 5, 1);
    Versioned<MetricWindowDocument> created = store.createWindow(v1);
    assertThatThrownBy(() -> store.createWindow(v1))
        .isInstanceOfSatisfying(WriteConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
    Versioned<MetricWindowDocument> v2 = store.replaceWindow(window(Granularity.HOUR, T0, 9, 2), created.etag());
    assertThat(v2.etag()).isNotEqualTo(created.etag());
    assertThatThrownBy(() -> store.replaceWindow(window(Granularity.HOUR, T0, 12, 3), created.etag()))
        .isInstanceOfSatisfying(WriteConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(412));
    DocumentKey key = new DocumentKey(tenant, v1.id());
    assertThat(store.readWindows(List.of(key)).get(key).value().lastSequenceNumber()).isEqualTo(9);
    MetricWindowDocument other = window(Granularity.MINUTE, T0.plusSeconds(60), 1, 1);
    assertThatThrownBy(() -> store.replaceWindow(other, v2.etag()))
        .isInstanceOfSatisfying(WriteConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void streamDocumentsRoundTripAndAreConditional() {
    MetricStreamDocument v1 = streams(10, 1);
    Versioned<MetricStreamDocument> created = store.createStreams(v1);
    DocumentKey key = new DocumentKey(tenant, v1.id());
    assertThat(store.readStreams(List.of(key)).get(key).value()).usingRecursiveComparison().isEqualTo(v1);
    assertThatThrownBy(() -> store.createStreams(v1)).isInstanceOf(WriteConflictException.class);
    store.replaceStreams(streams(20, 2), created.etag());
    assertThatThrownBy(() -> store.replaceStreams(streams(30, 3), created.etag()))
        .isInstanceOfSatisfying(WriteConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(412));
    assertThat(store.readStreams(List.of(key)).get(key).value().lastSequenceNumber()).isEqualTo(20);
    assertThat(store.readWindows(List.of(key))).as("kinds do not mix on read").isEmpty();
  }

  @Test
  void absentDocumentsAreMissingFromReads() {
    assertThat(store.readWindows(List.of(new DocumentKey(tenant, "metric-pt1m-none")))).isEmpty();
    assertThat(store.readStreams(List.of(new DocumentKey(tenant, "metricstate-none")))).isEmpty();
  }

  @Test
  void rangeQueryReturnsOneTenantsWindowsOfOneGranularity() {
    Assumptions.assumeTrue(supportsQueries(), "the backend cannot run queries");
    store.createWindow(window(Granularity.MINUTE, T0, 1, 1));
    store.createWindow(window(Granularity.MINUTE, T0.plusSeconds(60), 2, 1));
    store.createWindow(window(Granularity.HOUR, T0, 2, 1));
    store.createStreams(streams(2, 1));
    assertThat(store.listRange(tenant, "PT1M", T0, T0.plusSeconds(120))).extracting(MetricWindowDocument::windowStart)
        .containsExactly(T0, T0.plusSeconds(60));
    assertThat(store.listRange(tenant, "PT1M", T0, T0.plusSeconds(60))).hasSize(1);
  }
}
