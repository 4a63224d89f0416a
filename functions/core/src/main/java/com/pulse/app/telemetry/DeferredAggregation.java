package com.pulse.app.telemetry;

import com.pulse.app.port.DependencyException;
import com.pulse.app.port.PartitionProgressStore;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WriteConflictException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

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
 * only when it lags by {@code maxEvents} or {@code maxAge}). An invocation that does not continue the
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
  private static final int MAX_PROGRESS_ATTEMPTS = 16;
  /** The progress of {@link #writingEveryBatch}, which never reads or writes one. */
  private static final PartitionProgressStore NO_PROGRESS = new PartitionProgressStore() {
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

  private final AggregateBatch aggregate;
  private final PartitionSource source;
  private final PartitionProgressStore progress;
  private final String scope;
  private final DeferralPolicy policy;
  private final Clock clock;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();
  /** Body bytes held over every partition, bounded by {@link DeferralPolicy#maxBytes}. */
  private final java.util.concurrent.atomic.AtomicLong heldBytes = new java.util.concurrent.atomic.AtomicLong();

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
    this.aggregate = Objects.requireNonNull(aggregate, "aggregate");
    this.source = Objects.requireNonNull(source, "source");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
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
    return new DeferredAggregation(aggregate, (partition, from, until) -> {
      throw new IllegalStateException("writingEveryBatch never re-reads a partition");
    }, NO_PROGRESS, "telemetry", DeferralPolicy.NONE, clock);
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
    if (batch.events().isEmpty() || !policy.defers()) {
      return aggregate.handle(batch);
    }
    Slot slot = slots.computeIfAbsent(batch.partition(), p -> new Slot());
    slot.lock.lock();
    Held before = slot.held;
    long bytesBefore = before == null ? 0 : before.bytes;
    Held after = null; // whatever fails below, the partition holds nothing afterwards
    try {
      Held held = before;
      long first = batch.events().get(0).sequenceNumber();
      if (held == null || held.next != first) {
        held = recover(batch.partition(), first);
      }
      held.add(batch.events(), clock.millis());
      boolean drained = batch.events().size() < policy.fullBatchEvents();
      if (drained || held.events.size() >= policy.maxEvents()
          || heldBytes.get() - bytesBefore + held.bytes >= policy.maxBytes()
          || clock.millis() - held.sinceMillis >= policy.maxAge().toMillis()) {
        BatchResult written = write(batch.partition(), held);
        after = held.emptied();
        return written;
      }
      after = held;
      return BatchResult.deferred(batch.events().size());
    } finally {
      slot.held = after;
      heldBytes.addAndGet((after == null ? 0 : after.bytes) - bytesBefore);
      slot.lock.unlock();
    }
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
    Map<String, BatchResult> results = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Slot> entry : slots.entrySet()) {
      Slot slot = entry.getValue();
      if (!slot.lock.tryLock()) {
        continue;
      }
      try {
        Held held = slot.held;
        if (held == null || held.events.isEmpty()
            || clock.millis() - held.sinceMillis < policy.maxAge().toMillis()) {
          continue;
        }
        long bytesBefore = held.bytes;
        Held after = null;
        try {
          results.put(entry.getKey(), write(entry.getKey(), held));
          after = held.emptied();
        } finally {
          slot.held = after;
          heldBytes.addAndGet(-bytesBefore);
        }
      } finally {
        slot.lock.unlock();
      }
    }
    return results;
  }

  /** Body bytes held in memory now, over every partition (a gauge). */
  public long heldBytes() {
    return heldBytes.get();
  }

  /** Events held in memory now, over every partition (a gauge). */
  public int heldEvents() {
    int n = 0;
    for (Slot slot : slots.values()) {
      Held held = slot.held;
      n += held == null ? 0 : held.size;
    }
    return n;
  }

  /**
   * Writes the held events as one batch, then raises the progress to their end if it lags by
   * {@link DeferralPolicy#maxEvents} events or {@link DeferralPolicy#maxAge}: a lagging progress is
   * still true (it promises less), it only makes a recovery re-read events the documents already hold,
   * so the progress is written at most about once per {@code maxAge} at low load and once per write
   * under a backlog.
   */
  private BatchResult write(String partition, Held held) {
    BatchResult result = aggregate.handle(new TelemetryBatch(partition, held.events));
    long now = clock.millis();
    if (held.last() - held.progress.value() >= policy.maxEvents()
        || now - held.progressMillis >= policy.maxAge().toMillis()) {
      held.progress = raise(partition, held.progress, held.last());
      held.progressMillis = now;
    }
    return result.withRecovery(held.recovered, held.unrecoverable);
  }

  /**
   * The held state of an owner that starts at {@code first}: the progress {@code f} (created at
   * {@code first - 1} if the partition has none) and the events {@code (f, first)} from the hub.
   */
  private Held recover(String partition, long first) {
    Versioned<Long> stored = progress.read(scope, partition);
    if (stored == null) {
      try {
        stored = progress.create(scope, partition, first - 1);
      } catch (WriteConflictException raced) {
        stored = progress.read(scope, partition);
        if (stored == null) {
          throw new DependencyException("progress of partition " + partition + " (" + scope
              + ") was created and deleted while it was read", 503, null, raced);
        }
      }
    }
    Held held = new Held(first, stored, clock.millis());
    long from = stored.value() + 1;
    if (from < first) {
      List<TelemetryEvent> missed = source.read(partition, from, first);
      long expected = from;
      for (TelemetryEvent event : missed) {
        long n = event.sequenceNumber();
        if (n < expected || n >= first) {
          throw new DependencyException("the hub returned sequence number " + n + " of partition " + partition
              + " for the range [" + from + ", " + first + ") after " + (expected - 1), 502, null, null);
        }
        expected = n + 1;
      }
      held.add(missed, clock.millis());
      held.recovered = missed.size();
      long firstRead = missed.isEmpty() ? first : missed.get(0).sequenceNumber();
      held.unrecoverable = firstRead - from; // sequence numbers are consecutive within a partition
    }
    return held;
  }

  /** Raises the partition's progress to at least {@code through}; returns it with its ETag. */
  private Versioned<Long> raise(String partition, Versioned<Long> known, long through) {
    Versioned<Long> current = known;
    for (int attempt = 0; attempt < MAX_PROGRESS_ATTEMPTS; attempt++) {
      if (current == null) {
        current = progress.read(scope, partition);
      }
      if (current != null && current.value() >= through) {
        return current;
      }
      try {
        return current == null ? progress.create(scope, partition, through)
            : progress.replace(scope, partition, through, current.etag());
      } catch (WriteConflictException conflict) {
        current = null;
      }
    }
    throw new DependencyException("progress of partition " + partition + " (" + scope + ") kept changing: "
        + MAX_PROGRESS_ATTEMPTS + " conflicting writes", 409, null, null);
  }

  /** One partition's lock and held events. */
  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock();
    volatile Held held;
  }

  /**
   * The events an owner holds for one partition: a contiguous range ending before {@code next}, whose
   * events before it are all in the documents; {@code progress} is the partition's progress as this
   * owner last read or wrote it (at or below the range's start), written at {@code progressMillis}.
   */
  private static final class Held {
    final List<TelemetryEvent> events = new ArrayList<>();
    long next;
    long bytes;
    long sinceMillis;
    volatile int size;
    int recovered;
    long unrecoverable;
    Versioned<Long> progress;
    long progressMillis;

    Held(long next, Versioned<Long> progress, long progressMillis) {
      this.next = next;
      this.progress = progress;
      this.progressMillis = progressMillis;
    }

    void add(List<TelemetryEvent> more, long nowMillis) {
      if (more.isEmpty()) {
        return;
      }
      if (events.isEmpty()) {
        sinceMillis = nowMillis;
      }
      for (TelemetryEvent event : more) {
        events.add(event);
        bytes += event.body().length;
      }
      next = more.get(more.size() - 1).sequenceNumber() + 1;
      size = events.size();
    }

    long last() {
      return next - 1;
    }

    /** Nothing held, continuing at {@code next} after the progress this write raised. */
    Held emptied() {
      return new Held(next, progress, progressMillis);
    }
  }
}
