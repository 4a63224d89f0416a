package com.pulse.domain.telemetry.aggregate;

import java.time.Duration;
import java.util.Objects;

/**
 * How late a request may be and still change a window.
 *
 * <p><b>Watermark.</b> Per source partition, {@code watermark = max enqueued time seen − allowedLateness}.
 * Event Hubs assigns enqueued times in sequence-number order within a partition, so the maximum
 * enqueued time up to event {@code s} is (up to clock corrections) the enqueued time of {@code s}
 * itself; Pulse takes the running maximum over the events of the batch. The watermark of an event is
 * therefore a function of the partition's event sequence, not of batch boundaries or of which host
 * owned the partition, and a redelivered event is judged exactly as it was the first time.
 *
 * <p><b>Late.</b> A request is <em>late</em> for a window when the window has closed, i.e.
 * {@code windowEnd <= watermark}; the window document's {@code lateCount} counts it and it is still
 * applied (counted in {@code count}, sketches, ...).
 *
 * <p><b>While the window document exists.</b> Window documents live in the store for
 * {@code retention} after their window closes (the Cosmos DB TTL of the {@code windows} container is
 * set to at least this). A request whose window ended at or before {@code watermark − retention}
 * would re-create a document the store has expired (or is about to), with only the late part of the
 * data; Pulse drops such a request instead and counts it as <em>expired</em> in the batch result.
 *
 * @param allowedLateness setting {@code TELEMETRY_ALLOWED_LATENESS}, {@code >= 0}
 * @param retention how long a window document is kept after its window closes, {@code > 0}
 */
public record LatenessPolicy(Duration allowedLateness, Duration retention) {

  /** Default retention of window documents: 7 days. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code allowedLateness} is negative or {@code retention} is
   *     not positive
   */
  public LatenessPolicy {
    Objects.requireNonNull(allowedLateness, "allowedLateness");
    Objects.requireNonNull(retention, "retention");
    if (allowedLateness.isNegative()) {
      throw new IllegalArgumentException("allowedLateness must be >= 0, was " + allowedLateness);
    }
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be > 0, was " + retention);
    }
  }

  /** A policy with {@link #DEFAULT_RETENTION}. @throws IllegalArgumentException if negative */
  public static LatenessPolicy of(Duration allowedLateness) {
    return new LatenessPolicy(allowedLateness, DEFAULT_RETENTION);
  }

  /** {@code maxEnqueuedEpochMillis − allowedLateness}, in epoch ms. */
  public long watermark(long maxEnqueuedEpochMillis) {
    return maxEnqueuedEpochMillis - allowedLateness.toMillis();
  }
}
