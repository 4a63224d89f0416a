package com.pulse.app.telemetry;

import com.pulse.app.port.DependencyException;
import com.pulse.app.port.PartitionProgressStore;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Use case: {@link AggregateLogBatch} over the events of several invocations of a logs-hub partition
 * at once, exactly as {@link DeferredAggregation} does for the traces hub (the same policy, progress
 * and recovery, and the same argument: a write is an ordinary batch of {@link AggregateLogBatch},
 * whose floor rule and event-order bounds depend only on the partition's event sequence). Use its own
 * progress scope ({@code "logs"}) and a recovery reader of the logs hub. Thread-safe.
 */
public final class DeferredLogAggregation {
  private final Holding<LogBatchResult> holding;

  /**
   * @param aggregate the use case a write runs
   * @param source the logs hub's events by sequence number, for recovery
   * @param progress the partitions' progress
   * @param scope progress scope, e.g. {@code "logs"}
   * @param policy when to write
   * @param clock wall clock for {@link DeferralPolicy#maxAge}
   * @throws NullPointerException if an argument is null
   */
  public DeferredLogAggregation(AggregateLogBatch aggregate, PartitionSource source, PartitionProgressStore progress,
      String scope, DeferralPolicy policy, Clock clock) {
    this(aggregate, source, progress, scope, policy, clock, new HeldBytes());
  }

  /**
   * As the constructor above, with {@link DeferralPolicy#maxBytes} bounding what every use case that
   * shares {@code heldBytes} holds together (the function app's three hubs).
   *
   * @throws NullPointerException if an argument is null
   */
  public DeferredLogAggregation(AggregateLogBatch aggregate, PartitionSource source, PartitionProgressStore progress,
      String scope, DeferralPolicy policy, Clock clock, HeldBytes heldBytes) {
    Objects.requireNonNull(aggregate, "aggregate");
    this.holding = new Holding<>(new Holding.Writes<>() {
      @Override
      public LogBatchResult write(TelemetryBatch batch) {
        return aggregate.handle(batch);
      }

      @Override
      public LogBatchResult held(int events) {
        return LogBatchResult.deferred(events);
      }

      @Override
      public LogBatchResult recovered(LogBatchResult written, int recovered, long unrecoverable) {
        return written.withRecovery(recovered, unrecoverable);
      }
    }, source, progress, scope, policy, clock, heldBytes);
  }

  /**
   * {@code aggregate} alone: every batch written when it arrives, no progress, no recovery (one
   * process that owns every partition; see {@link DeferredAggregation#writingEveryBatch}).
   *
   * @throws NullPointerException if {@code aggregate} or {@code clock} is null
   */
  public static DeferredLogAggregation writingEveryBatch(AggregateLogBatch aggregate, Clock clock) {
    return new DeferredLogAggregation(aggregate, DeferredAggregation.NO_SOURCE, DeferredAggregation.NO_PROGRESS,
        "logs", DeferralPolicy.NONE, clock);
  }

  /**
   * Handles one invocation: holds its events, or writes them with those held before.
   *
   * @return what the write did, or {@link LogBatchResult#deferred} when the events are held
   * @throws DependencyException if the store, export, progress or hub failed: the partition's held
   *     events are forgotten and the host retries the batch, which recovers them
   * @throws NullPointerException if {@code batch} is null
   */
  public LogBatchResult handle(TelemetryBatch batch) {
    return holding.handle(batch);
  }

  /**
   * Writes the events of every partition held for at least {@link DeferralPolicy#maxAge}.
   *
   * @return the result of each partition written, by partition id
   * @throws DependencyException if a write failed (its next invocation recovers the events)
   */
  public Map<String, LogBatchResult> flushIdle() {
    return holding.flushIdle();
  }

  /** Events held in memory now, over every partition (a gauge). */
  public int heldEvents() {
    return holding.heldEvents();
  }
}
