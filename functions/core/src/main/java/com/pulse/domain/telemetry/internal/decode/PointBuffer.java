package com.pulse.domain.telemetry.internal.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * The decoded data points of one batch, in event order, as pooled {@link DataPoint} holders reused
 * across batches (no allocation per point once the pool has grown). A decoder appends the points of
 * one event after {@link #mark()}; if the event fails it {@link #rollback}s to the mark, so an event
 * is all-or-nothing. Not thread-safe.
 */
public final class PointBuffer {
  private final List<DataPoint> pool = new ArrayList<>();
  private int size;
  private int dimensionCount;

  /**
   * @param dimensionCount number of kept dimensions (the allow-list's size)
   */
  public PointBuffer(int dimensionCount) {
    this.dimensionCount = dimensionCount;
  }

  /** Empties the buffer (the holders are kept for reuse). */
  public void clear() {
    size = 0;
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
