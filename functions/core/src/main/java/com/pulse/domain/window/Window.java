package com.pulse.domain.window;

import java.time.Instant;
import java.util.Objects;

/**
 * A half-open time window {@code [start, end)} in UTC. Immutable.
 *
 * @param start inclusive start
 * @param end exclusive end, after {@code start}
 */
public record Window(Instant start, Instant end) {
  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code end} is not after {@code start}
   */
  public Window {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("window end must be after start: [" + start + ", " + end + ")");
    }
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}
