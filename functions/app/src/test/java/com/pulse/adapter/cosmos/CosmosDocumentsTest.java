package com.pulse.adapter.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.domain.metric.JobState;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.telemetry.WindowDocument;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CosmosDocumentsTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  @Test
  void recordsMapToPropertiesOfTheSameNameWithIsoInstantsAndBase64Bytes() {
    byte[] sketch = {0, 1, 2, (byte) 250};
    WindowDocument doc = new WindowDocument("w", "acme", "checkout", "POST /pay", null, "PT1M", T0, T0.plusSeconds(60),
        "7", 10, 1, 0, 123.5, sketch, new byte[0], 99, 3, T0.plusSeconds(61));
    ObjectNode json = CosmosDocuments.toDocument(doc);

    assertThat(json.get("tenantId").asText()).isEqualTo("acme");
    assertThat(json.get("windowStart").asText()).isEqualTo("2024-05-01T10:00:00Z");
    assertThat(json.get("latencySketch").asText()).isEqualTo(Base64.getEncoder().encodeToString(sketch));
    assertThat(json.get("lastSequenceNumber").asLong()).isEqualTo(99);
    assertThat(CosmosDocuments.fromDocument(json, WindowDocument.class)).usingRecursiveComparison().isEqualTo(doc);
  }

  @Test
  void systemPropertiesAndAdapterPropertiesAreIgnoredOnRead() {
    JobState state = new JobState("orders", T0, "run-1", T0, "ok", null, 0);
    ObjectNode stored = CosmosDocuments.toDocument(state, "orders");
    stored.put("_etag", "\"0000\"").put("_rid", "abc").put("_ts", 1714557600).put("ttl", 60);

    assertThat(stored.get("id").asText()).isEqualTo("orders");
    assertThat(CosmosDocuments.etagOf(stored)).isEqualTo("\"0000\"");
    assertThat(CosmosDocuments.fromDocument(stored, JobState.class)).isEqualTo(state);
  }

  @Test
  void sortedMapsRoundTrip() {
    MetricPoint point = MetricPoint.create("orders", "acme", Map.of("z", "1", "a", "2"), T0, T0.plusSeconds(3600),
        Map.of("value", 1.5), "count", T0, "run");
    assertThat(CosmosDocuments.fromDocument(CosmosDocuments.toDocument(point), MetricPoint.class)).isEqualTo(point);
  }

  @Test
  void anIncompatibleDocumentFailsNamingItsId() {
    ObjectNode broken = CosmosDocuments.toDocument(JobState.initial("orders"), "orders");
    broken.put("consecutiveFailures", -3);
    assertThatThrownBy(() -> CosmosDocuments.fromDocument(broken, JobState.class))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("orders").hasMessageContaining("JobState");
  }
}
