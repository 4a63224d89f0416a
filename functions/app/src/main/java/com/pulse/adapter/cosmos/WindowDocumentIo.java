package com.pulse.adapter.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosItemIdentity;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosItemResponse;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WriteConflictException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The document I/O that every window store on the container {@code windows} (pk {@code /tenantId})
 * shares, written once: {@code readMany} with the ETag of each document, create (409 →
 * {@link WriteConflictException}), replace with {@code If-Match} (412, or 404 when the document
 * expired since it was read → {@link WriteConflictException}), and single-partition range queries
 * that record the request charge (RU) of every page. Documents that expire carry a per-document
 * {@code ttl}. Every other failure is translated by {@link CosmosCalls}. Thread-safe.
 */
final class WindowDocumentIo {
  /** Granularity whose window documents expire. */
  static final String MINUTE = "PT1M";

  private final CosmosContainer container;
  private final CosmosCalls calls;
  private final long ttlSeconds;

  /**
   * @param container container {@code windows}
   * @param calls its call wrapper
   * @param ttl lifetime of an expiring document after its last write (whole seconds, at least 1 s)
   * @throws IllegalArgumentException if {@code ttl} is shorter than one second
   * @throws NullPointerException if an argument is null
   */
  WindowDocumentIo(CosmosContainer container, CosmosCalls calls, Duration ttl) {
    this.container = Objects.requireNonNull(container, "container");
    this.calls = Objects.requireNonNull(calls, "calls");
    if (ttl.getSeconds() < 1) {
      throw new IllegalArgumentException("minuteWindowTtl must be at least 1 s: " + ttl);
    }
    this.ttlSeconds = ttl.getSeconds();
  }

  /**
   * Reads the documents of {@code keys} that {@code accept} takes, keyed by their {@code tenantId} and
   * {@code id}; an absent or refused document is left out.
   */
  <T> Map<DocumentKey, Versioned<T>> readMany(Collection<DocumentKey> keys, Class<T> type,
      Predicate<ObjectNode> accept) {
    return readMany(keys, document -> CosmosDocuments.fromDocument(document, type), accept);
  }

  /**
   * As {@link #readMany(Collection, Class, Predicate)}, each accepted document mapped by {@code map}.
   */
  <T> Map<DocumentKey, Versioned<T>> readMany(Collection<DocumentKey> keys, Function<ObjectNode, T> map,
      Predicate<ObjectNode> accept) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    List<CosmosItemIdentity> identities = keys.stream().distinct()
        .map(key -> new CosmosItemIdentity(new PartitionKey(key.partitionKey()), key.id())).toList();
    FeedResponse<ObjectNode> found = calls.call("readMany",
        () -> container.readMany(identities, ObjectNode.class), FeedResponse::getRequestCharge);
    Map<DocumentKey, Versioned<T>> result = new LinkedHashMap<>();
    for (ObjectNode document : found.getResults()) {
      if (!accept.test(document)) {
        continue;
      }
      result.put(new DocumentKey(document.get("tenantId").asText(), document.get("id").asText()),
          new Versioned<>(map.apply(document),
              Objects.requireNonNull(CosmosDocuments.etagOf(document), "_etag")));
    }
    return result;
  }

  /**
   * Creates {@code document} as the tree {@code stored} (its JSON, with the {@code ttl} if it expires);
   * {@code kind} (e.g. "log window document") names it in messages.
   *
   * @throws WriteConflictException (409) if a document with its id exists
   */
  <T> Versioned<T> create(String kind, T document, ObjectNode stored, String tenantId, String id) {
    CosmosItemResponse<ObjectNode> response = calls.call("create",
        () -> container.createItem(stored, new PartitionKey(tenantId), new CosmosItemRequestOptions()),
        CosmosItemResponse::getRequestCharge, 409, conflict -> {
          throw new WriteConflictException(
              kind + " " + id + " of tenant " + tenantId + " already exists (409)", 409, conflict);
        });
    return new Versioned<>(document, response.getETag());
  }

  /**
   * Replaces {@code document}, as the tree {@code stored} (its JSON, with the {@code ttl} if it
   * expires), if its stored ETag is still {@code ifMatchEtag}.
   *
   * @throws WriteConflictException (412) if it changed since it was read, (404) if it no longer exists
   * @throws NullPointerException if {@code ifMatchEtag} is null
   */
  <T> Versioned<T> replace(String kind, T document, ObjectNode stored, String tenantId, String id,
      String ifMatchEtag) {
    Objects.requireNonNull(ifMatchEtag, "ifMatchEtag");
    CosmosItemResponse<ObjectNode> response = calls.call("replace", () -> {
      try {
        return container.replaceItem(stored, id, new PartitionKey(tenantId),
            new CosmosItemRequestOptions().setIfMatchETag(ifMatchEtag));
      } catch (CosmosException e) {
        if (e.getStatusCode() == 404) { // expired (TTL) since it was read: same remedy as a 412
          calls.charge("replace", e.getRequestCharge());
          throw new WriteConflictException(
              kind + " " + id + " of tenant " + tenantId + " no longer exists (404)", 404, e);
        }
        throw e;
      }
    }, CosmosItemResponse::getRequestCharge, 412, stale -> {
      throw new WriteConflictException(
          kind + " " + id + " of tenant " + tenantId + " changed since it was read (412)", 412, stale);
    });
    return new Versioned<>(document, response.getETag());
  }

  /** Runs {@code query} in the partition of {@code tenantId}, every page's RU recorded, each document mapped. */
  <T> List<T> query(String tenantId, SqlQuerySpec query, Function<ObjectNode, Stream<T>> documents) {
    CosmosQueryRequestOptions options = new CosmosQueryRequestOptions().setPartitionKey(new PartitionKey(tenantId));
    return calls.call("query", () -> container.queryItems(query, options, ObjectNode.class)
            .streamByPage()
            .peek(page -> calls.charge("query", page.getRequestCharge()))
            .flatMap(page -> page.getResults().stream())
            .flatMap(documents)
            .toList(),
        ignored -> 0);
  }

  /** {@code node} with the {@code ttl} property if the document expires. */
  ObjectNode withTtl(ObjectNode node, boolean expires) {
    if (expires) {
      node.put("ttl", ttlSeconds);
    }
    return node;
  }
}
