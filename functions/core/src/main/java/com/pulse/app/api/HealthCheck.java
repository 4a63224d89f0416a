package com.pulse.app.api;

import com.pulse.app.port.DeadLetterStore;
import com.pulse.app.port.DependencyException;
import com.pulse.app.port.MetricStore;
import com.pulse.app.telemetry.IngestCounters;
import com.pulse.domain.catalog.MetricDefinition;
import com.pulse.domain.metric.JobState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Use case behind {@code GET /api/health}: is the store reachable, when did each catalog metric last
 * run and how, how many events wait in the dead-letter store, and this instance's telemetry counters
 * (late, expired, out of range, ...; {@link IngestCounters}). Thread-safe.
 */
public final class HealthCheck {
  private final MetricStore metrics;
  private final DeadLetterStore deadLetters;
  private final Supplier<List<MetricDefinition>> catalog;
  private final Clock clock;
  private final IngestCounters counters;

  /**
   * The health report.
   *
   * @param status {@code ok}, {@code degraded} (a metric's last run failed) or {@code unavailable}
   * @param storeReachable whether the job state and dead-letter reads succeeded
   * @param jobs last run per catalog metric (a metric that never ran has nulls)
   * @param deadLetters stored dead letters, or -1 when unknown
   * @param error why the store is unreachable, or null
   * @param checkedAt check time
   * @param telemetry this instance's telemetry aggregation counters since start
   */
  public record Report(String status, boolean storeReachable, List<JobState> jobs, long deadLetters, String error,
      Instant checkedAt, IngestCounters.Snapshot telemetry, IngestCounters.LogSnapshot logs,
      IngestCounters.MetricSnapshot metrics) {}

  /** A check without telemetry counters (all zero). @throws NullPointerException if an argument is null */
  public HealthCheck(MetricStore metrics, DeadLetterStore deadLetters, Supplier<List<MetricDefinition>> catalog,
      Clock clock) {
    this(metrics, deadLetters, catalog, clock, new IngestCounters());
  }

  /**
   * @param counters the telemetry counters to report (the instance the aggregation observer feeds)
   * @throws NullPointerException if an argument is null
   */
  public HealthCheck(MetricStore metrics, DeadLetterStore deadLetters, Supplier<List<MetricDefinition>> catalog,
      Clock clock, IngestCounters counters) {
    this.counters = Objects.requireNonNull(counters, "counters");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Checks; never throws for a store failure (reported as {@code unavailable} instead). */
  public Report check() {
    Instant now = clock.instant();
    List<String> names = catalog.get().stream().map(MetricDefinition::name).sorted().toList();
    try {
      Map<String, JobState> states = metrics.readJobs(names);
      long count = deadLetters.count();
      List<JobState> jobs = new ArrayList<>();
      names.forEach(n -> jobs.add(states.getOrDefault(n, JobState.initial(n))));
      boolean failing = jobs.stream().anyMatch(j -> "failed".equals(j.lastStatus()));
      return new Report(failing ? "degraded" : "ok", true, jobs, count, null, now, counters.snapshot(), counters.logSnapshot(),
          counters.metricSnapshot());
    } catch (DependencyException | IllegalStateException e) {
      return new Report("unavailable", false, List.of(), -1, e.getMessage(), now, counters.snapshot(), counters.logSnapshot(),
          counters.metricSnapshot());
    }
  }
}
