package com.pulse.domain.telemetry.aggregate;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The series ids of recent windows ({@link WindowDocuments#idOf(WindowAccumulator, String)}), kept so
 * that a series met again in a later batch is not hashed again. An id is a SHA-256 of the series'
 * canonical key and its hex, ~1 µs; every batch needs the id of every series it touched, and at 1,000
 * keys a series comes back ~5 times in its minute window and ~50 times in its hour, so computing
 * them took 5 % of the function's CPU (docs/PERFORMANCE.md, issue 14).
 *
 * <p>Bounded: at most {@code maxEntries} ids (~200 bytes each with their keys); when full, the map is
 * emptied and refilled by the series of the next batches, which is cheaper to run than an LRU order
 * and costs one batch's worth of hashing per {@code maxEntries} new series. Thread-safe: a
 * concurrent map of immutable keys and strings; two threads may compute the same id, which is the
 * same string.
 */
public final class SeriesIds {
  /** Default bound: ids of 32,768 series (16 times the minute and hour series of 1,000 keys), ~6.5 MB. */
  public static final int DEFAULT_MAX_ENTRIES = 1 << 15;

  /** What an id is a function of. */
  private record Key(String tenantId, String service, String dependency, String operation, Granularity granularity,
      long windowStartMillis, String partition) {}

  private final int maxEntries;
  private final Map<Key, String> ids = new ConcurrentHashMap<>();

  /** Holding at most {@value #DEFAULT_MAX_ENTRIES} ids. */
  public SeriesIds() {
    this(DEFAULT_MAX_ENTRIES);
  }

  /**
   * @param maxEntries ids kept at most; 0 keeps none
   * @throws IllegalArgumentException if {@code maxEntries} is negative
   */
  public SeriesIds(int maxEntries) {
    if (maxEntries < 0) {
      throw new IllegalArgumentException("maxEntries must be >= 0, was " + maxEntries);
    }
    this.maxEntries = maxEntries;
  }

  /**
   * {@link WindowDocuments#idOf(WindowAccumulator, String)}: the same string.
   *
   * @throws NullPointerException if an argument is null
   */
  public String idOf(WindowAccumulator delta, String partition) {
    Objects.requireNonNull(partition, "partition");
    Key key = new Key(delta.tenantId(), delta.service(), delta.dependency(), delta.operation(), delta.granularity(),
        delta.windowStartMillis(), partition);
    String id = ids.get(key);
    if (id == null) {
      id = WindowDocuments.idOf(delta, partition);
      if (ids.size() >= maxEntries) {
        ids.clear();
      }
      if (maxEntries > 0) {
        ids.put(key, id);
      }
    }
    return id;
  }

  /** Ids held now. */
  public int size() {
    return ids.size();
  }
}
