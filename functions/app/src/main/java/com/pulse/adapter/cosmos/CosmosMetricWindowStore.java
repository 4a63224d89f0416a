package com.pulse.adapter.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosItemIdentity;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosItemResponse;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link MetricWindowStore} on the Cosmos DB container {@code windows} (pk {@code /tenantId}), beside
 * the request windows: metric window documents ({@code signal = "metric"}) and stream-state documents
 * ({@code signal = "metricstate"}). Point operations only on the hot path: {@code readMany}, create
 * (409 → {@link WriteConflictException}), replace with {@code If-Match} (412 or 404 →
 * {@link WriteConflictException}). Minute windows and stream states carry a per-document {@code ttl}
 * (the minute-window TTL), hour windows the container default. Thread-safe.
 */
public final class CosmosMetricWindowStore implements MetricWindowStore {
  private final CosmosContainer container;
  private final CosmosCalls calls;
  private final long ttlSeconds;

  /**
   * @param container container {@code windows}
   * @param calls its call wrapper
   * @param minuteWindowTtl lifetime of minute windows and stream states after their last write (≥ 1 s)
   * @throws IllegalArgumentException if {@code minuteWindowTtl} is shorter than one second
   */
  public CosmosMetricWindowStore(CosmosContainer container, CosmosCalls calls, Duration minuteWindowTtl) {
    this.container = Objects.requireNonNull(container, "container");
    this.calls = Objects.requireNonNull(calls, "calls");
    if (minuteWindowTtl.getSeconds() < 1) {
      throw new IllegalArgumentException("minuteWindowTtl must be at least 1 s: " + minuteWindowTtl);
    }
    this.ttlSeconds = minuteWindowTtl.getSeconds();
  }

  @Override
  public Map<DocumentKey, Versioned<MetricWindowDocument>> readWindows(Collection<DocumentKey> keys) {
    return readMany(keys, MetricWindowDocument.class, MetricWindowDocument.SIGNAL);
  }

  @Override
  public Versioned<MetricWindowDocument> createWindow(MetricWindowDocument d) {
    return create(d, d.tenantId(), d.id(), stored(d, CosmosWindowStore.MINUTE.equals(d.granularity())));
  }

  @Override
  public Versioned<MetricWindowDocument> replaceWindow(MetricWindowDocument d, String ifMatchEtag) {
    return replace(d, d.tenantId(), d.id(), stored(d, CosmosWindowStore.MINUTE.equals(d.granularity())), ifMatchEtag);
  }

  @Override
  public Map<DocumentKey, Versioned<MetricStreamDocument>> readStreams(Collection<DocumentKey> keys) {
    return readMany(keys, MetricStreamDocument.class, MetricStreamDocument.SIGNAL);
  }

  @Override
  public Versioned<MetricStreamDocument> createStreams(MetricStreamDocument d) {
    return create(d, d.tenantId(), d.id(), stored(d, true));
  }

  @Override
  public Versioned<MetricStreamDocument> replaceStreams(MetricStreamDocument d, String ifMatchEtag) {
    return replace(d, d.tenantId(), d.id(), stored(d, true), ifMatchEtag);
  }

  @Override
  public List<MetricWindowDocument> listRange(String tenantId, String granularity, Instant from, Instant to) {
    CosmosQueryRequestOptions options = new CosmosQueryRequestOptions().setPartitionKey(new PartitionKey(tenantId));
    return calls.call("query", () -> container
            .queryItems(CosmosQueries.signalWindowRange(MetricWindowDocument.SIGNAL, tenantId, granularity, from, to), options, ObjectNode.class)
            .streamByPage()
            .peek(page -> calls.charge("query", page.getRequestCharge()))
            .flatMap(page -> page.getResults().stream())
            .map(document -> CosmosDocuments.fromDocument(document, MetricWindowDocument.class))
            .toList(),
        ignored -> 0);
  }

  /** Reads the documents of {@code signal}; an id holding another kind of document counts as absent. */
  private <T> Map<DocumentKey, Versioned<T>> readMany(Collection<DocumentKey> keys, Class<T> type, String signal) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    List<CosmosItemIdentity> identities = keys.stream().distinct()
        .map(key -> new CosmosItemIdentity(new PartitionKey(key.partitionKey()), key.id())).toList();
    FeedResponse<ObjectNode> found = calls.call("readMany",
        () -> container.readMany(identities, ObjectNode.class), FeedResponse::getRequestCharge);
    Map<DocumentKey, Versioned<T>> result = new LinkedHashMap<>();
    for (ObjectNode document : found.getResults()) {
      if (!document.path("signal").asText().equals(signal)) {
        continue;
      }
      T value = CosmosDocuments.fromDocument(document, type);
      result.put(new DocumentKey(document.get("tenantId").asText(), document.get("id").asText()),
          new Versioned<>(value, Objects.requireNonNull(CosmosDocuments.etagOf(document), "_etag")));
    }
    return result;
  }

  private ObjectNode stored(Object document, boolean expires) {
    ObjectNode node = CosmosDocuments.toDocument(document);
    if (expires) {
      node.put("ttl", ttlSeconds);
    }
    return node;
  }

  private <T> Versioned<T> create(T document, String tenantId, String id, ObjectNode stored) {
    CosmosItemResponse<ObjectNode> response = calls.call("create",
        () -> container.createItem(stored, new PartitionKey(tenantId), new CosmosItemRequestOptions()),
        CosmosItemResponse::getRequestCharge, 409, conflict -> {
          throw new WriteConflictException("document " + id + " of tenant " + tenantId + " already exists (409)", 409, conflict);
        });
    return new Versioned<>(document, response.getETag());
  }

  private <T> Versioned<T> replace(T document, String tenantId, String id, ObjectNode stored, String ifMatchEtag) {
    Objects.requireNonNull(ifMatchEtag, "ifMatchEtag");
    CosmosItemResponse<ObjectNode> response = calls.call("replace", () -> {
      try {
        return container.replaceItem(stored, id, new PartitionKey(tenantId),
            new CosmosItemRequestOptions().setIfMatchETag(ifMatchEtag));
      } catch (CosmosException e) {
        if (e.getStatusCode() == 404) {
          calls.charge("replace", e.getRequestCharge());
          throw new WriteConflictException("document " + id + " of tenant " + tenantId + " no longer exists (404)", 404, e);
        }
        throw e;
      }
    }, CosmosItemResponse::getRequestCharge, 412, stale -> {
      throw new WriteConflictException("document " + id + " of tenant " + tenantId + " changed since it was read (412)", 412, stale);
    });
    return new Versioned<>(document, response.getETag());
  }
}
