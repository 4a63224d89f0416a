package com.pulse.app.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleGauge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pulse's custom metrics (docs/ARCHITECTURE.md §9), created once on an {@link OpenTelemetry} instance. The
 * instrument names and attribute keys are a contract: the Workbooks and alert rules query them from
 * the Application Insights {@code AppMetrics} table. Names follow the OpenTelemetry naming guidance
 * (https://opentelemetry.io/docs/specs/semconv/general/metrics/), units are UCUM.
 *
 * <table>
 *   <caption>Instruments</caption>
 *   <tr><th>name</th><th>kind, unit</th><th>attributes</th></tr>
 *   <tr><td>pulse.telemetry.events</td><td>counter, {event}</td><td>partition, outcome</td></tr>
 *   <tr><td>pulse.telemetry.event_lag</td><td>histogram, ms</td><td>partition</td></tr>
 *   <tr><td>pulse.windows.written</td><td>counter, {window}</td><td>granularity</td></tr>
 *   <tr><td>pulse.deadletter.count</td><td>counter, {event}</td><td>partition</td></tr>
 *   <tr><td>pulse.metric.query_duration</td><td>histogram, ms</td><td>metric, outcome</td></tr>
 *   <tr><td>pulse.metric.runs</td><td>counter, {run}</td><td>metric, status</td></tr>
 *   <tr><td>pulse.metric.freshness</td><td>gauge, s</td><td>metric</td></tr>
 *   <tr><td>pulse.export.failures</td><td>counter, {failure}</td><td>table</td></tr>
 *   <tr><td>pulse.logs.error_records</td><td>counter, {record}</td><td>tenant, severity (ERROR, FATAL)</td></tr>
 * </table>
 *
 * <p>Adapters record what a dependency charges for itself (e.g. the document store's request units)
 * with their own instruments on the same {@link #SCOPE}, so the use cases know no store's cost model.
 *
 * <p>Thread-safe: OpenTelemetry instruments are, and the freshness state is a concurrent map. With
 * {@link OpenTelemetry#noop()} every call is a cheap no-op.
 */
public final class PulseTelemetry {
  /** Instrumentation scope name of every Pulse instrument. */
  public static final String SCOPE = "com.pulse";

  static final AttributeKey<String> PARTITION = AttributeKey.stringKey("partition");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");
  static final AttributeKey<String> GRANULARITY = AttributeKey.stringKey("granularity");
  static final AttributeKey<String> METRIC = AttributeKey.stringKey("metric");
  static final AttributeKey<String> STATUS = AttributeKey.stringKey("status");
  static final AttributeKey<String> TABLE = AttributeKey.stringKey("table");
  static final AttributeKey<String> TENANT = AttributeKey.stringKey("tenant");
  static final AttributeKey<String> SEVERITY = AttributeKey.stringKey("severity");

  private static final List<Double> LAG_BUCKETS_MS = List.of(
      50.0, 100.0, 250.0, 500.0, 1_000.0, 2_500.0, 5_000.0, 10_000.0, 30_000.0, 60_000.0,
      300_000.0, 900_000.0, 3_600_000.0);
  private static final List<Double> QUERY_BUCKETS_MS = List.of(
      10.0, 50.0, 100.0, 250.0, 500.0, 1_000.0, 2_500.0, 5_000.0, 10_000.0, 30_000.0, 60_000.0,
      300_000.0);

  private final Clock clock;
  private final LongCounter events;
  private final DoubleHistogram eventLag;
  private final LongCounter windowsWritten;
  private final LongCounter deadLettered;
  private final DoubleHistogram queryDuration;
  private final LongCounter runs;
  private final LongCounter exportFailures;
  private final LongCounter errorLogRecords;
  private final Map<String, Instant> lastCompletedWindowEnd = new ConcurrentHashMap<>();
  @SuppressWarnings("unused") // keeps the callback registered for the life of this object
  private final ObservableDoubleGauge freshness;

  private PulseTelemetry(OpenTelemetry openTelemetry, Clock clock) {
    this.clock = clock;
    Meter meter = openTelemetry.getMeter(SCOPE);
    events = meter.counterBuilder("pulse.telemetry.events")
        .setDescription("Telemetry events processed, by outcome").setUnit("{event}").build();
    eventLag = meter.histogramBuilder("pulse.telemetry.event_lag")
        .setDescription("Processing time minus Event Hubs enqueued time").setUnit("ms")
        .setExplicitBucketBoundariesAdvice(LAG_BUCKETS_MS).build();
    windowsWritten = meter.counterBuilder("pulse.windows.written")
        .setDescription("Window documents created or replaced").setUnit("{window}").build();
    deadLettered = meter.counterBuilder("pulse.deadletter.count")
        .setDescription("Events written to the dead-letter store").setUnit("{event}").build();
    queryDuration = meter.histogramBuilder("pulse.metric.query_duration")
        .setDescription("Warehouse query time of one metric window").setUnit("ms")
        .setExplicitBucketBoundariesAdvice(QUERY_BUCKETS_MS).build();
    runs = meter.counterBuilder("pulse.metric.runs")
        .setDescription("Metric runs, by status").setUnit("{run}").build();
    exportFailures = meter.counterBuilder("pulse.export.failures")
        .setDescription("Failed exports to the history sink").setUnit("{failure}").build();
    errorLogRecords = meter.counterBuilder("pulse.logs.error_records")
        .setDescription("ERROR and FATAL log records folded into a tenant's log windows (each once)")
        .setUnit("{record}").build();
    freshness = meter.gaugeBuilder("pulse.metric.freshness")
        .setDescription("Seconds since the end of the metric's last completed window").setUnit("s")
        .buildWithCallback(measurement -> lastCompletedWindowEnd.forEach((metric, end) ->
            measurement.record(secondsSince(end), Attributes.of(METRIC, metric))));
  }

  /**
   * Creates the instruments on {@code openTelemetry}.
   *
   * @param openTelemetry SDK or API instance (see {@code TelemetrySetup})
   * @param clock time source for event lag and freshness
   * @throws NullPointerException if an argument is null
   */
  public static PulseTelemetry create(OpenTelemetry openTelemetry, Clock clock) {
    return new PulseTelemetry(
        Objects.requireNonNull(openTelemetry, "openTelemetry"), Objects.requireNonNull(clock, "clock"));
  }

  /** Instruments that record nothing (tests, tools). */
  public static PulseTelemetry noop() {
    return new PulseTelemetry(OpenTelemetry.noop(), Clock.systemUTC());
  }

  /**
   * Adds {@code count} events of {@code partition} with {@code outcome} when there are any: the
   * per-batch outcomes other than {@code aggregated} are recorded only when they happened.
   */
  public void eventsIfAny(String partition, EventOutcome outcome, long count) {
    if (count > 0) {
      events(partition, outcome, count);
    }
  }

  /** Adds {@code count} events of {@code partition} with {@code outcome}. */
  public void events(String partition, EventOutcome outcome, long count) {
    events.add(count, Attributes.of(PARTITION, partition, OUTCOME, outcome.attributeValue()));
  }

  /** Records the lag of one event: clock now − {@code enqueuedTime}, in ms (negative skew as 0). */
  public void eventLag(String partition, Instant enqueuedTime) {
    long lagMillis = Math.max(0, Duration.between(enqueuedTime, clock.instant()).toMillis());
    eventLag.record(lagMillis, Attributes.of(PARTITION, partition));
  }

  /** Adds {@code count} window documents written at {@code granularity} ({@code PT1M}, {@code PT1H}). */
  public void windowsWritten(String granularity, long count) {
    windowsWritten.add(count, Attributes.of(GRANULARITY, granularity));
  }

  /** Adds {@code count} events of {@code partition} written to the dead-letter store. */
  public void deadLettered(String partition, long count) {
    deadLettered.add(count, Attributes.of(PARTITION, partition));
  }

  /** Records the warehouse query time of one metric window, ms. */
  public void metricQueryDuration(String metric, boolean succeeded, double durationMillis) {
    queryDuration.record(durationMillis, Attributes.of(METRIC, metric, OUTCOME, succeeded ? "ok" : "failed"));
  }

  /** Counts one run of {@code metric} with status {@code ok} or {@code failed}. */
  public void metricRun(String metric, boolean succeeded) {
    runs.add(1, Attributes.of(METRIC, metric, STATUS, succeeded ? "ok" : "failed"));
  }

  /**
   * Remembers the end of {@code metric}'s last completed window; the freshness gauge reports
   * now − that instant, in seconds, at every collection. An older instant than the one held is
   * ignored (the watermark never goes back).
   */
  public void metricCompleted(String metric, Instant lastCompletedWindowEnd) {
    Objects.requireNonNull(lastCompletedWindowEnd, "lastCompletedWindowEnd");
    this.lastCompletedWindowEnd.merge(metric, lastCompletedWindowEnd,
        (held, offered) -> offered.isAfter(held) ? offered : held);
  }

  /** Counts one failed export call to ADX table {@code table} ({@code MetricPoints}, {@code TelemetryWindows}). */
  public void exportFailed(String table) {
    exportFailures.add(1, Attributes.of(TABLE, table));
  }

  /**
   * Adds {@code count} log records of {@code tenant} at {@code severity} ({@code ERROR} or
   * {@code FATAL}) newly folded into its minute windows (redelivered records are not counted again).
   * Cardinality: tenants × 2.
   */
  public void errorLogRecords(String tenant, String severity, long count) {
    errorLogRecords.add(count, Attributes.of(TENANT, tenant, SEVERITY, severity));
  }

  private double secondsSince(Instant instant) {
    return Duration.between(instant, clock.instant()).toMillis() / 1000.0;
  }
}
