package com.pulse.adapter.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.CosmosItemIdentity;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosItemResponse;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WindowStore;
import com.pulse.app.port.WriteConflictException;
import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.aggregate.TenantWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link WindowStore} on Cosmos DB container {@code windows} (pk {@code /tenantId}). The hot path is
 * point operations only: {@code readMany}, create (409 → {@link WriteConflictException})
 * and replace with {@code If-Match} on the ETag (412 or 404 → {@link WriteConflictException}).
 * Minute windows carry a per-document {@code ttl} (container TTL must be on, default -1), hourly
 * roll-ups never expire. {@link #listRange} is a single-partition SQL query; it also reads documents
 * of the earlier layout (one series per document, no {@code series} property), so the API keeps
 * answering for hour windows written before the change.
 *
 * <p>A {@link TenantWindowDocument} is stored with Jackson as its record components; {@code series}
 * becomes a JSON object of strings, written and read as the strings they are (an untouched series is
 * never decoded here). The container's indexing policy ({@code bicep/modules/cosmos.bicep}) indexes
 * only {@code /granularity} and {@code /windowStart}, so the size of {@code series} costs storage and
 * write RU by size, not index RU.
 *
 * <p>Thread-safe.
 */
public final class CosmosWindowStore implements WindowStore {
  /** Granularity whose documents expire. */
  static final String MINUTE = "PT1M";

  private final CosmosContainer container;
  private final CosmosCalls calls;
  private final long minuteWindowTtlSeconds;

  /**
   * @param container container {@code windows}
   * @param calls its call wrapper
   * @param minuteWindowTtl how long minute-window documents live after their last write (whole
   *     seconds, at least 1 s)
   * @throws IllegalArgumentException if {@code minuteWindowTtl} is shorter than one second
   */
  public CosmosWindowStore(CosmosContainer container, CosmosCalls calls, Duration minuteWindowTtl) {
    this.container = Objects.requireNonNull(container, "container");
    this.calls = Objects.requireNonNull(calls, "calls");
    if (minuteWindowTtl.getSeconds() < 1) {
      throw new IllegalArgumentException("minuteWindowTtl must be at least 1 s: " + minuteWindowTtl);
    }
    this.minuteWindowTtlSeconds = minuteWindowTtl.getSeconds();
  }

  @Override
  public Map<DocumentKey, Versioned<TenantWindowDocument>> readMany(Collection<DocumentKey> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    List<CosmosItemIdentity> identities = keys.stream().distinct()
        .map(key -> new CosmosItemIdentity(new PartitionKey(key.partitionKey()), key.id())).toList();
    FeedResponse<ObjectNode> found = calls.call("readMany",
        () -> container.readMany(identities, ObjectNode.class), FeedResponse::getRequestCharge);
    Map<DocumentKey, Versioned<TenantWindowDocument>> result = new LinkedHashMap<>();
    for (ObjectNode document : found.getResults()) {
      TenantWindowDocument window = CosmosDocuments.fromDocument(document, TenantWindowDocument.class);
      result.put(new DocumentKey(window.tenantId(), window.id()),
          new Versioned<>(window, Objects.requireNonNull(CosmosDocuments.etagOf(document), "_etag")));
    }
    return result;
  }

  @Override
  public Versioned<TenantWindowDocument> create(TenantWindowDocument document) {
    CosmosItemResponse<ObjectNode> response = calls.call("create",
        () -> container.createItem(toStored(document), new PartitionKey(document.tenantId()),
            new CosmosItemRequestOptions()),
        CosmosItemResponse::getRequestCharge, 409, conflict -> {
          throw new WriteConflictException("window document " + document.id() + " of tenant "
              + document.tenantId() + " already exists (409)", 409, conflict);
        });
    return new Versioned<>(document, response.getETag());
  }

  @Override
  public Versioned<TenantWindowDocument> replace(TenantWindowDocument document, String ifMatchEtag) {
    Objects.requireNonNull(ifMatchEtag, "ifMatchEtag");
    CosmosItemResponse<ObjectNode> response = calls.call("replace", () -> {
      try {
        return container.replaceItem(toStored(document), document.id(), new PartitionKey(document.tenantId()),
            new CosmosItemRequestOptions().setIfMatchETag(ifMatchEtag));
      } catch (com.azure.cosmos.CosmosException e) {
        if (e.getStatusCode() == 404) { // deleted (TTL) since it was read: same remedy as a 412
          calls.charge("replace", e.getRequestCharge());
          throw new WriteConflictException("window document " + document.id() + " of tenant "
              + document.tenantId() + " no longer exists (404)", 404, e);
        }
        throw e;
      }
    }, CosmosItemResponse::getRequestCharge, 412, stale -> {
      throw new WriteConflictException("window document " + document.id() + " of tenant "
          + document.tenantId() + " changed since it was read (412)", 412, stale);
    });
    return new Versioned<>(document, response.getETag());
  }

  @Override
  public List<WindowDocument> listRange(String tenantId, String granularity, Instant from, Instant to) {
    CosmosQueryRequestOptions options = new CosmosQueryRequestOptions().setPartitionKey(new PartitionKey(tenantId));
    return calls.call("query", () -> container
            .queryItems(CosmosQueries.windowRange(tenantId, granularity, from, to), options, ObjectNode.class)
            .streamByPage()
            .peek(page -> calls.charge("query", page.getRequestCharge()))
            .flatMap(page -> page.getResults().stream())
            .flatMap(document -> series(document).stream())
            .toList(),
        ignored -> 0);
  }

  /** The series of a stored document of either layout. */
  static List<WindowDocument> series(ObjectNode document) {
    if (document.has("series")) {
      return TenantWindows.series(CosmosDocuments.fromDocument(document, TenantWindowDocument.class));
    }
    List<WindowDocument> legacy = new ArrayList<>(1);
    legacy.add(CosmosDocuments.fromDocument(document, WindowDocument.class));
    return legacy;
  }

  private ObjectNode toStored(TenantWindowDocument document) {
    ObjectNode stored = CosmosDocuments.toDocument(document);
    if (MINUTE.equals(document.granularity())) {
      stored.put("ttl", minuteWindowTtlSeconds);
    }
    return stored;
  }
}
