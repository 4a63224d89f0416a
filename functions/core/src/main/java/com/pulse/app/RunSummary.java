package com.pulse.app;

import com.pulse.domain.metric.MetricPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Summary of one catalog run (timer tick, backfill, demo). Immutable.
 *
 * @param runId id stamped on every point of the run
 * @param startedAt run start (injected clock)
 * @param finishedAt run end (injected clock)
 * @param outcomes one per metric considered, catalog order
 * @param points the points the run wrote, in write order (for the SLO check after the run)
 */
public record RunSummary(String runId, Instant startedAt, Instant finishedAt, List<MetricOutcome> outcomes,
    List<MetricPoint> points) {
  /** @throws NullPointerException if an argument is null */
  public RunSummary {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    outcomes = List.copyOf(outcomes);
    points = List.copyOf(points);
  }

  /** A summary without the written points. @throws NullPointerException if an argument is null */
  public RunSummary(String runId, Instant startedAt, Instant finishedAt, List<MetricOutcome> outcomes) {
    this(runId, startedAt, finishedAt, outcomes, List.of());
  }

  /** Metrics whose planned windows all completed (up-to-date ones included). */
  public long metricsOk() {
    return outcomes.stream().filter(o -> o.status() != MetricOutcome.Status.FAILED).count();
  }

  /** Metrics with a failed window. */
  public long metricsFailed() {
    return outcomes.stream().filter(o -> o.status() == MetricOutcome.Status.FAILED).count();
  }

  /** Points written in the run. */
  public long pointsWritten() {
    return outcomes.stream().mapToLong(MetricOutcome::points).sum();
  }

  /** Sum of the metrics' warehouse query times, nanoseconds. */
  public long queryNanos() {
    return outcomes.stream().mapToLong(MetricOutcome::queryNanos).sum();
  }

  /** Wall time of the run by the injected clock. */
  public Duration duration() {
    return Duration.between(startedAt, finishedAt);
  }

  /** One line for logs: {@code run <id>: 9 ok, 1 failed, 1234 points in 2.1 s}. */
  @Override
  public String toString() {
    return "run " + runId + ": " + metricsOk() + " ok, " + metricsFailed() + " failed, " + pointsWritten()
        + " points in " + duration().toMillis() + " ms";
  }
}
