package com.pulse.app.telemetry;

import com.pulse.app.port.DependencyException;
import com.pulse.app.port.PartitionProgressStore;
import com.pulse.app.port.Versioned;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Use case: {@link AggregateBatch} over the events of several invocations of a partition at once,
 * so that under a backlog a touched series gets one merged version, document write and export row
 * per write instead of one per batch. When to write is the {@link DeferralPolicy}; what is held is the
 * events themselves (bodies and metadata), which a write hands to {@link AggregateBatch} as one
 * batch: decoding, the floor rule, ETag conflicts, exports and remembered documents are unchanged.
 *
 * <p><b>Why it stays exact</b> (argued in {@code docs/ARCHITECTURE.md}, "Holding a partition's events
 * under a backlog"; {@code DeferredExactlyOnceProofTest} is the proof). The host checkpoints past held
 * events, so each partition has a progress value ({@link PartitionProgressStore}, scope
 * {@code scope}): every event {@code <= flushedThrough} is in the window documents. An owner holds a
 * contiguous range right after events that are all in the documents, so a write is an ordinary
 * {@link AggregateBatch} batch; afterwards the progress may be raised to its end (never lowered, and
 * only when it lags by a hold's worth of events or body bytes, or by {@code maxAge}). An invocation that does not continue the
 * held range (a first batch, a restart, a redelivery, a return after a rebalance) drops it and
 * recovers: it reads the progress {@code f} (creating it at {@code first - 1} if the partition has
 * none) and re-reads {@code (f, first)} from the hub ({@link PartitionSource}). A failed invocation
 * forgets what its partition held; the retry recovers it.
 *
 * <p><b>What it costs.</b> At most one progress write per write (with the ETag it remembers); on
 * recovery a progress read and a hub read of what a dead owner held. Held events reach the serving
 * store up to {@code maxAge} later, and only under a backlog (a drained partition's batches are not
 * full and are written at once); {@link #flushIdle} writes what an idle partition holds.
 *
 * <p>Thread-safe: each partition's state is used under its own lock (the host never runs two
 * invocations of one partition at once; {@link #flushIdle} may run beside them).
 */
public final class DeferredAggregation {
  /** The progress of {@link #writingEveryBatch}, which never reads or writes one. */
  static final PartitionProgressStore NO_PROGRESS = new PartitionProgressStore() {
    @Override
    public Versioned<Long> read(String scope, String partition) {
      throw new IllegalStateException("writingEveryBatch keeps no progress");
    }

    @Override
    public Versioned<Long> create(String scope, String partition, long flushedThrough) {
      throw new IllegalStateException("writingEveryBatch keeps no progress");
    }

    @Override
    public Versioned<Long> replace(String scope, String partition, long flushedThrough, String ifMatchEtag) {
      throw new IllegalStateException("writingEveryBatch keeps no progress");
    }
  };
  /** The hub of {@link #writingEveryBatch}, which never re-reads one. */
  static final PartitionSource NO_SOURCE = (partition, from, until) -> {
    throw new IllegalStateException("writingEveryBatch never re-reads a partition");
  };

  private final Holding<BatchResult> holding;

  /**
   * @param aggregate the use case a write runs
   * @param source the hub's events by sequence number, for recovery
   * @param progress the partitions' progress
   * @param scope progress scope of this use case (one per hub and consumer group, e.g. {@code "telemetry"})
   * @param policy when to write
   * @param clock wall clock for {@link DeferralPolicy#maxAge}
   * @throws NullPointerException if an argument is null
   */
  public DeferredAggregation(AggregateBatch aggregate, PartitionSource source, PartitionProgressStore progress,
      String scope, DeferralPolicy policy, Clock clock) {
    this(aggregate, source, progress, scope, policy, clock, new HeldBytes());
  }

  /**
   * As the constructor above, with {@link DeferralPolicy#maxBytes} bounding what every use case that
   * shares {@code heldBytes} holds together (the function app's three hubs).
   *
   * @throws NullPointerException if an argument is null
   */
  public DeferredAggregation(AggregateBatch aggregate, PartitionSource source, PartitionProgressStore progress,
      String scope, DeferralPolicy policy, Clock clock, HeldBytes heldBytes) {
    Objects.requireNonNull(aggregate, "aggregate");
    this.holding = new Holding<>(new Holding.Writes<>() {
      @Override
      public BatchResult write(TelemetryBatch batch) {
        return aggregate.handle(batch);
      }

      @Override
      public BatchResult held(int events) {
        return BatchResult.deferred(events);
      }

      @Override
      public BatchResult recovered(BatchResult written, int recovered, long unrecoverable) {
        return written.withRecovery(recovered, unrecoverable);
      }

      @Override
      public long seriesVersions(BatchResult written) {
        return written.seriesVersions();
      }
    }, source, progress, scope, policy, clock, heldBytes);
  }

  /**
   * {@code aggregate} alone, behind this type: every batch written when it arrives, with no progress
   * and no recovery ({@link DeferralPolicy#NONE}). For one process that owns every partition (local
   * mode, tests); a deployment whose instances may have held events must keep recovering, so it turns
   * holding off with {@code maxEvents} equal to a full batch instead.
   *
   * @throws NullPointerException if {@code aggregate} or {@code clock} is null
   */
  public static DeferredAggregation writingEveryBatch(AggregateBatch aggregate, Clock clock) {
    return new DeferredAggregation(aggregate, NO_SOURCE, NO_PROGRESS, "telemetry", DeferralPolicy.NONE, clock);
  }

  /**
   * Handles one invocation: holds its events, or writes them with those held before.
   *
   * @return what the write did ({@link BatchResult#recoveredEvents} re-read from the hub), or
   *     {@link BatchResult#deferred} when the events are held
   * @throws DependencyException if the store, export, progress or hub failed: the partition's held
   *     events are forgotten and the host retries the batch, which recovers them
   * @throws IllegalStateException as {@link AggregateBatch#handle}
   * @throws NullPointerException if {@code batch} is null
   */
  public BatchResult handle(TelemetryBatch batch) {
    return holding.handle(batch);
  }

  /**
   * Writes the events of every partition held for at least {@link DeferralPolicy#maxAge}: call it
   * periodically (the function app does every {@code maxAge}), so a partition whose events stop is
   * written too. A partition whose invocation is running is skipped.
   *
   * @return the result of each partition written, by partition id
   * @throws DependencyException if a write failed (that partition's held events are forgotten, and
   *     its next invocation recovers them); the partitions after it are not tried
   */
  public Map<String, BatchResult> flushIdle() {
    return holding.flushIdle();
  }

  /** Body bytes held in memory now, over every partition of every use case sharing them (a gauge). */
  public long heldBytes() {
    return holding.heldBytes();
  }

  /** Events held in memory now, over every partition (a gauge). */
  public int heldEvents() {
    return holding.heldEvents();
  }

  /**
   * Events {@code partition} holds before its next write ({@link DeferralPolicy#eventsBound} of the
   * series per event of its last write); for tests and diagnostics.
   */
  int eventsBound(String partition) {
    return holding.eventsBound(partition);
  }
}
