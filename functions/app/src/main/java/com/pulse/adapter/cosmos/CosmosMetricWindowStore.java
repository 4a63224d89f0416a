package com.pulse.adapter.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.MetricWindowStore;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WriteConflictException;
import com.pulse.domain.telemetry.metric.MetricStreamDocument;
import com.pulse.domain.telemetry.metric.MetricWindowDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * {@link MetricWindowStore} on the Cosmos DB container {@code windows} (pk {@code /tenantId}), beside
 * the request windows: metric window documents ({@code signal = "metric"}) and stream-state documents
 * ({@code signal = "metricstate"}). Point operations only on the hot path: {@code readMany}, create
 * (409 → {@link WriteConflictException}), replace with {@code If-Match} (412 or 404 →
 * {@link WriteConflictException}). Minute windows and stream states carry a per-document {@code ttl}
 * (the minute-window TTL), hour windows the container default. The JSON is {@link SeriesListJson}'s:
 * a window write serializes only the series its batch changed. Thread-safe.
 */
public final class CosmosMetricWindowStore implements MetricWindowStore {
  private static final String KIND = "document";

  private final WindowDocumentIo io;
  private final SeriesListJson<MetricWindowDocument> windowJson =
      SeriesListJson.metricWindows(SeriesListJson.defaultMaxBytes());
  /** Remembers nothing: a stream-state document is read before each write, so its elements are new. */
  private final SeriesListJson<MetricStreamDocument> streamJson = SeriesListJson.metricStreams(0);

  /**
   * @param container container {@code windows}
   * @param calls its call wrapper
   * @param minuteWindowTtl lifetime of minute windows and stream states after their last write (≥ 1 s)
   * @throws IllegalArgumentException if {@code minuteWindowTtl} is shorter than one second
   */
  public CosmosMetricWindowStore(CosmosContainer container, CosmosCalls calls, Duration minuteWindowTtl) {
    this.io = new WindowDocumentIo(container, calls, minuteWindowTtl);
  }

  @Override
  public Map<DocumentKey, Versioned<MetricWindowDocument>> readWindows(Collection<DocumentKey> keys) {
    return io.readMany(keys, MetricWindowDocument.class, signal(MetricWindowDocument.SIGNAL));
  }

  @Override
  public Versioned<MetricWindowDocument> createWindow(MetricWindowDocument d) {
    return io.create(KIND, d, stored(d), d.tenantId(), d.id());
  }

  @Override
  public Versioned<MetricWindowDocument> replaceWindow(MetricWindowDocument d, String ifMatchEtag) {
    return io.replace(KIND, d, stored(d), d.tenantId(), d.id(), ifMatchEtag);
  }

  @Override
  public Map<DocumentKey, Versioned<MetricStreamDocument>> readStreams(Collection<DocumentKey> keys) {
    return io.readMany(keys, MetricStreamDocument.class, signal(MetricStreamDocument.SIGNAL));
  }

  @Override
  public Versioned<MetricStreamDocument> createStreams(MetricStreamDocument d) {
    return io.create(KIND, d, io.withTtl(streamJson.toStored(d), true), d.tenantId(), d.id());
  }

  @Override
  public Versioned<MetricStreamDocument> replaceStreams(MetricStreamDocument d, String ifMatchEtag) {
    return io.replace(KIND, d, io.withTtl(streamJson.toStored(d), true), d.tenantId(), d.id(), ifMatchEtag);
  }

  @Override
  public List<MetricWindowDocument> listRange(String tenantId, String granularity, Instant from, Instant to) {
    return io.query(tenantId,
        CosmosQueries.signalWindowRange(MetricWindowDocument.SIGNAL, tenantId, granularity, from, to),
        document -> Stream.of(CosmosDocuments.fromDocument(document, MetricWindowDocument.class)));
  }

  /** Its JSON ({@link SeriesListJson}), with the {@code ttl} if it is a minute window. */
  private ObjectNode stored(MetricWindowDocument d) {
    return io.withTtl(windowJson.toStored(d), WindowDocumentIo.MINUTE.equals(d.granularity()));
  }

  /** Only documents of {@code signal}: an id holding another kind of document counts as absent. */
  private static Predicate<ObjectNode> signal(String signal) {
    return document -> document.path("signal").asText().equals(signal);
  }
}
