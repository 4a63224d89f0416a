package com.pulse.app;

import com.pulse.domain.window.Window;
import java.util.List;
import java.util.Objects;

/**
 * What one run did for one metric. Immutable.
 *
 * @param metric metric name
 * @param status {@link Status#OK}, {@link Status#FAILED} or {@link Status#UP_TO_DATE}
 * @param windows windows computed successfully, oldest first
 * @param points points written over those windows
 * @param attempts warehouse query attempts, retries included
 * @param queryNanos time spent in warehouse queries (successful attempts), nanoseconds
 * @param totalNanos wall time for the metric (queries, retries, assembly, store, export), nanoseconds
 * @param error message of the failure, or {@code null}
 */
public record MetricOutcome(String metric, Status status, List<Window> windows, int points, int attempts,
    long queryNanos, long totalNanos, String error) {

  /** Result of a metric in a run. */
  public enum Status {
    /** Every planned window was computed. */
    OK,
    /** A window failed (after retries when transient); later windows were not attempted. */
    FAILED,
    /** Nothing was due. */
    UP_TO_DATE
  }

  /** @throws NullPointerException if {@code metric}, {@code status} or {@code windows} is null */
  public MetricOutcome {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(status, "status");
    windows = List.copyOf(windows);
  }
}
