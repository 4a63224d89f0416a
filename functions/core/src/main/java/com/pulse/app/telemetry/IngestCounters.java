package com.pulse.app.telemetry;

import java.util.concurrent.atomic.LongAdder;

/**
 * Totals of what this process's telemetry aggregation did since it started, by named counter: the
 * numbers {@code GET /api/health} shows under {@code telemetry} (the same counters go to the custom
 * metric {@code pulse.telemetry.events}, which sums over every instance). A {@link BatchObserver}.
 * Thread-safe.
 */
public final class IngestCounters implements BatchObserver {
  private final LongAdder events = new LongAdder();
  private final LongAdder requests = new LongAdder();
  private final LongAdder deadLettered = new LongAdder();
  private final LongAdder late = new LongAdder();
  private final LongAdder duplicate = new LongAdder();
  private final LongAdder expired = new LongAdder();
  private final LongAdder outOfRange = new LongAdder();
  private final LongAdder dependencies = new LongAdder();
  private final LongAdder internalSpans = new LongAdder();
  private final LongAdder held = new LongAdder();
  private final LongAdder recovered = new LongAdder();
  private final LongAdder unrecoverable = new LongAdder();
  private final LongAdder[] logs = adders(10);
  private final LongAdder[] metrics = adders(16);

  /** Counters at zero. */
  public IngestCounters() {}

  /**
   * The counters at one moment (names as in {@link BatchResult}).
   *
   * @param events events received and written (an event held across invocations counts when written)
   * @param requests requests decoded and folded in
   * @param deadLettered events dead-lettered
   * @param late requests folded in behind the watermark
   * @param duplicate redelivered requests skipped
   * @param expired requests dropped: their window had expired
   * @param outOfRange records dropped: a value outside the ingest bounds
   * @param dependencies dependency calls folded in
   * @param internalSpans INTERNAL spans counted
   * @param held events held in memory for a later write ({@link DeferredAggregation}), counted again
   *     in {@code events} when written
   * @param recovered events re-read from the hub after an owner died holding them
   * @param unrecoverable events a recovery needed that the hub no longer retained (lost)
   */
  public record Snapshot(long events, long requests, long deadLettered, long late, long duplicate, long expired,
      long outOfRange, long dependencies, long internalSpans, long held, long recovered, long unrecoverable) {}

  @Override
  public void observed(TelemetryBatch batch, BatchResult result) {
    events.add(result.events());
    requests.add(result.requests());
    deadLettered.add(result.deadLettered());
    late.add(result.lateRequests());
    duplicate.add(result.duplicateRequests());
    expired.add(result.expired());
    outOfRange.add(result.outOfRange());
    dependencies.add(result.dependencies());
    internalSpans.add(result.internalSpans());
    held.add(result.deferredEvents());
    recovered.add(result.recoveredEvents());
    unrecoverable.add(result.unrecoverableEvents());
  }

  /**
   * The logs hub's counters at one moment (names as in {@link LogBatchResult}).
   *
   * @param events events received on the logs hub
   * @param records log records decoded and folded in
   * @param deadLettered events dead-lettered
   * @param late records folded in behind the watermark
   * @param duplicate redelivered records skipped
   * @param expired records dropped: their window had expired
   * @param outOfRange records dropped: a value outside the ingest bounds
   * @param held events held in memory for a later write ({@link DeferredLogAggregation}), counted again
   *     in {@code events} when written
   * @param recovered events re-read from the hub after an owner died holding them
   * @param unrecoverable events a recovery needed that the hub no longer retained (lost)
   */
  public record LogSnapshot(long events, long records, long deadLettered, long late, long duplicate, long expired,
      long outOfRange, long held, long recovered, long unrecoverable) {}

  /**
   * The metrics hub's counters at one moment (names as in {@link MetricBatchResult}).
   *
   * @param events events received on the metrics hub
   * @param points data points decoded
   * @param aggregated data points folded in
   * @param deadLettered events dead-lettered
   * @param late points folded in behind the watermark
   * @param duplicate redelivered points skipped (window documents and cumulative stream state)
   * @param expired points dropped: their window had expired
   * @param outOfRange points dropped: a value or time outside the ingest bounds
   * @param baseline first points of cumulative streams that only set the baseline
   * @param stale points with no recorded value or not newer than their stream's last point
   * @param streamLimit points of new cumulative streams beyond the per-tenant stream limit
   * @param overflow points folded into an overflow series (series limit)
   * @param seriesLimit points dropped: no overflow series left in the document
   * @param held events held in memory for a later write ({@link DeferredMetricAggregation}), counted
   *     again in {@code events} when written
   * @param recovered events re-read from the hub after an owner died holding them
   * @param unrecoverable events a recovery needed that the hub no longer retained (lost)
   */
  public record MetricSnapshot(long events, long points, long aggregated, long deadLettered, long late, long duplicate,
      long expired, long outOfRange, long baseline, long stale, long streamLimit, long overflow, long seriesLimit,
      long held, long recovered, long unrecoverable) {}

  /** Adds one logs-hub batch ({@code LogAggregation}). */
  public void observedLogs(LogBatchResult r) {
    add(logs, r.events(), r.records(), r.deadLettered(), r.lateRecords(), r.duplicateRecords(), r.expired(),
        r.outOfRange(), r.deferredEvents(), r.recoveredEvents(), r.unrecoverableEvents());
  }

  /** Adds one metrics-hub batch ({@code OtlpMetricsAggregation}). */
  public void observedMetrics(MetricBatchResult r) {
    add(metrics, r.events(), r.points(), r.aggregated(), r.deadLettered(), r.late(),
        r.duplicate() + r.cumulativeDuplicates(), r.expired(), r.outOfRange(), r.baseline(), r.stale(), r.streamLimit(),
        r.overflow(), r.seriesLimit(), r.deferredEvents(), r.recoveredEvents(), r.unrecoverableEvents());
  }

  /** The logs hub's current totals. */
  public LogSnapshot logSnapshot() {
    long[] v = sums(logs);
    return new LogSnapshot(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
  }

  /** The metrics hub's current totals. */
  public MetricSnapshot metricSnapshot() {
    long[] v = sums(metrics);
    return new MetricSnapshot(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13],
        v[14], v[15]);
  }

  private static LongAdder[] adders(int n) {
    LongAdder[] a = new LongAdder[n];
    for (int i = 0; i < n; i++) {
      a[i] = new LongAdder();
    }
    return a;
  }

  private static void add(LongAdder[] adders, long... values) {
    for (int i = 0; i < values.length; i++) {
      adders[i].add(values[i]);
    }
  }

  private static long[] sums(LongAdder[] adders) {
    long[] v = new long[adders.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = adders[i].sum();
    }
    return v;
  }

  /** The traces hub's current totals. */
  public Snapshot snapshot() {
    return new Snapshot(events.sum(), requests.sum(), deadLettered.sum(), late.sum(), duplicate.sum(), expired.sum(),
        outOfRange.sum(), dependencies.sum(), internalSpans.sum(), held.sum(), recovered.sum(), unrecoverable.sum());
  }
}
