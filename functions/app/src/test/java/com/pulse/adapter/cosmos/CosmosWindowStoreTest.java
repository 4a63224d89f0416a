package com.pulse.adapter.cosmos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.aggregate.TenantWindows;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored JSON of a tenant window document, and reading both layouts back as series. */
class CosmosWindowStoreTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  private static WindowDocument series(String id, String operation, String dependency) {
    return new WindowDocument(id, "acme", "checkout", operation, dependency, "PT1M", T0, T0.plusSeconds(60), "7", 10, 1,
        0, 123.5, new byte[] {0, 1, 2, (byte) 250}, new byte[] {9}, 99, 3, T0.plusSeconds(61));
  }

  @Test
  void aTenantWindowIsOneDocumentWhoseSeriesAreAnObjectOfStringsAndReadBackAsSeries() {
    TenantWindowDocument doc = TenantWindows.documentsOf(List.of(series("pt1m-a", "POST /pay", null),
        series("pt1m-b", "SELECT orders", "postgresql/orders"))).get(0);
    ObjectNode json = CosmosDocuments.toDocument(doc);

    assertThat(json.get("series").isObject()).isTrue();
    assertThat(json.get("series").get("pt1m-a").asText()).isEqualTo(doc.series().get("pt1m-a"));
    assertThat(json.get("lastSequenceNumber").asLong()).isEqualTo(99);
    assertThat(json.get("shard").asInt()).isZero();
    assertThat(CosmosWindowStore.series(json)).usingRecursiveFieldByFieldElementComparator()
        .containsExactlyInAnyOrder(series("pt1m-a", "POST /pay", null), series("pt1m-b", "SELECT orders", "postgresql/orders"));
  }

  @Test
  void aDocumentOfTheOneSeriesLayoutIsReadAsItsSeries() {
    WindowDocument legacy = series("pt1m-old", "POST /pay", null);
    assertThat(CosmosWindowStore.series(CosmosDocuments.toDocument(legacy)))
        .singleElement().usingRecursiveComparison().isEqualTo(legacy);
  }
}
