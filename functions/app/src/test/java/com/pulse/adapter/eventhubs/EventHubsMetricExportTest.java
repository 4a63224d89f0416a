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
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.WindowVersion;
import com.pulse.domain.telemetry.aggregate.SampleWindows;
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

  private static MetricPoint point(String tenant, int i) {
    return MetricPoint.create("active_users", tenant, Map.of("plan", "pro"),
        T0.plusSeconds(3600L * i), T0.plusSeconds(3600L * (i + 1)), Map.of("value", 10.0 + i), "count",
        T0.plusSeconds(3600L * (i + 1) + 60), "run-" + i);
  }

  @Test
  void packsRowsIntoJsonLinesEventsAndFillsBatchesToCapacity() throws Exception {
    List<MetricPoint> records = IntStream.range(0, 200).mapToObj(i -> point("t1", i)).toList();
    int rowBytes = com.pulse.adapter.json.AdxRows.pointRow(records.get(0)).length;
    int limit = 10_000 - EventHubsMetricExport.ENVELOPE_BYTES;

    new EventHubsMetricExport(producer).exportPoints(records);

    List<String> ids = new ArrayList<>();
    List<EventData> events = new ArrayList<>();
    for (SentBatch batch : sent) {
      events.addAll(batch.events());
      for (EventData event : batch.events()) {
        assertThat(event.getBody().length).isLessThanOrEqualTo(limit);
        String body = new String(event.getBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).endsWith("\n");
        for (String line : body.split("\n")) {
          ids.add(json.readTree(line).get("id").asText());
        }
      }
    }
    assertThat(ids).as("every row once, in order, one per line").containsExactlyElementsOf(records.stream().map(MetricPoint::id).toList());
    // ~200 rows of ~rowBytes each, packed into events of at most `limit` bytes, 3 events per batch
    int perEvent = limit / (rowBytes + 2);
    assertThat(events.size()).as("events of ~%d rows", perEvent).isBetween(200 / (perEvent + 2), 200 / perEvent + 2);
    assertThat(sent).extracting(b -> b.events().size()).allMatch(n -> n >= 1 && n <= 3);
    assertThat(sent.subList(0, sent.size() - 1)).extracting(b -> b.events().size()).containsOnly(3);
  }

  @Test
  void oneBatchSequencePerTenantWithTheTenantAsPartitionKey() {
    List<MetricPoint> records = List.of(point("a", 0), point("b", 0), point("a", 1), point("b", 1),
        point("c", 0));

    new EventHubsMetricExport(producer).exportPoints(records);

    assertThat(sent).extracting(SentBatch::partitionKey).containsExactly("a", "b", "c");
    assertThat(sent).allSatisfy(batch -> assertThat(batch.events()).allSatisfy(event -> {
      assertThat(json.readTree(event.getBody()).get("tenantId").asText()).isEqualTo(batch.partitionKey());
    }));
  }

  @Test
  void eventsCarryTheAdxRoutingProperties() throws Exception {
    var export = new EventHubsMetricExport(producer);
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
    WindowVersion window = window("t1", "0");
    String firstBin = Integer.toString(window.binKeys()[0]);
    assertThat(body.get("sketchBins").get(firstBin).asLong()).isEqualTo(window.binCounts()[0]);
    assertThat(body.get("windowStart").asText()).isEqualTo("2024-01-01T00:00:00Z");
  }

  @Test
  void emptyInputSendsNothing() {
    new EventHubsMetricExport(producer).exportPoints(List.of());
    verify(producer, never()).send(any(EventDataBatch.class));
  }

  @Test
  void aRecordLargerThanAnEmptyBatchFailsNamingIt() {
    WindowVersion small = window("t1", "0");
    WindowDocument d = small.document();
    WindowVersion tooBig = new WindowVersion(new WindowDocument("w-big", d.tenantId(), d.service(), d.operation(), d.dependency(),
        d.granularity(), d.windowStart(), d.windowEnd(), d.partition(), d.count(), d.errorCount(), d.lateCount(),
        d.latencySumMs(), d.latencySketch(), d.userSketch(), d.lastSequenceNumber(), d.version(), d.updatedAt()),
        1, 1, 1, 1, 0, IntStream.range(1, 2001).toArray(), IntStream.range(1, 2001).asLongStream().toArray());

    assertThatThrownBy(() -> new EventHubsMetricExport(producer)
        .exportWindows(List.of(window("t1", "0"), tooBig)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("w-big")
        .hasMessageContaining("10000 bytes");
    assertThat(sent).as("nothing is sent for a call that fails on a record").isEmpty();
  }

  @Test
  void transientSendFailureSurfacesAsDependencyException() {
    AmqpException busy = new AmqpException(true, AmqpErrorCondition.SERVER_BUSY_ERROR, "server busy", null);
    doThrow(busy).when(producer).send(any(EventDataBatch.class));

    assertThatThrownBy(() -> new EventHubsMetricExport(producer).exportPoints(List.of(point("t1", 0))))
        .isInstanceOf(DependencyException.class).hasCause(busy).hasMessageContaining("MetricPoints")
        .hasMessageContaining("t1");
  }

  @Test
  void timeoutSurfacesAsDependencyException() {
    doThrow(new IllegalStateException(new java.util.concurrent.TimeoutException("no reply")))
        .when(producer).send(any(EventDataBatch.class));

    assertThatThrownBy(() -> new EventHubsMetricExport(producer).exportPoints(List.of(point("t1", 0))))
        .isInstanceOf(DependencyException.class);
  }

  @Test
  void nonTransientFailureSurfacesAsIllegalState() {
    AmqpException denied = new AmqpException(false, AmqpErrorCondition.UNAUTHORIZED_ACCESS, "denied", null);
    when(producer.createBatch(any(CreateBatchOptions.class))).thenThrow(denied);

    assertThatThrownBy(() -> new EventHubsMetricExport(producer).exportPoints(List.of(point("t1", 0))))
        .isInstanceOf(IllegalStateException.class).isNotInstanceOf(DependencyException.class)
        .hasMessageContaining("amqp:unauthorized-access");
  }

  @Test
  void retriesAreExponential() {
    assertThat(EventHubsMetricExport.retryOptions().getMode())
        .isEqualTo(com.azure.core.amqp.AmqpRetryMode.EXPONENTIAL);
    assertThat(EventHubsMetricExport.retryOptions().getMaxRetries()).isPositive();
  }

  static WindowVersion window(String tenant, String partition) {
    return SampleWindows.version(tenant, partition);
  }
}
