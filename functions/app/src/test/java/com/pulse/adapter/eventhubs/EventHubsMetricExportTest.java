package com.pulse.adapter.eventhubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.core.amqp.exception.AmqpErrorCondition;
import com.azure.core.amqp.exception.AmqpException;
import com.azure.messaging.eventhubs.EventData;
import com.azure.messaging.eventhubs.EventDataBatch;
import com.azure.messaging.eventhubs.EventHubProducerClient;
import com.azure.messaging.eventhubs.models.CreateBatchOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulse.app.port.DependencyException;
import com.pulse.domain.export.MetricPointRecord;
import com.pulse.domain.export.TelemetryWindowRecord;
import com.pulse.domain.metric.MetricPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventHubsMetricExportTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  /** A batch that accepts at most {@code capacity} events, recording what it accepted. */
  private record SentBatch(String partitionKey, List<EventData> events) {}

  private final ObjectMapper json = new ObjectMapper();
  private final List<SentBatch> created = new ArrayList<>();
  private final List<SentBatch> sent = new ArrayList<>();
  private EventHubProducerClient producer;
  private int capacity = 3;

  @BeforeEach
  void setUp() {
    producer = mock(EventHubProducerClient.class);
    when(producer.createBatch(any(CreateBatchOptions.class))).thenAnswer(inv -> {
      CreateBatchOptions options = inv.getArgument(0);
      SentBatch state = new SentBatch(options.getPartitionKey(), new ArrayList<>());
      created.add(state);
      EventDataBatch batch = mock(EventDataBatch.class);
      when(batch.tryAdd(any(EventData.class))).thenAnswer(add -> {
        EventData event = add.getArgument(0);
        if (event.getBody().length > 10_000) {
          // What EventDataBatch does for an event larger than the maximum message size.
          throw new AmqpException(false, AmqpErrorCondition.LINK_PAYLOAD_SIZE_EXCEEDED,
              "Size of the payload exceeded maximum message size: 9 kb", null);
        }
        if (state.events().size() >= capacity) {
          return false;
        }
        return state.events().add(event);
      });
      when(batch.getCount()).thenAnswer(c -> state.events().size());
      when(batch.getMaxSizeInBytes()).thenReturn(10_000);
      when(batch.toString()).thenReturn("batch#" + created.size());
      batchStates.put(batch, state);
      return batch;
    });
    org.mockito.Mockito.doAnswer(inv -> {
      sent.add(batchStates.get(inv.getArgument(0, EventDataBatch.class)));
      return null;
    }).when(producer).send(any(EventDataBatch.class));
  }

  private final Map<EventDataBatch, SentBatch> batchStates = new java.util.IdentityHashMap<>();

  private static MetricPointRecord point(String tenant, int i) {
    return MetricPointRecord.of(MetricPoint.create("active_users", tenant, Map.of("plan", "pro"),
        T0.plusSeconds(3600L * i), T0.plusSeconds(3600L * (i + 1)), Map.of("value", 10.0 + i), "count",
        T0.plusSeconds(3600L * (i + 1) + 60), "run-" + i));
  }

  @Test
  void fillsBatchesToCapacityAndSendsTheRemainder() throws Exception {
    List<MetricPointRecord> records = IntStream.range(0, 7).mapToObj(i -> point("t1", i)).toList();

    new EventHubsMetricExport(producer, json).exportPoints(records);

    assertThat(sent).extracting(b -> b.events().size()).containsExactly(3, 3, 1);
    List<String> ids = new ArrayList<>();
    for (SentBatch batch : sent) {
      for (EventData event : batch.events()) {
        ids.add(json.readTree(event.getBody()).get("id").asText());
      }
    }
    assertThat(ids).containsExactlyElementsOf(records.stream().map(MetricPointRecord::id).toList());
  }

  @Test
  void oneBatchSequencePerTenantWithTheTenantAsPartitionKey() {
    List<MetricPointRecord> records = List.of(point("a", 0), point("b", 0), point("a", 1), point("b", 1),
        point("c", 0));

    new EventHubsMetricExport(producer, json).exportPoints(records);

    assertThat(sent).extracting(SentBatch::partitionKey).containsExactly("a", "b", "c");
    assertThat(sent).allSatisfy(batch -> assertThat(batch.events()).allSatisfy(event -> {
      assertThat(json.readTree(event.getBody()).get("tenantId").asText()).isEqualTo(batch.partitionKey());
    }));
  }

  @Test
  void eventsCarryTheAdxRoutingProperties() throws Exception {
    var export = new EventHubsMetricExport(producer, json);
    export.exportPoints(List.of(point("t1", 0)));
    export.exportWindows(List.of(window("t1", "0")));

    EventData pointEvent = sent.get(0).events().get(0);
    assertThat(pointEvent.getProperties()).containsEntry("Table", "MetricPoints")
        .containsEntry("Format", "json").containsEntry("IngestionMappingReference", "MetricPointsMapping");
    EventData windowEvent = sent.get(1).events().get(0);
    assertThat(windowEvent.getProperties()).containsEntry("Table", "TelemetryWindows")
        .containsEntry("Format", "json")
        .containsEntry("IngestionMappingReference", "TelemetryWindowsMapping");
    JsonNode body = json.readTree(windowEvent.getBody());
    assertThat(body.get("sketchBins").get("12").asLong()).isEqualTo(4);
    assertThat(body.get("windowStart").asText()).isEqualTo("2026-11-20T10:00:00Z");
  }

  @Test
  void emptyInputSendsNothing() {
    new EventHubsMetricExport(producer, json).exportPoints(List.of());
    verify(producer, never()).send(any(EventDataBatch.class));
  }

  @Test
  void aRecordLargerThanAnEmptyBatchFailsNamingIt() {
    TelemetryWindowRecord huge = window("t1", "0");
    java.util.Map<String, Long> bins = new java.util.HashMap<>();
    IntStream.range(0, 2000).forEach(i -> bins.put(Integer.toString(i), (long) i));
    TelemetryWindowRecord tooBig = new TelemetryWindowRecord("w-big", "t1", "svc", "GET /", "", "PT1M",
        huge.windowStart(), huge.windowEnd(), "0", 1, 0, 0, 1, 1, 1, 1, 1, 1.02, 0, bins, 1, 1,
        huge.updatedAt());

    assertThatThrownBy(() -> new EventHubsMetricExport(producer, json)
        .exportWindows(List.of(window("t1", "0"), tooBig)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("w-big")
        .hasMessageContaining("10000 bytes");
  }

  @Test
  void transientSendFailureSurfacesAsDependencyException() {
    AmqpException busy = new AmqpException(true, AmqpErrorCondition.SERVER_BUSY_ERROR, "server busy", null);
    doThrow(busy).when(producer).send(any(EventDataBatch.class));

    assertThatThrownBy(() -> new EventHubsMetricExport(producer, json).exportPoints(List.of(point("t1", 0))))
        .isInstanceOf(DependencyException.class).hasCause(busy).hasMessageContaining("MetricPoints")
        .hasMessageContaining("t1");
  }

  @Test
  void timeoutSurfacesAsDependencyException() {
    doThrow(new IllegalStateException(new java.util.concurrent.TimeoutException("no reply")))
        .when(producer).send(any(EventDataBatch.class));

    assertThatThrownBy(() -> new EventHubsMetricExport(producer, json).exportPoints(List.of(point("t1", 0))))
        .isInstanceOf(DependencyException.class);
  }

  @Test
  void nonTransientFailureSurfacesAsIllegalState() {
    AmqpException denied = new AmqpException(false, AmqpErrorCondition.UNAUTHORIZED_ACCESS, "denied", null);
    when(producer.createBatch(any(CreateBatchOptions.class))).thenThrow(denied);

    assertThatThrownBy(() -> new EventHubsMetricExport(producer, json).exportPoints(List.of(point("t1", 0))))
        .isInstanceOf(IllegalStateException.class).isNotInstanceOf(DependencyException.class)
        .hasMessageContaining("amqp:unauthorized-access");
  }

  @Test
  void retriesAreExponential() {
    assertThat(EventHubsMetricExport.retryOptions().getMode())
        .isEqualTo(com.azure.core.amqp.AmqpRetryMode.EXPONENTIAL);
    assertThat(EventHubsMetricExport.retryOptions().getMaxRetries()).isPositive();
  }

  static TelemetryWindowRecord window(String tenant, String partition) {
    return new TelemetryWindowRecord("w-" + tenant + "-" + partition, tenant, "checkout", "POST /cart", "", "PT1M",
        "2026-11-20T10:00:00Z", "2026-11-20T10:01:00Z", partition, 10, 1, 0, 523.5, 40.1, 95.2, 120.7, 7,
        1.0202020202, 0, Map.of("12", 4L, "13", 6L), 1234, 3, "2026-11-20T10:01:05Z");
  }
}
