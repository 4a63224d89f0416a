package com.pulse.domain.metric;

import java.time.Instant;
import java.util.Objects;

/**
 * Per-metric job state (Cosmos container {@code jobs}, partition key {@code /metric}).
 *
 * @param metric catalog metric name; also the document id and partition key
 * @param lastCompletedWindowEnd exclusive end of the newest window computed successfully, or
 *     {@code null} if the metric never completed a window (planning then starts at the latest
 *     closed window)
 * @param lastRunId id of the last run that touched this metric, or {@code null}
 * @param lastRunAt when that run finished, or {@code null}
 * @param lastStatus {@code "ok"} or {@code "failed"}, or {@code null} before the first run
 * @param lastError message of the last failure, or {@code null}
 * @param consecutiveFailures failed runs since the last success, {@code >= 0}
 */
public record JobState(
    String metric,
    Instant lastCompletedWindowEnd,
    String lastRunId,
    Instant lastRunAt,
    String lastStatus,
    String lastError,
    int consecutiveFailures) {

  /** @throws NullPointerException if {@code metric} is null; @throws IllegalArgumentException if consecutiveFailures &lt; 0 */
  public JobState {
    Objects.requireNonNull(metric, "metric");
    if (consecutiveFailures < 0) {
      throw new IllegalArgumentException("consecutiveFailures must be >= 0: " + consecutiveFailures);
    }
  }

  /** State of a metric that never ran. */
  public static JobState initial(String metric) {
    return new JobState(metric, null, null, null, null, null, 0);
  }
}
