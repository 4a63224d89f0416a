package com.pulse.domain.window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides which windows of a metric to compute. A window {@code [start, end)} is <em>closed</em> at
 * {@code asOf} when {@code end + settle <= asOf}; only closed windows are computed. Pure and
 * thread-safe: the caller passes {@code asOf} from its injected clock.
 */
public final class WindowPlanner {
  private WindowPlanner() {}

  /**
   * The newest closed window at {@code asOf}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Window latestClosed(WindowPeriod period, Duration settle, Instant asOf) {
    Instant start = period.floor(asOf.minus(settle));
    return new Window(period.plus(start, -1), start);
  }

  /**
   * Windows due for a scheduled run, oldest first: every closed window after
   * {@code lastCompletedWindowEnd} (catch-up after an outage), at most {@code maxWindows} of them
   * (the oldest ones, so a long catch-up proceeds in order over several runs without gaps). With no
   * job state yet ({@code lastCompletedWindowEnd == null}) only the newest closed window is due.
   *
   * @param lastCompletedWindowEnd exclusive end of the newest completed window, or null
   * @param maxWindows catch-up cap, {@code >= 1}
   * @return windows to compute, oldest first; empty when up to date
   * @throws IllegalArgumentException if {@code maxWindows < 1}
   * @throws NullPointerException if {@code period}, {@code settle} or {@code asOf} is null
   */
  public static List<Window> due(WindowPeriod period, Duration settle, Instant asOf, Instant lastCompletedWindowEnd,
      int maxWindows) {
    if (maxWindows < 1) {
      throw new IllegalArgumentException("maxWindows must be >= 1: " + maxWindows);
    }
    Window newest = latestClosed(period, settle, asOf);
    if (lastCompletedWindowEnd == null) {
      return List.of(newest);
    }
    Instant start = period.floor(lastCompletedWindowEnd);
    List<Window> out = new ArrayList<>();
    while (!start.isAfter(newest.start()) && out.size() < maxWindows) {
      Instant end = period.plus(start, 1);
      out.add(new Window(start, end));
      start = end;
    }
    return out;
  }

  /**
   * Every window lying entirely inside {@code [from, to)}, oldest first (a backfill).
   *
   * @throws IllegalArgumentException if {@code to} is not after {@code from}
   * @throws NullPointerException if an argument is null
   */
  public static List<Window> within(WindowPeriod period, Instant from, Instant to) {
    Objects.requireNonNull(period, "period");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("to must be after from: [" + from + ", " + to + ")");
    }
    Instant start = period.floor(from);
    if (start.isBefore(from)) {
      start = period.plus(start, 1);
    }
    List<Window> out = new ArrayList<>();
    for (Instant end = period.plus(start, 1); !end.isAfter(to); start = end, end = period.plus(start, 1)) {
      out.add(new Window(start, end));
    }
    return out;
  }

  /**
   * The {@code count} newest closed windows at {@code asOf}, oldest first (history for a report).
   *
   * @throws IllegalArgumentException if {@code count < 1}
   */
  public static List<Window> lastClosed(WindowPeriod period, Duration settle, Instant asOf, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1: " + count);
    }
    Window newest = latestClosed(period, settle, asOf);
    return within(period, period.plus(newest.start(), -(count - 1)), newest.end());
  }
}
