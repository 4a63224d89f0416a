package com.pulse.app.telemetry;

/**
 * What one {@link AggregateMetricBatch} call did with its OTLP metric data points (logs, custom
 * metrics, replay summary). Conservation: every event is dead-lettered or decoded into
 * {@link #points}, and {@code points == aggregated + notAggregated()}.
 *
 * @param events events in the batch
 * @param points data points decoded
 * @param aggregated points folded into window deltas (before per-document redelivery skipping)
 * @param deadLettered events sent to the dead-letter store
 * @param expired points whose window had expired (older than the retention behind the watermark)
 * @param outOfRange points with a value or time outside {@code IngestRules}
 * @param baseline first points of cumulative streams that started long before: they set the baseline only
 * @param stale points with no recorded value, or not newer than their stream's last point (resends)
 * @param streamLimit cumulative points of new streams beyond the per-tenant-partition stream limit
 * @param cumulativeDuplicates cumulative points of events the stream state already held (redelivery)
 * @param late points folded into minute windows behind the watermark (on top of aggregated)
 * @param duplicate points minute documents already held (redelivery; on top of aggregated)
 * @param overflow points folded into an overflow series (series limit; on top of aggregated)
 * @param seriesLimit points dropped because a document had no overflow series left (on top)
 * @param minuteDocumentsWritten minute metric documents created or replaced
 * @param hourDocumentsWritten hour metric documents created or replaced
 * @param documentsSkipped touched documents that already held the batch (redelivery)
 * @param streamDocumentsWritten stream-state documents created or replaced
 * @param conflicts ETag conflicts resolved by re-reading
 * @param deferredEvents events of this invocation held in memory for a later write
 *     ({@link DeferredMetricAggregation}); not in {@link #events}, counted again when written
 * @param recoveredEvents events re-read from the hub because this owner started behind the checkpoint;
 *     included in {@link #events}
 * @param unrecoverableEvents events a recovery needed that the hub no longer retained: lost, and counted
 */
public record MetricBatchResult(
    int events,
    long points,
    long aggregated,
    int deadLettered,
    long expired,
    long outOfRange,
    long baseline,
    long stale,
    long streamLimit,
    long cumulativeDuplicates,
    long late,
    long duplicate,
    long overflow,
    long seriesLimit,
    int minuteDocumentsWritten,
    int hourDocumentsWritten,
    int documentsSkipped,
    int streamDocumentsWritten,
    int conflicts,
    int deferredEvents,
    int recoveredEvents,
    long unrecoverableEvents) {

  /** The result of an invocation whose {@code events} are all held for a later write. */
  public static MetricBatchResult deferred(int events) {
    return new MetricBatchResult(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, events, 0, 0);
  }

  /** This result with the recovery counts of the invocation that wrote it. */
  public MetricBatchResult withRecovery(int recovered, long unrecoverable) {
    return new MetricBatchResult(events, points, aggregated, deadLettered, expired, outOfRange, baseline, stale,
        streamLimit, cumulativeDuplicates, late, duplicate, overflow, seriesLimit, minuteDocumentsWritten,
        hourDocumentsWritten, documentsSkipped, streamDocumentsWritten, conflicts, deferredEvents, recovered,
        unrecoverable);
  }

  /** Points decoded but not folded in: expired, out of range, baseline, stale, stream limit, cumulative duplicates. */
  public long notAggregated() {
    return expired + outOfRange + baseline + stale + streamLimit + cumulativeDuplicates;
  }

  /** Window documents created or replaced. */
  public int documentsWritten() {
    return minuteDocumentsWritten + hourDocumentsWritten;
  }
}
