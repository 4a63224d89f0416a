package com.pulse.adapter.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosItemResponse;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.app.port.DeadLetterStore;
import com.pulse.domain.telemetry.DeadLetter;
import java.util.List;
import java.util.Objects;

/**
 * {@link DeadLetterStore} on Cosmos DB container {@code deadletter} (pk {@code /partition}, default
 * TTL). Writes are bulk upserts by the deterministic {@link DeadLetter#id()}; {@link #list} and
 * {@link #count} are SQL queries (replay and health only, never the hot path). Thread-safe.
 */
public final class CosmosDeadLetterStore implements DeadLetterStore {
  private final CosmosContainer container;
  private final CosmosCalls calls;
  private final CosmosBulkWriter writer;

  /**
   * @param container container {@code deadletter}
   * @param calls its call wrapper
   */
  public CosmosDeadLetterStore(CosmosContainer container, CosmosCalls calls) {
    this.container = Objects.requireNonNull(container, "container");
    this.calls = Objects.requireNonNull(calls, "calls");
    this.writer = new CosmosBulkWriter(container, calls);
  }

  @Override
  public void writeAll(List<DeadLetter> deadLetters) {
    writer.upsertAll(deadLetters.stream().map(CosmosDocuments::toDocument).toList(),
        document -> new PartitionKey(document.get("partition").asText()));
  }

  @Override
  public List<DeadLetter> list(String partition, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1: " + limit);
    }
    CosmosQueryRequestOptions options = new CosmosQueryRequestOptions();
    if (partition != null) {
      options.setPartitionKey(new PartitionKey(partition));
    }
    return calls.call("query", () -> container
            .queryItems(CosmosQueries.oldestDeadLetters(limit), options, ObjectNode.class)
            .streamByPage()
            .peek(page -> calls.charge("query", page.getRequestCharge()))
            .flatMap(page -> page.getResults().stream())
            .limit(limit)
            .map(document -> CosmosDocuments.fromDocument(document, DeadLetter.class))
            .toList(),
        ignored -> 0);
  }

  @Override
  public long count() {
    return calls.call("query", () -> container
            .queryItems(CosmosQueries.count(), new CosmosQueryRequestOptions(), Long.class)
            .streamByPage()
            .peek(page -> calls.charge("query", page.getRequestCharge()))
            .flatMap(page -> page.getResults().stream())
            .mapToLong(Long::longValue)
            .sum(),
        ignored -> 0);
  }

  @Override
  public void delete(DeadLetter deadLetter) {
    calls.call("delete", () -> container.deleteItem(deadLetter.id(), new PartitionKey(deadLetter.partition()),
            new CosmosItemRequestOptions()),
        CosmosItemResponse::getRequestCharge, 404, absent -> null);
  }
}
