package com.pulse.domain.telemetry.internal.decode;

import java.util.ArrayList;

/**
 * The decoded data points of one batch, in event order, as pooled {@link DataPoint} holders reused
 * across batches (no allocation per point once the pool has grown). A decoder appends the points of
 * one event after {@link #mark()}; if the event fails it {@link #rollback}s to the mark, so an event
 * is all-or-nothing. Not thread-safe.
 */
public final class PointBuffer {
  /**
   * Holders kept for reuse across batches. A held write of 16,384 events may decode several hundred
   * thousand points (~390 bytes each with histograms): those beyond this many are allocated for that
   * batch and dropped by {@link #clear}, so a thread keeps at most ~25 MB of holders between batches,
   * whatever the largest batch it decoded.
   */
  static final int RETAINED = 65_536;
  private final ArrayList<DataPoint> pool = new ArrayList<>();
  private int size;
  private int dimensionCount;

  /**
   * @param dimensionCount number of kept dimensions (the allow-list's size)
   */
  public PointBuffer(int dimensionCount) {
    this.dimensionCount = dimensionCount;
  }

  /** Empties the buffer; the first {@link #RETAINED} holders are kept for reuse. */
  public void clear() {
    if (pool.size() > RETAINED) {
      pool.subList(RETAINED, pool.size()).clear();
      pool.trimToSize();
    }
    size = 0;
  }

  /** Holders in the pool, used or not (for tests of its bound). */
  int pooled() {
    return pool.size();
  }

  /** Number of points. */
  public int size() {
    return size;
  }

  /** The point at {@code index}, valid until the next {@link #clear}. */
  public DataPoint get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return pool.get(index);
  }

  /** The current size, to roll back to. */
  public int mark() {
    return size;
  }

  /** Drops the points appended after {@code mark}. */
  public void rollback(int mark) {
    size = mark;
  }

  /** Appends a reset holder. */
  DataPoint next() {
    if (size == pool.size()) {
      pool.add(new DataPoint());
    }
    DataPoint p = pool.get(size++);
    p.reset(dimensionCount);
    return p;
  }

  /** Drops the last point (one that turned out to carry no value). */
  void dropLast() {
    size--;
  }
}
