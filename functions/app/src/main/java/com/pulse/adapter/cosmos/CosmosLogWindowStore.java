package com.pulse.adapter.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.LogWindowStore;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WriteConflictException;
import com.pulse.domain.telemetry.log.LogWindowDocument;
import com.pulse.domain.telemetry.log.LogWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@link LogWindowStore} on the Cosmos DB container {@code windows} (pk {@code /tenantId}), beside
 * the request windows: log documents carry {@code signal = "log"} and ids starting {@code log-}, and
 * the request-window range query leaves them out ({@link CosmosQueries#windowRange}). Point
 * operations on the hot path: {@code readMany}, create (409 → {@link WriteConflictException}) and
 * replace with {@code If-Match} (412 or 404 → {@link WriteConflictException}). Minute documents
 * carry a per-document {@code ttl} like request windows; hour documents live for the container
 * default. The JSON is {@link SeriesListJson}'s: a write serializes only the series its batch
 * changed. Other failures are translated by {@link CosmosCalls} ({@code DependencyException} for
 * 429, 5xx and timeouts). Thread-safe.
 */
public final class CosmosLogWindowStore implements LogWindowStore {
  private static final String KIND = "log window document";

  private final WindowDocumentIo io;
  private final SeriesListJson<LogWindowDocument> json = SeriesListJson.logWindows(SeriesListJson.defaultMaxBytes());

  /**
   * @param container container {@code windows}
   * @param calls its call wrapper (request charge, throttling, spans)
   * @param minuteWindowTtl lifetime of minute documents after their last write, at least 1 s
   * @throws IllegalArgumentException if {@code minuteWindowTtl} is shorter than one second
   * @throws NullPointerException if an argument is null
   */
  public CosmosLogWindowStore(CosmosContainer container, CosmosCalls calls, Duration minuteWindowTtl) {
    this.io = new WindowDocumentIo(container, calls, minuteWindowTtl);
  }

  @Override
  public Map<DocumentKey, Versioned<LogWindowDocument>> readMany(Collection<DocumentKey> keys) {
    return io.readMany(keys, LogWindowDocument.class, document -> true);
  }

  @Override
  public Versioned<LogWindowDocument> create(LogWindowDocument document) {
    return io.create(KIND, document, stored(document), document.tenantId(), document.id());
  }

  @Override
  public Versioned<LogWindowDocument> replace(LogWindowDocument document, String ifMatchEtag) {
    return io.replace(KIND, document, stored(document), document.tenantId(), document.id(), ifMatchEtag);
  }

  @Override
  public List<LogWindowDocument> listRange(String tenantId, String granularity, Instant from, Instant to) {
    return io.query(tenantId, CosmosQueries.signalWindowRange(LogWindows.SIGNAL, tenantId, granularity, from, to),
        document -> Stream.of(CosmosDocuments.fromDocument(document, LogWindowDocument.class)));
  }

  /** Its JSON ({@link SeriesListJson}), with the {@code ttl} if it is a minute document. */
  private ObjectNode stored(LogWindowDocument document) {
    return io.withTtl(json.toStored(document), WindowDocumentIo.MINUTE.equals(document.granularity()));
  }
}
