package com.pulse.adapter.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.CosmosBulkItemResponse;
import com.azure.cosmos.models.CosmosBulkOperationResponse;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.app.observability.InMemoryTelemetry;
import com.pulse.app.observability.PulseTracing;
import com.pulse.app.port.DependencyException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bulk item failures are never silent. The local server never throttles, so the SDK's bulk results
 * are mocked (Mockito on the container and the final result types).
 */
class CosmosBulkWriterTest {
  private final InMemoryTelemetry otel = new InMemoryTelemetry();
  private final CosmosContainer container = mock(CosmosContainer.class);
  private final CosmosBulkWriter writer = new CosmosBulkWriter(container,
      new CosmosCalls("metrics", CosmosTelemetry.create(otel.sdk), PulseTracing.create(otel.sdk)));

  @AfterEach
  void close() {
    otel.close();
  }

  @SuppressWarnings("unchecked")
  private static CosmosBulkOperationResponse<Object> result(int status, double charge, Duration retryAfter) {
    CosmosBulkItemResponse item = mock(CosmosBulkItemResponse.class);
    when(item.getStatusCode()).thenReturn(status);
    when(item.isSuccessStatusCode()).thenReturn(status < 300);
    when(item.getRequestCharge()).thenReturn(charge);
    when(item.getRetryAfterDuration()).thenReturn(retryAfter);
    CosmosItemOperation operation = mock(CosmosItemOperation.class);
    when(operation.getId()).thenReturn("doc-" + status);
    CosmosBulkOperationResponse<Object> result = mock(CosmosBulkOperationResponse.class);
    when(result.getResponse()).thenReturn(item);
    when(result.getOperation()).thenReturn(operation);
    return result;
  }

  /** Stubs the bulk call; results are built before stubbing starts (Mockito forbids nesting). */
  private void answer(List<CosmosBulkOperationResponse<Object>> results) {
    when(container.executeBulkOperations(anyList())).thenReturn(results);
  }

  private static ObjectNode doc(String id) {
    return JsonNodeFactory.instance.objectNode().put("id", id).put("tenantId", "acme");
  }

  @Test
  void aThrottledItemFailsTheWriteWithItsRetryAfterAndEveryChargeIsRecorded() {
    answer(List.of(result(200, 10.5, Duration.ZERO), result(429, 0.4, Duration.ofMillis(800)),
        result(201, 10.5, Duration.ZERO)));

    assertThatThrownBy(() -> writer.upsertAll(List.of(doc("a"), doc("b"), doc("c")), d -> new PartitionKey("acme")))
        .isInstanceOfSatisfying(DependencyException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(429);
          assertThat(e.retryAfter()).contains(Duration.ofMillis(800));
          assertThat(e.getMessage()).contains("doc-429");
          assertThat(e.getSuppressed()).singleElement()
              .satisfies(s -> assertThat(s.getMessage()).isEqualTo("1 of 3 upserts failed"));
        });
    var collected = otel.collect();
    assertThat(collected.get("pulse.cosmos.request_charge").getDoubleSumData().getPoints()).singleElement()
        .satisfies(p -> assertThat(p.getValue()).isEqualTo(21.4));
    assertThat(collected.get("pulse.cosmos.throttled").getLongSumData().getPoints()).singleElement()
        .satisfies(p -> assertThat(p.getValue()).isEqualTo(1));
  }

  @Test
  void aRejectedDocumentIsAPermanentFailure() {
    answer(List.of(result(413, 0, Duration.ZERO), result(200, 5, Duration.ZERO)));

    assertThatThrownBy(() -> writer.upsertAll(List.of(doc("big"), doc("ok")), d -> new PartitionKey("acme")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("413");
  }

  @Test
  void allSucceededIsQuiet() {
    answer(List.of(result(200, 5, Duration.ZERO), result(201, 5, Duration.ZERO)));
    writer.upsertAll(List.of(doc("a"), doc("b")), d -> new PartitionKey("acme"));
    assertThat(otel.collect().get("pulse.cosmos.throttled")).isNull();
  }
}
