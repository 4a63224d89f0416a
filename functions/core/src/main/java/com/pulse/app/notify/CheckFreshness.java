package com.pulse.app.notify;

import com.pulse.app.port.MetricStore;
import com.pulse.domain.catalog.MetricDefinition;
import com.pulse.domain.metric.JobState;
import com.pulse.domain.notify.Evaluation;
import com.pulse.domain.notify.Finding;
import com.pulse.domain.notify.FreshnessPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Use case of the {@code MetricFreshness} timer: reads the job state of every catalog metric (point
 * reads), flags the stale ones with {@link FreshnessPolicy} and feeds them into the deduplicated
 * digest ({@link NotifyCustomerEngineers}), so a stale metric is announced once, reminded per
 * period and announced again when it is fresh. Not thread-safe (one timer run at a time).
 */
public final class CheckFreshness {
  private final MetricStore store;
  private final Supplier<List<MetricDefinition>> catalog;
  private final FreshnessPolicy policy;
  private final NotifyCustomerEngineers notify;
  private final Clock clock;

  /**
   * What a run found and sent.
   *
   * @param checked metrics with a job state
   * @param stale names of stale metrics, sorted
   * @param notification what the digest step did
   * @param lastCompletedWindowEnds metric name to the end of its last completed window (metrics
   *     that completed one), for the freshness gauge
   */
  public record Result(int checked, List<String> stale, NotifyCustomerEngineers.Result notification,
      Map<String, Instant> lastCompletedWindowEnds) {
    /** @throws NullPointerException if {@code lastCompletedWindowEnds} is null */
    public Result {
      lastCompletedWindowEnds = Map.copyOf(lastCompletedWindowEnds);
    }
  }

  /** @throws NullPointerException if an argument is null */
  public CheckFreshness(MetricStore store, Supplier<List<MetricDefinition>> catalog, FreshnessPolicy policy,
      NotifyCustomerEngineers notify, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.notify = Objects.requireNonNull(notify, "notify");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @throws com.pulse.app.port.DependencyException if the store or mail service fails transiently
   * @throws IllegalStateException if the mail service rejects a digest
   */
  public Result run() {
    List<MetricDefinition> metrics = catalog.get();
    Map<String, JobState> jobs = store.readJobs(metrics.stream().map(MetricDefinition::name).toList());
    Evaluation evaluation = policy.evaluate(metrics, jobs, clock.instant());
    NotifyCustomerEngineers.Result sent = notify.run(List.of(evaluation));
    Map<String, Instant> completed = new TreeMap<>();
    jobs.forEach((metric, job) -> {
      if (job.lastCompletedWindowEnd() != null) {
        completed.put(metric, job.lastCompletedWindowEnd());
      }
    });
    return new Result(evaluation.checkedKeys().size(),
        evaluation.findings().stream().map(Finding::metric).sorted().toList(), sent, completed);
  }
}
