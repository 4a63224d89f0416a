package com.pulse.app.telemetry;

/**
 * What one {@link AggregateBatch} call did (for logs and custom metrics).
 *
 * @param events events in the batch
 * @param requests requests decoded and folded in (before per-document redelivery skipping)
 * @param deadLettered events sent to the dead-letter store
 * @param expired requests and dependency calls dropped because their window document expired (see
 *     {@link com.pulse.domain.telemetry.aggregate.LatenessPolicy})
 * @param minuteDocumentsWritten minute-window documents created or replaced
 * @param hourDocumentsWritten hour-window documents created or replaced
 * @param seriesVersions series versions written or re-exported (one ADX row each): the series the
 *     write touched, which {@link DeferralPolicy#eventsBound} relates to its events
 * @param documentsSkipped touched documents that already held every event of this batch (redelivery)
 * @param conflicts ETag conflicts (412/409) that were resolved by re-reading and re-merging
 * @param lateRequests requests folded into minute windows behind the partition watermark (counted
 *     per request, since lateness is decided per request; each request counts once, in its minute
 *     window)
 * @param duplicateRequests requests of this batch that minute-window documents already held
 *     (redelivery after a crash or from an older checkpoint, or a second owner of the partition):
 *     skipped by the {@code lastSequenceNumber} rule; counted per request, once, in its minute window
 * @param outOfRange requests and dependency calls dropped because a value broke
 *     {@link com.pulse.domain.telemetry.IngestRules} (duration, timestamp); never in a sketch
 * @param dependencies dependency calls (CLIENT/PRODUCER spans) decoded and folded in
 * @param internalSpans spans of kind INTERNAL or UNSPECIFIED: counted, not aggregated
 * @param deferredEvents events of this invocation held in memory for a later write
 *     ({@link DeferredAggregation}); they are not in {@link #events} and are counted again when written
 * @param recoveredEvents events re-read from the hub ({@link PartitionSource}) because this owner started
 *     behind the host's checkpoint; included in {@link #events}
 * @param unrecoverableEvents events a recovery needed that the hub no longer retained (past its
 *     retention): lost, and counted here so that the loss is seen
 */
public record BatchResult(
    int events,
    long requests,
    int deadLettered,
    long expired,
    int minuteDocumentsWritten,
    int hourDocumentsWritten,
    int seriesVersions,
    int documentsSkipped,
    int conflicts,
    long lateRequests,
    long duplicateRequests,
    long outOfRange,
    long dependencies,
    long internalSpans,
    int deferredEvents,
    int recoveredEvents,
    long unrecoverableEvents) {

  /**
   * The result of an invocation whose {@code events} are all held for a later write.
   *
   * @param events events of the invocation
   */
  public static BatchResult deferred(int events) {
    return new BatchResult(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, events, 0, 0);
  }

  /**
   * This result with the deferral counts of the invocation that wrote it.
   *
   * @param recovered events re-read from the hub
   * @param unrecoverable events the hub no longer retained
   */
  public BatchResult withRecovery(int recovered, long unrecoverable) {
    return new BatchResult(events, requests, deadLettered, expired, minuteDocumentsWritten, hourDocumentsWritten,
        seriesVersions, documentsSkipped, conflicts, lateRequests, duplicateRequests, outOfRange, dependencies,
        internalSpans, deferredEvents, recovered, unrecoverable);
  }

  /**
   * Records decoded from the batch but not folded into any window: {@link #expired},
   * {@link #outOfRange} and {@link #internalSpans}. Conservation: every event is dead-lettered or
   * decoded, and every decoded record is folded in ({@link #requests}, {@link #dependencies}) or in
   * one of these counters.
   */
  public long notAggregated() {
    return expired + outOfRange + internalSpans;
  }

  /** Window documents created or replaced (one write per touched document, plus none for skipped ones). */
  public int documentsWritten() {
    return minuteDocumentsWritten + hourDocumentsWritten;
  }
}
