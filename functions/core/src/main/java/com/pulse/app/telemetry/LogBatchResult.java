package com.pulse.app.telemetry;

/**
 * What one {@link AggregateLogBatch} call did (for logs and custom metrics). Conservation: every
 * event is dead-lettered or decoded, and every decoded record is in exactly one of {@link #records},
 * {@link #expired} and {@link #outOfRange}.
 *
 * @param events events in the batch
 * @param records log records decoded and folded in (before per-document redelivery skipping)
 * @param deadLettered events sent to the dead-letter store, each with a reason
 * @param expired records dropped because their window document had expired (retention behind the watermark)
 * @param outOfRange records dropped for a {@code SeverityNumber} outside 0-24 or a time more than
 *     one hour after the partition's newest enqueued time
 * @param lateRecords records folded into minute windows behind the partition watermark
 * @param duplicateRecords records that minute documents already held (redelivery, second owner)
 * @param documentsWritten log window documents created or replaced
 * @param documentsSkipped touched documents that already held every event of this batch
 * @param conflicts ETag conflicts resolved by re-reading and re-merging
 * @param errorRecords ERROR and FATAL records newly folded into minute windows (duplicates not counted),
 *     per tenant and severity: what {@code pulse.logs.error_records} reports
 * @param deferredEvents events of this invocation held in memory for a later write
 *     ({@link DeferredLogAggregation}); not in {@link #events}, counted again when written
 * @param recoveredEvents events re-read from the hub because this owner started behind the checkpoint;
 *     included in {@link #events}
 * @param unrecoverableEvents events a recovery needed that the hub no longer retained: lost, and counted
 */
public record LogBatchResult(
    int events,
    long records,
    int deadLettered,
    long expired,
    long outOfRange,
    long lateRecords,
    long duplicateRecords,
    int documentsWritten,
    int documentsSkipped,
    int conflicts,
    java.util.List<ErrorRecords> errorRecords,
    int deferredEvents,
    int recoveredEvents,
    long unrecoverableEvents) {

  /** The result of an invocation whose {@code events} are all held for a later write. */
  public static LogBatchResult deferred(int events) {
    return new LogBatchResult(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, java.util.List.of(), events, 0, 0);
  }

  /** This result with the recovery counts of the invocation that wrote it. */
  public LogBatchResult withRecovery(int recovered, long unrecoverable) {
    return new LogBatchResult(events, records, deadLettered, expired, outOfRange, lateRecords, duplicateRecords,
        documentsWritten, documentsSkipped, conflicts, errorRecords, deferredEvents, recovered, unrecoverable);
  }

  /**
   * ERROR or FATAL records of one tenant in a batch.
   *
   * @param tenantId tenant
   * @param severity {@code ERROR} or {@code FATAL}
   * @param records records newly folded in, {@code >= 1}
   */
  public record ErrorRecords(String tenantId, String severity, long records) {}

  /** @throws NullPointerException if {@code errorRecords} is null */
  public LogBatchResult {
    errorRecords = java.util.List.copyOf(errorRecords);
  }
}
