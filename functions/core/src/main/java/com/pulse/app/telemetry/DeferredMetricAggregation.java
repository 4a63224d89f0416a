package com.pulse.app.telemetry;

import com.pulse.app.port.DependencyException;
import com.pulse.app.port.PartitionProgressStore;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Use case: {@link AggregateMetricBatch} over the events of several invocations of a metrics-hub
 * partition at once, exactly as {@link DeferredAggregation} does for the traces hub (the same policy,
 * progress and recovery, and the same argument: a write is an ordinary batch of
 * {@link AggregateMetricBatch}). The stream-state documents need nothing more: a write reads them at
 * its start and writes them after its window documents, as every batch does, and the held range starts
 * right after events that are all in the window <em>and</em> stream-state documents (a write that
 * failed before its state write forgets the range and is recovered), so the state a write reads holds
 * every cumulative point before its first event; increases stay a function of the partition's event
 * sequence ({@code docs/ARCHITECTURE.md}, "Holding a partition's events under a backlog"). Use its
 * own progress scope ({@code "metrics"}) and a recovery reader of the metrics hub. Thread-safe.
 */
public final class DeferredMetricAggregation {
  private final Holding<MetricBatchResult> holding;

  /**
   * @param aggregate the use case a write runs
   * @param source the metrics hub's events by sequence number, for recovery
   * @param progress the partitions' progress
   * @param scope progress scope, e.g. {@code "metrics"}
   * @param policy when to write
   * @param clock wall clock for {@link DeferralPolicy#maxAge}
   * @throws NullPointerException if an argument is null
   */
  public DeferredMetricAggregation(AggregateMetricBatch aggregate, PartitionSource source, PartitionProgressStore progress,
      String scope, DeferralPolicy policy, Clock clock) {
    this(aggregate, source, progress, scope, policy, clock, new HeldBytes());
  }

  /**
   * As the constructor above, with {@link DeferralPolicy#maxBytes} bounding what every use case that
   * shares {@code heldBytes} holds together (the function app's three hubs).
   *
   * @throws NullPointerException if an argument is null
   */
  public DeferredMetricAggregation(AggregateMetricBatch aggregate, PartitionSource source, PartitionProgressStore progress,
      String scope, DeferralPolicy policy, Clock clock, HeldBytes heldBytes) {
    Objects.requireNonNull(aggregate, "aggregate");
    this.holding = new Holding<>(new Holding.Writes<>() {
      @Override
      public MetricBatchResult write(TelemetryBatch batch) {
        return aggregate.handle(batch);
      }

      @Override
      public MetricBatchResult held(int events) {
        return MetricBatchResult.deferred(events);
      }

      @Override
      public MetricBatchResult recovered(MetricBatchResult written, int recovered, long unrecoverable) {
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
  public static DeferredMetricAggregation writingEveryBatch(AggregateMetricBatch aggregate, Clock clock) {
    return new DeferredMetricAggregation(aggregate, DeferredAggregation.NO_SOURCE, DeferredAggregation.NO_PROGRESS,
        "metrics", DeferralPolicy.NONE, clock);
  }

  /**
   * Handles one invocation: holds its events, or writes them with those held before.
   *
   * @return what the write did, or {@link MetricBatchResult#deferred} when the events are held
   * @throws DependencyException if the store, export, progress or hub failed: the partition's held
   *     events are forgotten and the host retries the batch, which recovers them
   * @throws NullPointerException if {@code batch} is null
   */
  public MetricBatchResult handle(TelemetryBatch batch) {
    return holding.handle(batch);
  }

  /**
   * Writes the events of every partition held for at least {@link DeferralPolicy#maxAge}.
   *
   * @return the result of each partition written, by partition id
   * @throws DependencyException if a write failed (its next invocation recovers the events)
   */
  public Map<String, MetricBatchResult> flushIdle() {
    return holding.flushIdle();
  }

  /** Events held in memory now, over every partition (a gauge). */
  public int heldEvents() {
    return holding.heldEvents();
  }

  /** Body bytes held in memory now, over every partition of every use case sharing them (a gauge). */
  public long heldBytes() {
    return holding.heldBytes();
  }
}
