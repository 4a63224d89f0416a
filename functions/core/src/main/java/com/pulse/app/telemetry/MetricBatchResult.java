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
    int conflicts) {

  /** Points decoded but not folded in: expired, out of range, baseline, stale, stream limit, cumulative duplicates. */
  public long notAggregated() {
    return expired + outOfRange + baseline + stale + streamLimit + cumulativeDuplicates;
  }

  /** Window documents created or replaced. */
  public int documentsWritten() {
    return minuteDocumentsWritten + hourDocumentsWritten;
  }
}
