package com.pulse.domain.notify;

import com.pulse.domain.catalog.MetricDefinition;
import com.pulse.domain.metric.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides which metrics are stale. With {@code E} = {@link JobState#lastCompletedWindowEnd()}, the
 * next window {@code [E, E + window)} closes at {@code E + window}, may be computed from
 * {@code E + window + settle}, and the timer needs up to {@code grace} more to run it. So a metric
 * is <b>stale</b> when
 *
 * <pre>   now &gt; E + window + settle + grace</pre>
 *
 * with {@code E + window} in calendar arithmetic ({@code WindowPeriod.plus}: months and quarters
 * have their real lengths). A metric with a job state but no completed window yet is stale when its
 * last run failed; a metric that never ran is not checked (it may just have been added).
 * Stale episodes are metric-wide: tenant {@link Finding#ALL_TENANTS}, no dimensions, severity
 * {@value #SEVERITY} (warning). Immutable and thread-safe.
 */
public final class FreshnessPolicy {
  /** Azure Monitor severity of a stale metric (2 = warning). */
  public static final int SEVERITY = 2;

  private final Duration grace;

  /**
   * @param grace allowance for the schedule and run time, not negative
   * @throws IllegalArgumentException if {@code grace} is negative
   */
  public FreshnessPolicy(Duration grace) {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative: " + grace);
    }
    this.grace = grace;
  }

  /** The instant after which the metric is stale: {@code E + window + settle + grace}. */
  public Instant staleAfter(MetricDefinition metric, Instant lastCompletedWindowEnd) {
    return metric.window().plus(lastCompletedWindowEnd, 1).plus(metric.settle()).plus(grace);
  }

  /**
   * Checks every metric that has a job state.
   *
   * @param metrics catalog definitions
   * @param jobs job state by metric name (absent = never ran)
   * @param now the check time (from the injected clock)
   * @throws NullPointerException if an argument is null
   */
  public Evaluation evaluate(Collection<MetricDefinition> metrics, Map<String, JobState> jobs, Instant now) {
    Objects.requireNonNull(now, "now");
    Set<String> checked = new HashSet<>();
    List<Finding> findings = new ArrayList<>();
    for (MetricDefinition metric : metrics) {
      JobState job = jobs.get(metric.name());
      if (job == null) {
        continue;
      }
      String key = Finding.keyOf(Finding.STALE, metric.name(), Map.of());
      checked.add(key);
      String detail = detail(metric, job, now);
      if (detail != null) {
        findings.add(new Finding(Finding.STALE, Finding.ALL_TENANTS, metric.name(), new TreeMap<>(),
            detail, SEVERITY));
      }
    }
    findings.sort(Comparator.comparing(Finding::key));
    return new Evaluation(Finding.ALL_TENANTS, checked, findings);
  }

  /** Why the metric is stale, or null if it is fresh. */
  private String detail(MetricDefinition metric, JobState job, Instant now) {
    String failure = "failed".equals(job.lastStatus())
        ? "; last run failed " + job.consecutiveFailures() + " time(s) in a row: " + job.lastError()
        : "";
    Instant end = job.lastCompletedWindowEnd();
    if (end == null) {
      return failure.isEmpty() ? null : "no window completed yet" + failure;
    }
    Instant staleAfter = staleAfter(metric, end);
    if (!now.isAfter(staleAfter)) {
      return null;
    }
    return "last completed window ended " + end + ", " + Duration.between(end, now).toHours()
        + " h ago; stale since " + staleAfter + " (window " + metric.window().iso() + " + settle "
        + metric.settle() + " + grace " + grace + ")" + failure;
  }
}
