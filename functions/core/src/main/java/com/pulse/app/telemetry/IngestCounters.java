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

  /** Counters at zero. */
  public IngestCounters() {}

  /**
   * The counters at one moment (names as in {@link BatchResult}).
   *
   * @param events events received
   * @param requests requests decoded and folded in
   * @param deadLettered events dead-lettered
   * @param late requests folded in behind the watermark
   * @param duplicate redelivered requests skipped
   * @param expired requests dropped: their window had expired
   * @param outOfRange records dropped: a value outside the ingest bounds
   * @param dependencies dependency calls folded in
   * @param internalSpans INTERNAL spans counted
   */
  public record Snapshot(long events, long requests, long deadLettered, long late, long duplicate, long expired,
      long outOfRange, long dependencies, long internalSpans) {}

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
  }

  /** The current totals. */
  public Snapshot snapshot() {
    return new Snapshot(events.sum(), requests.sum(), deadLettered.sum(), late.sum(), duplicate.sum(), expired.sum(),
        outOfRange.sum(), dependencies.sum(), internalSpans.sum());
  }
}
