package com.pulse.adapter.eventhubs;

import com.azure.core.amqp.AmqpRetryMode;
import com.azure.core.amqp.AmqpRetryOptions;
import com.azure.core.amqp.exception.AmqpErrorCondition;
import com.azure.core.amqp.exception.AmqpException;
import com.azure.core.credential.TokenCredential;
import com.azure.messaging.eventhubs.EventData;
import com.azure.messaging.eventhubs.EventDataBatch;
import com.azure.messaging.eventhubs.EventHubClientBuilder;
import com.azure.messaging.eventhubs.EventHubProducerClient;
import com.azure.messaging.eventhubs.models.CreateBatchOptions;
import com.pulse.adapter.json.AdxRows;
import com.pulse.app.port.DependencyException;
import com.pulse.app.port.LogWindowExport;
import com.pulse.app.port.MetricExport;
import com.pulse.domain.telemetry.log.LogSeries;
import com.pulse.domain.telemetry.log.LogWindowDocument;
import com.pulse.app.port.MetricWindowExport;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.telemetry.WindowVersion;
import com.pulse.domain.telemetry.metric.MetricWindowVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@link MetricExport} to the {@code metrics-out} Event Hub, ingested into Azure Data Explorer by one
 * Event Hub data connection with dynamic routing.
 *
 * <p>Each exported value is one event whose body is its ADX row ({@link AdxRows}: a JSON object whose
 * field names are the JSON paths of the ingestion mapping) and whose application properties route it:
 * {@code Table} ({@code MetricPoints} | {@code TelemetryWindows} | {@code LogWindows} | {@code MetricWindows}),
 * {@code Format} = {@code json}, {@code IngestionMappingReference} ({@code MetricPointsMapping} |
 * {@code TelemetryWindowsMapping} | {@code LogWindowsMapping} | {@code MetricWindowsMapping}). A log
 * window version is one event per series ({@link AdxRows#logWindowRows}); so is a metric window version
 * ({@link MetricWindowExport}: one {@code MetricWindows} row per series).
 * Property names are case-sensitive; see "Ingestion properties" in
 * https://learn.microsoft.com/azure/data-explorer/ingest-data-event-hub-overview.
 *
 * <p>Records are grouped by tenant; the tenant id is the partition key, so one tenant's history
 * stays ordered within one hub partition. Per tenant, events fill an {@link EventDataBatch} up to
 * the hub's maximum message size ({@link EventDataBatch#getMaxSizeInBytes()}, 1 MB on Standard);
 * when {@code tryAdd} refuses, the batch is sent and a new one started. Transient AMQP faults are
 * retried inside the SDK with exponential back-off ({@link #retryOptions()}).
 *
 * <p>Errors: a transient fault that outlives the retries, or a timeout, throws
 * {@link DependencyException} (status 0: AMQP has no HTTP status); a non-transient fault
 * (unauthorized, hub not found) throws {@link IllegalStateException}; a single record larger than
 * an empty batch throws {@link IllegalStateException} naming the record. Nothing is dropped: on any
 * exception the caller re-exports (ADX keeps {@code arg_max(version)} per id, so duplicates are
 * harmless).
 *
 * <p>Thread-safe: the producer client is thread-safe and batches are confined to one call.
 */
public final class EventHubsMetricExport implements MetricExport, LogWindowExport, MetricWindowExport, AutoCloseable {
  /** Application property naming the target ADX table. */
  public static final String TABLE_PROPERTY = "Table";
  /** Application property naming the data format. */
  public static final String FORMAT_PROPERTY = "Format";
  /** Application property naming the JSON ingestion mapping. */
  public static final String MAPPING_PROPERTY = "IngestionMappingReference";

  private final EventHubProducerClient producer;

  /**
   * @param producer producer client of the {@code metrics-out} hub; closed by {@link #close()}
   * @throws NullPointerException if an argument is null
   */
  public EventHubsMetricExport(EventHubProducerClient producer) {
    this.producer = Objects.requireNonNull(producer, "producer");
  }

  /**
   * Builds the export with an Entra credential (role Azure Event Hubs Data Sender on the hub).
   *
   * @param fullyQualifiedNamespace e.g. {@code evhns-pulse.servicebus.windows.net}
   * @param hubName e.g. {@code metrics-out}
   * @param credential the app's token credential
   * @throws NullPointerException if an argument is null
   */
  public static EventHubsMetricExport create(
      String fullyQualifiedNamespace, String hubName, TokenCredential credential) {
    EventHubProducerClient producer = new EventHubClientBuilder()
        .credential(
            Objects.requireNonNull(fullyQualifiedNamespace, "fullyQualifiedNamespace"),
            Objects.requireNonNull(hubName, "hubName"),
            Objects.requireNonNull(credential, "credential"))
        .retryOptions(retryOptions())
        .buildProducerClient();
    return new EventHubsMetricExport(producer);
  }

  /**
   * Exponential retry: 5 retries with delays from 0.5 s doubling (capped at 30 s), 30 s per try;
   * worst case 6 × 30 s + 15.5 s ≈ 3.3 minutes, well inside the 30-minute default function timeout
   * of the Flex Consumption plan Pulse runs on, and even inside the 5-minute default of the classic
   * Consumption plan (https://learn.microsoft.com/azure/azure-functions/functions-scale#timeout).
   */
  public static AmqpRetryOptions retryOptions() {
    return new AmqpRetryOptions()
        .setMode(AmqpRetryMode.EXPONENTIAL)
        .setMaxRetries(5)
        .setDelay(Duration.ofMillis(500))
        .setMaxDelay(Duration.ofSeconds(30))
        .setTryTimeout(Duration.ofSeconds(30));
  }

  @Override
  public void exportPoints(List<MetricPoint> points) {
    send(points, MetricPoint::tenantId, MetricPoint::id, AdxRows::pointRow, "MetricPoints", "MetricPointsMapping");
  }

  @Override
  public void exportWindows(List<WindowVersion> versions) {
    send(versions, v -> v.document().tenantId(), v -> v.document().id(), AdxRows::windowRow,
        "TelemetryWindows", "TelemetryWindowsMapping");
  }

  /** One event per series of each version: table {@code LogWindows}, mapping {@code LogWindowsMapping}. */
  @Override
  public void exportLogWindows(List<LogWindowDocument> versions) {
    List<LogRow> rows = new ArrayList<>();
    versions.forEach(d -> d.series().forEach(series -> rows.add(new LogRow(d, series))));
    send(rows, r -> r.document().tenantId(), r -> r.document().id() + "/" + r.series().service() + "/"
            + r.series().severity(),
        r -> AdxRows.logSeriesRow(r.document(), r.series()), "LogWindows", "LogWindowsMapping");
  }

  private record LogRow(LogWindowDocument document, LogSeries series) {}
  /** One {@code MetricWindows} row per series of each version ({@code MetricWindowsMapping}). */
  @Override
  public void exportMetricWindows(List<MetricWindowVersion> versions) {
    List<SeriesRow> rows = new ArrayList<>();
    for (MetricWindowVersion v : versions) {
      for (int i = 0; i < v.document().series().size(); i++) {
        rows.add(new SeriesRow(v, i));
      }
    }
    send(rows, r -> r.version().document().tenantId(), r -> r.version().document().id(),
        r -> AdxRows.metricSeriesRow(r.version(), r.index()), "MetricWindows", "MetricWindowsMapping");
  }

  private record SeriesRow(MetricWindowVersion version, int index) {}

  private <R> void send(List<R> records, Function<R, String> tenantOf, Function<R, String> idOf,
      Function<R, byte[]> row, String table, String mapping) {
    Map<String, List<R>> byTenant = new LinkedHashMap<>();
    for (R record : records) {
      byTenant.computeIfAbsent(tenantOf.apply(record), t -> new ArrayList<>()).add(record);
    }
    byTenant.forEach((tenant, tenantRecords) -> sendTenant(tenant, tenantRecords, idOf, row, table, mapping));
  }

  private <R> void sendTenant(String tenant, List<R> records, Function<R, String> idOf,
      Function<R, byte[]> row, String table, String mapping) {
    CreateBatchOptions options = new CreateBatchOptions().setPartitionKey(tenant);
    EventDataBatch batch = createBatch(options, table);
    for (R record : records) {
      EventData event = event(row.apply(record), table, mapping);
      if (tryAdd(batch, event)) {
        continue;
      }
      if (batch.getCount() > 0) {
        sendBatch(batch, table, tenant);
        batch = createBatch(options, table);
        if (tryAdd(batch, event)) {
          continue;
        }
      }
      throw new IllegalStateException("export record " + idOf.apply(record) + " of table " + table
          + " is " + event.getBody().length + " bytes, larger than an empty Event Hubs batch ("
          + batch.getMaxSizeInBytes() + " bytes)");
    }
    if (batch.getCount() > 0) {
      sendBatch(batch, table, tenant);
    }
  }

  /**
   * {@code tryAdd}, where an event too large for any batch ({@code tryAdd} throws
   * {@link AmqpErrorCondition#LINK_PAYLOAD_SIZE_EXCEEDED}) counts as refused.
   */
  private static boolean tryAdd(EventDataBatch batch, EventData event) {
    try {
      return batch.tryAdd(event);
    } catch (AmqpException e) {
      if (e.getErrorCondition() == AmqpErrorCondition.LINK_PAYLOAD_SIZE_EXCEEDED) {
        return false;
      }
      throw e;
    }
  }

  private EventDataBatch createBatch(CreateBatchOptions options, String table) {
    try {
      return producer.createBatch(options);
    } catch (RuntimeException e) {
      throw translate(e, "create batch", table, options.getPartitionKey());
    }
  }

  private void sendBatch(EventDataBatch batch, String table, String tenant) {
    try {
      producer.send(batch);
    } catch (RuntimeException e) {
      throw translate(e, "send " + batch.getCount() + " events", table, tenant);
    }
  }

  private static RuntimeException translate(RuntimeException e, String operation, String table,
      String tenant) {
    String what = "Event Hubs " + operation + " to " + table + " for tenant " + tenant;
    if (e instanceof AmqpException amqp && !amqp.isTransient()) {
      String condition = amqp.getErrorCondition() == null ? "no condition"
          : amqp.getErrorCondition().getErrorCondition();
      return new IllegalStateException(what + " rejected (" + condition + "): "
          + amqp.getMessage(), e);
    }
    // Transient AMQP faults after the SDK's retries, and timeouts (thrown as AzureException or
    // IllegalStateException wrapping a TimeoutException) are worth re-driving later.
    return new DependencyException(what + " failed: " + e.getMessage(), 0, null, e);
  }

  private static EventData event(byte[] body, String table, String mapping) {
    EventData event = new EventData(body);
    event.setContentType("application/json");
    Map<String, Object> properties = event.getProperties();
    properties.put(TABLE_PROPERTY, table);
    properties.put(FORMAT_PROPERTY, "json");
    properties.put(MAPPING_PROPERTY, mapping);
    return event;
  }

  /** Closes the producer client (AMQP connection). */
  @Override
  public void close() {
    producer.close();
  }
}
