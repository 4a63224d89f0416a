package com.pulse.adapter.cosmos;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosItemResponse;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.app.observability.PulseTracing;
import com.pulse.app.port.DependencyException;
import com.pulse.domain.metric.MetricPoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The latest-points read-modify-write under a contention that never ends. The local Cosmos DB server
 * cannot be made to lose every ETag race, so the container is mocked.
 */
class CosmosMetricStoreTest {
  private final CosmosContainer metrics = mock(CosmosContainer.class);
  private final CosmosContainer jobs = mock(CosmosContainer.class);

  private static CosmosException preconditionFailed() {
    return new CosmosException(412, "precondition failed", Map.of("x-ms-request-charge", "1.0"), null) {
      private static final long serialVersionUID = 1L;
    };
  }

  @Test
  @SuppressWarnings("unchecked")
  void aLatestDocumentStillContendedAfterEveryAttemptIsATransientDependencyFailure() {
    CosmosItemResponse<ObjectNode> upserted = mock(CosmosItemResponse.class);
    when(metrics.upsertItem(any(ObjectNode.class), any(PartitionKey.class), any(CosmosItemRequestOptions.class)))
        .thenReturn(upserted);
    CosmosItemResponse<ObjectNode> held = mock(CosmosItemResponse.class);
    when(held.getItem()).thenReturn(CosmosDocuments.toDocument(LatestPointsDocument.empty("t1")));
    when(held.getETag()).thenReturn("\"etag-1\"");
    when(metrics.readItem(eq(LatestPointsDocument.ID), any(PartitionKey.class), eq(ObjectNode.class))).thenReturn(held);
    when(metrics.replaceItem(any(ObjectNode.class), eq(LatestPointsDocument.ID), any(PartitionKey.class),
        any(CosmosItemRequestOptions.class))).thenThrow(preconditionFailed());
    CosmosMetricStore store = new CosmosMetricStore(metrics, jobs,
        new CosmosCalls("metrics", CosmosTelemetry.noop(), PulseTracing.noop()),
        new CosmosCalls("jobs", CosmosTelemetry.noop(), PulseTracing.noop()));
    Instant start = Instant.parse("2024-03-01T00:00:00Z");
    MetricPoint point = new MetricPoint(MetricPoint.idOf("sales", "t1", Map.of(), start), "sales", "t1", new TreeMap<>(),
        start, Instant.parse("2024-03-02T00:00:00Z"), new TreeMap<>(Map.of("amount", 1.0)), "currency", start, "run-1");

    assertThatThrownBy(() -> store.upsertPoints(List.of(point)))
        .as("the port promises DependencyException for a transient failure; a lost ETag race is one (the run is re-driven)")
        .isInstanceOfSatisfying(DependencyException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.statusCode()).isEqualTo(412));
    verify(metrics, times(CosmosMetricStore.MAX_ATTEMPTS)).replaceItem(any(ObjectNode.class), eq(LatestPointsDocument.ID),
        any(PartitionKey.class), any(CosmosItemRequestOptions.class));
  }
}
