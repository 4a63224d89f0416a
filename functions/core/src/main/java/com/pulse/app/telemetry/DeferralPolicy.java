package com.pulse.app.telemetry;

import java.time.Duration;
import java.util.Objects;

/**
 * When {@link DeferredAggregation} writes the events it holds for a partition. It writes after a
 * batch that is not full (the host had fewer events ready than a full batch, so the partition is
 * drained and freshness matters more than CPU), and otherwise once the partition holds
 * {@link #eventsBound} events, the instance {@code maxBytes} of bodies over all its partitions, or the
 * partition has held its oldest event for {@code maxAge} of wall-clock time. Under
 * a backlog every batch is full, and the events of many batches are folded and written together: one
 * version per touched series per write instead of one per batch.
 *
 * <p><b>Series, not only events.</b> A write's memory (window accumulators, merged documents) follows
 * the series it touches, and its CPU per event falls with the events per series: a partition with
 * 1,000 series writes ~2,600 series versions for 16,384 events and ~4,300 for 65,536, one with
 * 100,000 ~1.9 per event at any hold (docs/PERFORMANCE.md, "2026-12-02 09:40 UTC"). So a
 * partition holds up to {@code maxEvents} events, but no more than {@code maxSeries} divided by the
 * series versions per event its last write produced: few series hold long, many series write as
 * often as before. Until a partition has written (or for a use case that reports no series), it is
 * assumed to touch {@value #ASSUMED_SERIES_PER_EVENT} series per event (a request's minute and hour).
 *
 * @param fullBatchEvents events in a full batch: the host's {@code maxEventBatchSize} ({@code host.json})
 * @param maxEvents events a partition holds at most before a write, at least {@code fullBatchEvents}
 * @param maxBytes body bytes held over every partition of one {@link DeferredAggregation} (the
 *     instance) before the partition that reaches it is written: bounds memory whatever the number of
 *     partitions an instance owns (Event Hubs events can be 1 MB)
 * @param maxAge longest wall-clock time an event is held, also for a partition whose events stopped
 *     ({@link DeferredAggregation#flushIdle})
 * @param maxSeries series versions a write is expected to produce at most ({@link #eventsBound})
 */
public record DeferralPolicy(int fullBatchEvents, int maxEvents, long maxBytes, Duration maxAge, int maxSeries) {

  /** Series versions per event assumed before a partition's first write: a request's minute and hour. */
  public static final double ASSUMED_SERIES_PER_EVENT = 2.0;

  /**
   * The function app's default: batches of 256 ({@code host.json}), at most 65,536 events held per
   * partition and 32,768 series versions per write (so 16,384 events until a partition's first write,
   * and for a partition whose events each touch two new series), 64 MiB of bodies per instance, for at
   * most 10 s.
   */
  public static final DeferralPolicy DEFAULT =
      new DeferralPolicy(256, 65_536, 64L << 20, Duration.ofSeconds(10), 32_768);

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
    if (fullBatchEvents < 1 || maxEvents < fullBatchEvents || maxBytes < 1 || maxAge.isNegative() || maxSeries < 1) {
      throw new IllegalArgumentException("deferral needs 1 <= fullBatchEvents <= maxEvents, maxBytes >= 1,"
          + " maxAge >= 0 and maxSeries >= 1; was " + fullBatchEvents + ", " + maxEvents + ", " + maxBytes + ", "
          + maxAge + ", " + maxSeries);
    }
  }

  /**
   * A policy bounded by events alone: {@code maxSeries} is {@link Integer#MAX_VALUE}.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public DeferralPolicy(int fullBatchEvents, int maxEvents, long maxBytes, Duration maxAge) {
    this(fullBatchEvents, maxEvents, maxBytes, maxAge, Integer.MAX_VALUE);
  }

  /**
   * Events a partition holds before a write: {@code maxSeries / seriesPerEvent}, at most
   * {@code maxEvents} and at least {@code fullBatchEvents} (a smaller hold would write every batch).
   *
   * @param seriesPerEvent series versions per event of the partition's last write; NaN when unknown
   *     ({@link #ASSUMED_SERIES_PER_EVENT} is used); 0 or less: {@code maxEvents}
   */
  public int eventsBound(double seriesPerEvent) {
    double perEvent = Double.isNaN(seriesPerEvent) ? ASSUMED_SERIES_PER_EVENT : seriesPerEvent;
    if (perEvent <= 0) {
      return maxEvents;
    }
    double bound = Math.floor(maxSeries / perEvent);
    return (int) Math.max(fullBatchEvents, Math.min(maxEvents, bound));
  }

  /**
   * Whether {@link DeferredAggregation} keeps progress and recovers (false for {@link #NONE}: a
   * policy whose {@code maxEvents} is one full batch holds nothing but still does both).
   */
  public boolean defers() {
    return maxEvents > 1 && maxBytes > 1 && !maxAge.isZero();
  }
}
