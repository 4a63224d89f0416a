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
import com.pulse.domain.telemetry.log.LogWindowVersion;
import com.pulse.app.port.MetricWindowExport;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.telemetry.WindowVersion;
import com.pulse.domain.telemetry.metric.MetricWindowVersion;
import java.io.ByteArrayOutputStream;
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
 * <p>Each exported value is one ADX row ({@link AdxRows}: a JSON object whose field names are the JSON
 * paths of the ingestion mapping). Rows of one tenant and table are packed, one per line, into events
 * of at most {@value #MAX_EVENT_BODY_BYTES} bytes (format {@code json} is JSON Lines: one record per
 * line, https://learn.microsoft.com/azure/data-explorer/ingestion-supported-formats), so a batch that
 * changed hundreds of series sends a few events instead of one per row: Event Hubs Standard admits
 * 1,000 events or 1 MB per second per throughput unit, and the namespace's units are shared with the
 * telemetry hubs. Application properties route each event: {@code Table} ({@code MetricPoints} |
 * {@code TelemetryWindows} | {@code LogWindows} | {@code MetricWindows}), {@code Format} = {@code json},
 * {@code IngestionMappingReference} ({@code MetricPointsMapping} | {@code TelemetryWindowsMapping} |
 * {@code LogWindowsMapping} | {@code MetricWindowsMapping}). A log window version is one row per series
 * ({@link AdxRows#logWindowRows}); so is a metric window version ({@link MetricWindowExport}: one
 * {@code MetricWindows} row per series). Property names are case-sensitive; see "Ingestion properties" in
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
 * (unauthorized, hub not found) throws {@link IllegalStateException}; a single row larger than
 * the largest event body (the smaller of {@value #MAX_EVENT_BODY_BYTES} bytes and an empty batch less
 * {@value #ENVELOPE_BYTES} bytes of AMQP envelope) throws {@link IllegalStateException} naming the record. Nothing is dropped: on any
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
  /**
   * Largest event body this export sends, in bytes: 256 KiB, four of Event Hubs Standard's 64 KB
   * billing units, and a quarter of its 1 MB message limit.
   */
  public static final int MAX_EVENT_BODY_BYTES = 256 * 1024;
  /** Room left in a batch for an event's AMQP envelope and routing properties, in bytes. */
  static final int ENVELOPE_BYTES = 1024;

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

  /** One event per changed series of each version: table {@code LogWindows}, mapping {@code LogWindowsMapping}. */
  @Override
  public void exportLogWindows(List<LogWindowVersion> versions) {
    List<LogRow> rows = new ArrayList<>();
    for (LogWindowVersion v : versions) {
      for (int k = 0; k < v.rows(); k++) {
        rows.add(new LogRow(v.document(), v.series(k)));
      }
    }
    send(rows, r -> r.document().tenantId(), r -> r.document().id() + "/" + r.series().service() + "/"
            + r.series().severity(),
        r -> AdxRows.logSeriesRow(r.document(), r.series()), "LogWindows", "LogWindowsMapping");
  }

  private record LogRow(LogWindowDocument document, LogSeries series) {}
  /** One {@code MetricWindows} row per changed series of each version ({@code MetricWindowsMapping}). */
  @Override
  public void exportMetricWindows(List<MetricWindowVersion> versions) {
    List<SeriesRow> rows = new ArrayList<>();
    for (MetricWindowVersion v : versions) {
      for (int i = 0; i < v.rows(); i++) {
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
    Batches batches = new Batches(options, table, tenant, mapping);
    int limit = Math.min(MAX_EVENT_BODY_BYTES, batches.current.getMaxSizeInBytes() - ENVELOPE_BYTES);
    ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(limit, 64 * 1024));
    for (R record : records) {
      byte[] line = row.apply(record);
      if (line.length + 1 > limit) {
        throw new IllegalStateException("export record " + idOf.apply(record) + " of table " + table
            + " is " + line.length + " bytes, larger than the largest event body (" + limit
            + " bytes of an Event Hubs batch of " + batches.current.getMaxSizeInBytes() + " bytes)");
      }
      if (body.size() + line.length + 1 > limit) {
        batches.add(body.toByteArray());
        body.reset();
      }
      body.write(line, 0, line.length);
      body.write('\n');
    }
    if (body.size() > 0) {
      batches.add(body.toByteArray());
    }
    batches.flush();
  }

  /** The batches of one tenant and table: events go into the current one, which is sent when full. */
  private final class Batches {
    private final CreateBatchOptions options;
    private final String table;
    private final String tenant;
    private final String mapping;
    EventDataBatch current;

    Batches(CreateBatchOptions options, String table, String tenant, String mapping) {
      this.options = options;
      this.table = table;
      this.tenant = tenant;
      this.mapping = mapping;
      this.current = createBatch(options, table);
    }

    void add(byte[] body) {
      EventData event = event(body, table, mapping);
      if (tryAdd(current, event)) {
        return;
      }
      if (current.getCount() > 0) {
        sendBatch(current, table, tenant);
        current = createBatch(options, table);
        if (tryAdd(current, event)) {
          return;
        }
      }
      throw new IllegalStateException("export event of " + body.length + " bytes for table " + table + " and tenant "
          + tenant + " does not fit an empty Event Hubs batch (" + current.getMaxSizeInBytes() + " bytes)");
    }

    void flush() {
      if (current.getCount() > 0) {
        sendBatch(current, table, tenant);
      }
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
