package com.pulse.app.telemetry;

import java.time.Duration;
import java.util.Objects;

/**
 * When {@link DeferredAggregation} writes the events it holds for a partition. It writes after a
 * batch that is not full (the host had fewer events ready than a full batch, so the partition is
 * drained and freshness matters more than CPU), and otherwise once the partition holds
 * {@code maxEvents} events, the instance {@code maxBytes} of bodies over all its partitions, or the
 * partition has held its oldest event for {@code maxAge} of wall-clock time. Under
 * a backlog every batch is full, and the events of many batches are folded and written together: one
 * version per touched series per write instead of one per batch.
 *
 * @param fullBatchEvents events in a full batch: the host's {@code maxEventBatchSize} ({@code host.json})
 * @param maxEvents events a partition holds before a write, at least {@code fullBatchEvents}
 * @param maxBytes body bytes held over every partition of one {@link DeferredAggregation} (the
 *     instance) before the partition that reaches it is written: bounds memory whatever the number of
 *     partitions an instance owns (Event Hubs events can be 1 MB)
 * @param maxAge longest wall-clock time an event is held, also for a partition whose events stopped
 *     ({@link DeferredAggregation#flushIdle})
 */
public record DeferralPolicy(int fullBatchEvents, int maxEvents, long maxBytes, Duration maxAge) {

  /**
   * The function app's default: batches of 256 ({@code host.json}), at most 16,384 events held per
   * partition and 64 MiB of bodies per instance, for at most 10 s.
   */
  public static final DeferralPolicy DEFAULT = new DeferralPolicy(256, 16_384, 64L << 20, Duration.ofSeconds(10));

  /**
   * No deferral and no bookkeeping: every batch is written when it arrives, as {@link AggregateBatch}
   * alone does ({@link DeferredAggregation#writingEveryBatch}).
   */
  public static final DeferralPolicy NONE = new DeferralPolicy(1, 1, 1, Duration.ZERO);

  /**
   * @throws IllegalArgumentException if a bound is not positive, {@code maxEvents < fullBatchEvents}
   *     or {@code maxAge} is negative
   * @throws NullPointerException if {@code maxAge} is null
   */
  public DeferralPolicy {
    Objects.requireNonNull(maxAge, "maxAge");
    if (fullBatchEvents < 1 || maxEvents < fullBatchEvents || maxBytes < 1 || maxAge.isNegative()) {
      throw new IllegalArgumentException("deferral needs 1 <= fullBatchEvents <= maxEvents, maxBytes >= 1 and"
          + " maxAge >= 0; was " + fullBatchEvents + ", " + maxEvents + ", " + maxBytes + ", " + maxAge);
    }
  }

  /**
   * Whether {@link DeferredAggregation} keeps progress and recovers (false for {@link #NONE}: a
   * policy whose {@code maxEvents} is one full batch holds nothing but still does both).
   */
  public boolean defers() {
    return maxEvents > 1 && maxBytes > 1 && !maxAge.isZero();
  }
}
