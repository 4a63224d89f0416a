package com.pulse.adapter.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.app.observability.PulseTracing;
import com.pulse.app.port.PartitionProgressStore;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WriteConflictException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link CosmosPartitionProgressStore} against Cosmos DB (local {@code @vercel/cosmosdb-server},
 * HTTPS, gateway mode): absent reads, create conflicts (409), ETag-conditional replaces (412, and 404
 * when the document is gone), scopes as separate partitions, and the stored document's shape.
 */
class CosmosPartitionProgressStoreIntegrationTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private final String database = "pulse-" + UUID.randomUUID();
  private final PartitionProgressStore store =
      CosmosStores.open(CosmosFixture.client(), database, true, CosmosTelemetry.noop(), PulseTracing.noop()).progress();

  private CosmosContainer container() {
    return CosmosFixture.client().getDatabase(database).getContainer(CosmosContainers.PROGRESS);
  }

  @Test
  void readOfAnAbsentPartitionIsNull() {
    assertThat(store.read("telemetry", "0")).isNull();
  }

  @Test
  void createStoresTheValueWithAnEtagAndASecondCreateConflicts() {
    Versioned<Long> created = store.create("telemetry", "3", 41L);

    assertThat(created.value()).isEqualTo(41L);
    assertThat(created.etag()).isNotBlank();
    assertThat(store.read("telemetry", "3")).isEqualTo(created);
    assertThatThrownBy(() -> store.create("telemetry", "3", 99L))
        .isInstanceOfSatisfying(WriteConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
    assertThat(store.read("telemetry", "3").value()).isEqualTo(41L);
  }

  @Test
  void replaceWithTheCurrentEtagWinsAndAStaleEtagIsRefused() {
    Versioned<Long> created = store.create("telemetry", "1", 10L);

    Versioned<Long> replaced = store.replace("telemetry", "1", 20L, created.etag());

    assertThat(replaced.value()).isEqualTo(20L);
    assertThat(replaced.etag()).isNotBlank().isNotEqualTo(created.etag());
    assertThat(store.read("telemetry", "1")).isEqualTo(replaced);
    assertThatThrownBy(() -> store.replace("telemetry", "1", 30L, created.etag()))
        .isInstanceOfSatisfying(WriteConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(412));
    assertThat(store.read("telemetry", "1").value()).isEqualTo(20L);
  }

  @Test
  void replaceOfADeletedDocumentIsA404Conflict() {
    Versioned<Long> created = store.create("telemetry", "2", 5L);
    container().deleteItem("2", new PartitionKey("telemetry"), new CosmosItemRequestOptions());

    assertThatThrownBy(() -> store.replace("telemetry", "2", 6L, created.etag()))
        .isInstanceOfSatisfying(WriteConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void scopesWithTheSamePartitionIdAreIndependent() {
    Versioned<Long> telemetry = store.create("telemetry", "0", 100L);
    Versioned<Long> logs = store.create("logs", "0", 7L);

    store.replace("logs", "0", 8L, logs.etag());

    assertThat(store.read("telemetry", "0")).isEqualTo(telemetry);
    assertThat(store.read("logs", "0").value()).isEqualTo(8L);
    assertThat(store.read("metrics", "0")).isNull();
  }

  @Test
  void storesTheDocumentShapeTheBicepContainerExpects() {
    PartitionProgressStore fixed = new CosmosPartitionProgressStore(container(),
        new CosmosCalls(CosmosContainers.PROGRESS, CosmosTelemetry.noop(), PulseTracing.noop()),
        Clock.fixed(T0, ZoneOffset.UTC));

    fixed.create("telemetry", "7", 1234L);

    ObjectNode stored = container().readItem("7", new PartitionKey("telemetry"), ObjectNode.class).getItem();
    assertThat(stored.get("id").asText()).isEqualTo("7");
    assertThat(stored.get("scope").asText()).isEqualTo("telemetry");
    assertThat(stored.get("flushedThrough").isIntegralNumber()).isTrue();
    assertThat(stored.get("flushedThrough").asLong()).isEqualTo(1234L);
    assertThat(stored.get("updatedAt").asText()).isEqualTo("2026-12-01T10:00:00Z");
  }
}
