package com.pulse.domain.telemetry.aggregate;

import java.util.Objects;

/**
 * The series ids of recent windows ({@link WindowDocuments#idOf(WindowAccumulator, String)}), kept so
 * that a series met again in a later batch is not hashed again. An id is a SHA-256 of the series'
 * canonical key and its hex, ~1 µs; every batch needs the id of every series it touched, and at 1,000
 * keys a series comes back ~5 times in its minute window and ~50 times in its hour, so computing
 * them took 5 % of the function's CPU (docs/PERFORMANCE.md, issue 14).
 *
 * <p>Bounded and direct-mapped: {@code maxEntries} rounded down to a power of two slots, the slot of a
 * series chosen by the hash of its key; a new id takes its slot's place. So a look-up is one probe,
 * and a stream of series that are never met again (100,000 keys: nearly every id of a write is new)
 * costs one store each, with no table to empty, grow or rehash. Thread-safe: the slots hold
 * immutable entries (safely published through their final fields), and two threads may compute the
 * same id, which is the same string.
 */
public final class SeriesIds {
  /** Default bound: ids of 32,768 series (16 times the minute and hour series of 1,000 keys), ~6.5 MB. */
  public static final int DEFAULT_MAX_ENTRIES = 1 << 15;

  /** What an id is a function of. */
  private record Key(String tenantId, String service, String dependency, String operation, Granularity granularity,
      long windowStartMillis, String partition) {}

  /** A kept id, with its key's hash: most slots a new series probes hold another series. */
  private record Entry(int hash, Key key, String id) {}

  private final Entry[] slots;

  /** Holding at most {@value #DEFAULT_MAX_ENTRIES} ids. */
  public SeriesIds() {
    this(DEFAULT_MAX_ENTRIES);
  }

  /**
   * @param maxEntries ids kept at most, rounded down to a power of two; 0 keeps none
   * @throws IllegalArgumentException if {@code maxEntries} is negative
   */
  public SeriesIds(int maxEntries) {
    if (maxEntries < 0) {
      throw new IllegalArgumentException("maxEntries must be >= 0, was " + maxEntries);
    }
    this.slots = new Entry[maxEntries == 0 ? 0 : Integer.highestOneBit(maxEntries)];
  }

  /**
   * {@link WindowDocuments#idOf(WindowAccumulator, String)}: the same string.
   *
   * @throws NullPointerException if an argument is null
   */
  public String idOf(WindowAccumulator delta, String partition) {
    Objects.requireNonNull(partition, "partition");
    if (slots.length == 0) {
      return WindowDocuments.idOf(delta, partition);
    }
    Key key = new Key(delta.tenantId(), delta.service(), delta.dependency(), delta.operation(), delta.granularity(),
        delta.windowStartMillis(), partition);
    int hash = key.hashCode();
    int mixed = hash * 0x9E3779B9; // Fibonacci hashing: the high bits depend on every bit
    int slot = (mixed ^ (mixed >>> 16)) & (slots.length - 1);
    Entry entry = slots[slot];
    if (entry != null && entry.hash() == hash && entry.key().equals(key)) {
      return entry.id();
    }
    String id = WindowDocuments.idOf(delta, partition);
    slots[slot] = new Entry(hash, key, id);
    return id;
  }

  /** Ids held now. O(slots): for tests and diagnostics. */
  public int size() {
    int n = 0;
    for (Entry entry : slots) {
      if (entry != null) {
        n++;
      }
    }
    return n;
  }
}
