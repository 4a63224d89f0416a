package com.pulse.adapter.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosItemResponse;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.app.port.Versioned;
import java.util.Optional;

/**
 * Point read, upsert, create and ETag-conditional replace of documents of one record type in one
 * container, by id
 * (https://learn.microsoft.com/azure/cosmos-db/nosql/database-transactions-optimistic-concurrency).
 * A lost race is a result ({@code false}), not an exception; the caller re-reads and re-applies.
 * Thread-safe.
 *
 * @param <T> record type stored
 */
final class ItemAccess<T> {
  private final CosmosContainer container;
  private final CosmosCalls calls;
  private final Class<T> type;

  ItemAccess(CosmosContainer container, CosmosCalls calls, Class<T> type) {
    this.container = container;
    this.calls = calls;
    this.type = type;
  }

  /** Point read; empty if absent. */
  Optional<Versioned<T>> read(String partitionKey, String id) {
    return calls.call("read",
        () -> Optional.of(container.readItem(id, new PartitionKey(partitionKey), ObjectNode.class)),
        r -> r.get().getRequestCharge(), 404, notFound -> Optional.<CosmosItemResponse<ObjectNode>>empty())
        .map(r -> new Versioned<>(CosmosDocuments.fromDocument(r.getItem(), type), r.getETag()));
  }

  /** Upserts {@code document} (already mapped, e.g. with an added {@code id}). */
  void upsert(String partitionKey, ObjectNode document) {
    calls.call("upsert", () -> container.upsertItem(document, new PartitionKey(partitionKey),
        new CosmosItemRequestOptions()), CosmosItemResponse::getRequestCharge);
  }

  /** Creates {@code value}; false if a document with its id exists (409). */
  boolean tryCreate(String partitionKey, T value) {
    ObjectNode document = CosmosDocuments.toDocument(value);
    return calls.call("create",
        () -> container.createItem(document, new PartitionKey(partitionKey), new CosmosItemRequestOptions()),
        CosmosItemResponse::getRequestCharge, 409, conflict -> null) != null;
  }

  /** Replaces document {@code id} with {@code value} if its ETag is still {@code ifMatchEtag}; false on 412. */
  boolean tryReplace(String partitionKey, String id, T value, String ifMatchEtag) {
    ObjectNode document = CosmosDocuments.toDocument(value);
    return calls.call("replace",
        () -> container.replaceItem(document, id, new PartitionKey(partitionKey),
            new CosmosItemRequestOptions().setIfMatchETag(ifMatchEtag)),
        CosmosItemResponse::getRequestCharge, 412, stale -> null) != null;
  }
}
