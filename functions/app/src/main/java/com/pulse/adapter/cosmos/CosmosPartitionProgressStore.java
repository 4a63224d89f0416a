package com.pulse.adapter.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosItemResponse;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.app.port.PartitionProgressStore;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WriteConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link PartitionProgressStore} on Cosmos DB container {@code progress} (pk {@code /scope}): one
 * document per (scope, source partition),
 * {@code {"id": "<partition id>", "scope": "<scope>", "flushedThrough": <long>, "updatedAt": "<ISO-8601 UTC>"}}.
 * Point operations only (the container indexes nothing, {@code bicep/modules/cosmos.bicep}): a point
 * read (404 → null), a create (409 → {@link WriteConflictException}) and a replace with
 * {@code If-Match} on the ETag (412, or 404 when the document is gone → {@link WriteConflictException}),
 * https://learn.microsoft.com/azure/cosmos-db/nosql/database-transactions-optimistic-concurrency.
 * Every other failure is translated by {@link CosmosCalls} ({@link com.pulse.app.port.DependencyException}
 * on 429, 408, 410, 449, 5xx and transport failures; {@link IllegalStateException} otherwise). A
 * document is under 200 bytes and nothing is indexed, so a read costs about 1 RU and a write a few.
 *
 * <p>Thread-safe.
 */
public final class CosmosPartitionProgressStore implements PartitionProgressStore {
  private final CosmosContainer container;
  private final CosmosCalls calls;
  private final Clock clock;

  /**
   * The stored shape.
   *
   * @param id source partition id
   * @param scope partition key: the use case whose progress this is (e.g. {@code telemetry})
   * @param flushedThrough sequence number through which the partition's events are in the documents
   * @param updatedAt when this value was written (UTC; informational, never read by the code)
   */
  public record Document(String id, String scope, long flushedThrough, Instant updatedAt) {}

  /**
   * @param container container {@code progress}
   * @param calls its call wrapper
   * @param clock source of {@code updatedAt}
   * @throws NullPointerException if an argument is null
   */
  public CosmosPartitionProgressStore(CosmosContainer container, CosmosCalls calls, Clock clock) {
    this.container = Objects.requireNonNull(container, "container");
    this.calls = Objects.requireNonNull(calls, "calls");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Versioned<Long> read(String scope, String partition) {
    PartitionKey key = key(scope, partition);
    return calls.call("read",
            () -> Optional.of(container.readItem(partition, key, ObjectNode.class)),
            r -> r.get().getRequestCharge(), 404, notFound -> Optional.<CosmosItemResponse<ObjectNode>>empty())
        .map(r -> new Versioned<>(CosmosDocuments.fromDocument(r.getItem(), Document.class).flushedThrough(),
            r.getETag()))
        .orElse(null);
  }

  @Override
  public Versioned<Long> create(String scope, String partition, long flushedThrough) {
    ObjectNode document = document(scope, partition, flushedThrough);
    CosmosItemResponse<ObjectNode> created = calls.call("create",
        () -> container.createItem(document, key(scope, partition), new CosmosItemRequestOptions()),
        CosmosItemResponse::getRequestCharge, 409, conflict -> {
          throw new WriteConflictException(
              "progress of partition " + partition + " (" + scope + ") already exists (409)", 409, conflict);
        });
    return new Versioned<>(flushedThrough, created.getETag());
  }

  @Override
  public Versioned<Long> replace(String scope, String partition, long flushedThrough, String ifMatchEtag) {
    Objects.requireNonNull(ifMatchEtag, "ifMatchEtag");
    ObjectNode document = document(scope, partition, flushedThrough);
    CosmosItemResponse<ObjectNode> replaced = calls.call("replace", () -> {
      try {
        return container.replaceItem(document, partition, key(scope, partition),
            new CosmosItemRequestOptions().setIfMatchETag(ifMatchEtag));
      } catch (CosmosException e) {
        if (e.getStatusCode() == 404) { // deleted since it was read: same remedy as a 412
          calls.charge("replace", e.getRequestCharge());
          throw new WriteConflictException(
              "progress of partition " + partition + " (" + scope + ") no longer exists (404)", 404, e);
        }
        throw e;
      }
    }, CosmosItemResponse::getRequestCharge, 412, stale -> {
      throw new WriteConflictException(
          "progress of partition " + partition + " (" + scope + ") changed since it was read (412)", 412, stale);
    });
    return new Versioned<>(flushedThrough, replaced.getETag());
  }

  private ObjectNode document(String scope, String partition, long flushedThrough) {
    return CosmosDocuments.toDocument(new Document(partition, scope, flushedThrough, clock.instant()));
  }

  private static PartitionKey key(String scope, String partition) {
    Objects.requireNonNull(partition, "partition");
    return new PartitionKey(Objects.requireNonNull(scope, "scope"));
  }
}
