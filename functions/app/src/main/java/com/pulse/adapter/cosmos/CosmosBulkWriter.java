package com.pulse.adapter.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.CosmosBulkItemResponse;
import com.azure.cosmos.models.CosmosBulkOperationResponse;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Upserts many documents of one container: one point upsert for a single document, otherwise the
 * SDK's bulk executor ({@code CosmosContainer#executeBulkOperations}), which groups operations by
 * physical partition, batches them and retries throttled ones itself
 * (https://learn.microsoft.com/azure/cosmos-db/nosql/bulk-executor-java). Every item result is
 * checked: nothing fails silently. Thread-safe.
 */
final class CosmosBulkWriter {
  private static final String OPERATION = "upsert";

  private final CosmosContainer container;
  private final CosmosCalls calls;

  CosmosBulkWriter(CosmosContainer container, CosmosCalls calls) {
    this.container = container;
    this.calls = calls;
  }

  /**
   * Upserts {@code documents}, partition key of each from {@code partitionKeyOf}.
   *
   * @throws com.pulse.app.port.DependencyException if any item failed transiently (the others may be
   *     written; upserts by deterministic id make a retry safe)
   * @throws IllegalStateException if any item failed otherwise
   */
  void upsertAll(List<ObjectNode> documents, Function<ObjectNode, PartitionKey> partitionKeyOf) {
    if (documents.isEmpty()) {
      return;
    }
    if (documents.size() == 1) {
      ObjectNode document = documents.get(0);
      calls.call(OPERATION, () -> container.upsertItem(document, partitionKeyOf.apply(document),
          new CosmosItemRequestOptions()), r -> r.getRequestCharge());
      return;
    }
    List<CosmosItemOperation> operations = new ArrayList<>(documents.size());
    for (ObjectNode document : documents) {
      operations.add(CosmosBulkOperations.getUpsertItemOperation(document, partitionKeyOf.apply(document)));
    }
    RuntimeException failure = calls.call("bulk " + OPERATION, () -> {
      RuntimeException first = null;
      int failed = 0;
      for (CosmosBulkOperationResponse<Object> result : container.executeBulkOperations(operations)) {
        CosmosBulkItemResponse response = result.getResponse();
        if (response != null) {
          calls.charge(OPERATION, response.getRequestCharge());
        }
        if (response != null && response.isSuccessStatusCode()) {
          continue;
        }
        failed++;
        int status = response == null ? 0 : response.getStatusCode();
        if (status == 429) {
          calls.throttled();
        }
        if (first == null) {
          first = CosmosFailures.translate(calls.container(), "bulk " + OPERATION + " of "
                  + result.getOperation().getId(), status, response == null ? 0 : response.getSubStatusCode(),
              response == null ? null : response.getRetryAfterDuration(), result.getException());
        }
      }
      if (first != null) {
        first.addSuppressed(new IllegalStateException(failed + " of " + operations.size() + " upserts failed"));
      }
      return first;
    }, ignored -> 0);
    if (failure != null) {
      throw failure;
    }
  }
}
