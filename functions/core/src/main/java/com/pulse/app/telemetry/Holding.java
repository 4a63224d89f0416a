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
 * The engine of {@link DeferredAggregation}, {@link DeferredLogAggregation} and
 * {@link DeferredMetricAggregation}, over any batch use case: what is held, when it is written, the
 * progress and the recovery. The design and why it is
 * exact are on {@link DeferredAggregation}. Thread-safe: each partition's state is used under its own
 * lock.
 *
 * @param <R> the use case's result per call
 */
final class Holding<R> {
  /** A batch use case and its result's counts of holding. */
  interface Writes<R> {
    /** Writes one batch (the use case). */
    R write(TelemetryBatch batch);

    /** The result of an invocation whose {@code events} are all held. */
    R held(int events);

    /** {@code written} with the events re-read from the hub and those the hub no longer retained. */
    R recovered(R written, int recovered, long unrecoverable);

    /**
     * Series versions the write {@code written} produced ({@link DeferralPolicy#eventsBound}), or -1
     * when the use case does not count them (the policy then assumes
     * {@link DeferralPolicy#ASSUMED_SERIES_PER_EVENT}).
     */
    default long seriesVersions(R written) {
      return -1;
    }
  }


  private static final int MAX_PROGRESS_ATTEMPTS = 16;
  private final Writes<R> writes;
  private final PartitionSource source;
  private final PartitionProgressStore progress;
  private final String scope;
  private final DeferralPolicy policy;
  private final Clock clock;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();
  /** Body bytes held over every partition (and every use case sharing it), bounded by {@link DeferralPolicy#maxBytes}. */
  private final HeldBytes heldBytes;

  /**
   * @param writes the use case a write runs
   * @param source the hub's events by sequence number, for recovery
   * @param progress the partitions' progress
   * @param scope progress scope of this use case (one per hub and consumer group, e.g. {@code "telemetry"})
   * @param policy when to write
   * @param clock wall clock for {@link DeferralPolicy#maxAge}
   * @param heldBytes the instance's held bytes, shared with its other holding use cases
   * @throws NullPointerException if an argument is null
   */
  Holding(Writes<R> writes, PartitionSource source, PartitionProgressStore progress,
      String scope, DeferralPolicy policy, Clock clock, HeldBytes heldBytes) {
    this.writes = Objects.requireNonNull(writes, "writes");
    this.source = Objects.requireNonNull(source, "source");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.heldBytes = Objects.requireNonNull(heldBytes, "heldBytes");
  }

  /**
   * Handles one invocation: holds its events, or writes them with those held before.
   *
   * @return what the write did, or {@link Writes#held} when the events are held
   * @throws DependencyException if the store, export, progress or hub failed: the partition's held
   *     events are forgotten and the host retries the batch, which recovers them
   */
  R handle(TelemetryBatch batch) {
    if (batch.events().isEmpty() || !policy.defers()) {
      return writes.write(batch);
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
      long now = clock.millis();
      held.add(batch.events(), now);
      boolean drained = batch.events().size() < policy.fullBatchEvents();
      if (drained || held.events.size() >= policy.eventsBound(slot.seriesPerEvent)
          || heldBytes.get() - bytesBefore + held.bytes >= policy.maxBytes()
          || now - held.sinceMillis >= policy.maxAge().toMillis()) {
        R written = write(slot, batch.partition(), held);
        after = held.emptied();
        return written;
      }
      after = held;
      return writes.held(batch.events().size());
    } finally {
      slot.held = after;
      heldBytes.add((after == null ? 0 : after.bytes) - bytesBefore);
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
  Map<String, R> flushIdle() {
    Map<String, R> results = new java.util.LinkedHashMap<>();
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
          results.put(entry.getKey(), write(slot, entry.getKey(), held));
          after = held.emptied();
        } finally {
          slot.held = after;
          heldBytes.add(-bytesBefore);
        }
      } finally {
        slot.lock.unlock();
      }
    }
    return results;
  }

  /** Body bytes held in memory now, over every partition of every use case sharing them (a gauge). */
  long heldBytes() {
    return heldBytes.get();
  }

  /** Events held in memory now, over every partition (a gauge). */
  int heldEvents() {
    int n = 0;
    for (Slot slot : slots.values()) {
      Held held = slot.held;
      n += held == null ? 0 : held.size;
    }
    return n;
  }

  /**
   * Writes the held events as one batch, then raises the progress to their end if it lags by a hold's
   * worth of events ({@link DeferralPolicy#eventsBound} of the partition now) or of body bytes
   * ({@link DeferralPolicy#maxBytes}), or by {@link DeferralPolicy#maxAge}: a lagging progress is still
   * true (it promises less), it only makes a recovery re-read events the documents already hold (at
   * most about two holds), so the progress is written at most about once per {@code maxAge} at low
   * load and once per write under a backlog. Keeps the series versions per event of the write in
   * {@code slot}, for the next hold's bound.
   */
  private R write(Slot slot, String partition, Held held) {
    R result = writes.write(new TelemetryBatch(partition, held.events));
    long series = writes.seriesVersions(result);
    if (series >= 0) {
      slot.seriesPerEvent = (double) series / held.events.size();
    }
    held.unraisedBytes += held.bytes;
    long now = clock.millis();
    if (held.last() - held.progress.value() >= policy.eventsBound(slot.seriesPerEvent)
        || held.unraisedBytes >= policy.maxBytes()
        || now - held.progressMillis >= policy.maxAge().toMillis()) {
      held.progress = raise(partition, held.progress, held.last());
      held.progressMillis = now;
      held.unraisedBytes = 0;
    }
    return writes.recovered(result, held.recovered, held.unrecoverable);
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
    Held held = new Held(first, stored, clock.millis(), 0);
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

  /** One partition's lock, held events, and the series versions per event of its last write (NaN: none yet). */
  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock();
    volatile Held held;
    volatile double seriesPerEvent = Double.NaN;
  }

  /**
   * Events the partition holds before a write now: {@link DeferralPolicy#eventsBound} of the series
   * per event of its last write (for tests and diagnostics); the policy's first bound for a partition
   * not seen.
   */
  int eventsBound(String partition) {
    Slot slot = slots.get(partition);
    return policy.eventsBound(slot == null ? Double.NaN : slot.seriesPerEvent);
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
    /** Body bytes written since {@code progress} was last raised (the events a recovery would re-read). */
    long unraisedBytes;

    Held(long next, Versioned<Long> progress, long progressMillis, long unraisedBytes) {
      this.next = next;
      this.progress = progress;
      this.progressMillis = progressMillis;
      this.unraisedBytes = unraisedBytes;
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
      return new Held(next, progress, progressMillis, unraisedBytes);
    }
  }
}
