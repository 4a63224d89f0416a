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
import com.pulse.app.port.LogWindowStore;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WriteConflictException;
import com.pulse.domain.telemetry.log.LogWindowDocument;
import com.pulse.domain.telemetry.log.LogWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link LogWindowStore} on the Cosmos DB container {@code windows} (pk {@code /tenantId}), beside
 * the request windows: log documents carry {@code signal = "log"} and ids starting {@code log-}, and
 * the request-window range query leaves them out ({@link CosmosQueries#windowRange}). Point
 * operations on the hot path: {@code readMany}, create (409 → {@link WriteConflictException}) and
 * replace with {@code If-Match} (412 or 404 → {@link WriteConflictException}). Minute documents
 * carry a per-document {@code ttl} like request windows; hour documents live for the container
 * default. Other failures are translated by {@link CosmosCalls} ({@code DependencyException} for
 * 429, 5xx and timeouts). Thread-safe.
 */
public final class CosmosLogWindowStore implements LogWindowStore {
  private final CosmosContainer container;
  private final CosmosCalls calls;
  private final long minuteWindowTtlSeconds;

  /**
   * @param container container {@code windows}
   * @param calls its call wrapper (request charge, throttling, spans)
   * @param minuteWindowTtl lifetime of minute documents after their last write, at least 1 s
   * @throws IllegalArgumentException if {@code minuteWindowTtl} is shorter than one second
   * @throws NullPointerException if an argument is null
   */
  public CosmosLogWindowStore(CosmosContainer container, CosmosCalls calls, Duration minuteWindowTtl) {
    this.container = Objects.requireNonNull(container, "container");
    this.calls = Objects.requireNonNull(calls, "calls");
    if (minuteWindowTtl.getSeconds() < 1) {
      throw new IllegalArgumentException("minuteWindowTtl must be at least 1 s: " + minuteWindowTtl);
    }
    this.minuteWindowTtlSeconds = minuteWindowTtl.getSeconds();
  }

  /**
   * The store on the {@code windows} container of {@code stores}' database, sharing their client.
   *
   * @param databaseId the database {@code stores} were opened on
   * @throws NullPointerException if an argument is null
   */
  public static CosmosLogWindowStore open(CosmosStores stores, String databaseId, CosmosTelemetry telemetry,
      com.pulse.app.observability.PulseTracing tracing) {
    return new CosmosLogWindowStore(
        stores.client().getDatabase(databaseId).getContainer(CosmosContainers.WINDOWS),
        new CosmosCalls(CosmosContainers.WINDOWS, telemetry, tracing), CosmosStores.MINUTE_WINDOW_TTL);
  }

  @Override
  public Map<DocumentKey, Versioned<LogWindowDocument>> readMany(Collection<DocumentKey> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    List<CosmosItemIdentity> identities = keys.stream().distinct()
        .map(key -> new CosmosItemIdentity(new PartitionKey(key.partitionKey()), key.id())).toList();
    FeedResponse<ObjectNode> found = calls.call("readMany",
        () -> container.readMany(identities, ObjectNode.class), FeedResponse::getRequestCharge);
    Map<DocumentKey, Versioned<LogWindowDocument>> result = new LinkedHashMap<>();
    for (ObjectNode document : found.getResults()) {
      LogWindowDocument window = CosmosDocuments.fromDocument(document, LogWindowDocument.class);
      result.put(new DocumentKey(window.tenantId(), window.id()),
          new Versioned<>(window, Objects.requireNonNull(CosmosDocuments.etagOf(document), "_etag")));
    }
    return result;
  }

  @Override
  public Versioned<LogWindowDocument> create(LogWindowDocument document) {
    CosmosItemResponse<ObjectNode> response = calls.call("create",
        () -> container.createItem(toStored(document), new PartitionKey(document.tenantId()),
            new CosmosItemRequestOptions()),
        CosmosItemResponse::getRequestCharge, 409, conflict -> {
          throw new WriteConflictException("log window document " + document.id() + " of tenant "
              + document.tenantId() + " already exists (409)", 409, conflict);
        });
    return new Versioned<>(document, response.getETag());
  }

  @Override
  public Versioned<LogWindowDocument> replace(LogWindowDocument document, String ifMatchEtag) {
    Objects.requireNonNull(ifMatchEtag, "ifMatchEtag");
    CosmosItemResponse<ObjectNode> response = calls.call("replace", () -> {
      try {
        return container.replaceItem(toStored(document), document.id(), new PartitionKey(document.tenantId()),
            new CosmosItemRequestOptions().setIfMatchETag(ifMatchEtag));
      } catch (CosmosException e) {
        if (e.getStatusCode() == 404) { // expired (TTL) since it was read: same remedy as a 412
          calls.charge("replace", e.getRequestCharge());
          throw new WriteConflictException("log window document " + document.id() + " of tenant "
              + document.tenantId() + " no longer exists (404)", 404, e);
        }
        throw e;
      }
    }, CosmosItemResponse::getRequestCharge, 412, stale -> {
      throw new WriteConflictException("log window document " + document.id() + " of tenant "
          + document.tenantId() + " changed since it was read (412)", 412, stale);
    });
    return new Versioned<>(document, response.getETag());
  }

  @Override
  public List<LogWindowDocument> listRange(String tenantId, String granularity, Instant from, Instant to) {
    CosmosQueryRequestOptions options = new CosmosQueryRequestOptions().setPartitionKey(new PartitionKey(tenantId));
    return calls.call("query", () -> container
            .queryItems(CosmosQueries.signalWindowRange(LogWindows.SIGNAL, tenantId, granularity, from, to), options,
                ObjectNode.class)
            .streamByPage()
            .peek(page -> calls.charge("query", page.getRequestCharge()))
            .flatMap(page -> page.getResults().stream())
            .map(document -> CosmosDocuments.fromDocument(document, LogWindowDocument.class))
            .toList(),
        ignored -> 0);
  }

  private ObjectNode toStored(LogWindowDocument document) {
    ObjectNode stored = CosmosDocuments.toDocument(document);
    if (CosmosWindowStore.MINUTE.equals(document.granularity())) {
      stored.put("ttl", minuteWindowTtlSeconds);
    }
    return stored;
  }
}
