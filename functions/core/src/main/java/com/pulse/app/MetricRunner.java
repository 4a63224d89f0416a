package com.pulse.app;

import com.pulse.app.observability.PulseTelemetry;
import com.pulse.app.observability.PulseTracing;
import com.pulse.app.port.DependencyException;
import com.pulse.app.port.MetricExport;
import com.pulse.app.port.MetricStore;
import com.pulse.app.port.QueryResult;
import com.pulse.app.port.Warehouse;
import com.pulse.domain.catalog.Catalog;
import com.pulse.domain.catalog.MetricDefinition;
import com.pulse.domain.catalog.NcrontabSchedule;
import com.pulse.domain.export.MetricPointRecord;
import com.pulse.domain.metric.JobState;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.window.Window;
import com.pulse.domain.window.WindowPlanner;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The warehouse-metrics use case: runs catalog metrics for their windows, one SQL query per metric
 * and window for all tenants, writes the points to the {@link MetricStore} and the history export,
 * and keeps per-metric {@link JobState}.
 *
 * <p>Per-metric isolation: a transient warehouse failure ({@link DependencyException}) is retried
 * with the {@link RetryPolicy}; a failure that persists, or any other query failure, marks only that
 * metric {@link MetricOutcome.Status#FAILED} (its job state keeps the last completed window, so the
 * next run catches up) and the run continues with the next metric. A failure of the store or the
 * export is a failure of the run's own dependencies and propagates, so the Functions host re-drives
 * the invocation (writes are idempotent by point id).
 *
 * <p>Thread-safe if its ports are; runs are sequential within one call.
 */
public final class MetricRunner {

  private final Catalog catalog;
  private final Warehouse warehouse;
  private final MetricStore store;
  private final MetricExport export;
  private final Clock clock;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final int maxCatchUpWindows;
  private final Supplier<String> runIds;
  private final PulseTelemetry telemetry;
  private final PulseTracing tracing;

  /**
   * A builder of a runner of {@code catalog}'s metrics over these ports; every other setting has a
   * default ({@link MetricRunnerBuilder}).
   *
   * @param catalog the metrics to run
   * @param warehouse where their SQL runs
   * @param store where points and job state are written
   * @param export the history sink of the points
   * @throws NullPointerException if an argument is null
   */
  public static MetricRunnerBuilder builder(Catalog catalog, Warehouse warehouse, MetricStore store,
      MetricExport export) {
    return new MetricRunnerBuilder(catalog, warehouse, store, export);
  }

  /** From a builder whose every setting was validated when it was set. */
  MetricRunner(MetricRunnerBuilder builder) {
    this.catalog = builder.catalog;
    this.warehouse = builder.warehouse;
    this.store = builder.store;
    this.export = builder.export;
    this.clock = builder.clock;
    this.retry = builder.retry;
    this.sleeper = builder.sleeper;
    this.maxCatchUpWindows = builder.maxCatchUpWindows;
    this.runIds = builder.runIds;
    this.telemetry = builder.telemetry;
    this.tracing = builder.tracing;
  }

  /** The catalog this runner runs. */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * A scheduled run (timer tick): every metric whose NCRONTAB schedule fired since its last run (or
   * that never ran) computes its closed windows after its last completed one, at most
   * {@code maxCatchUpWindows}, as of {@code asOf}. Metrics not due are left out of the summary.
   *
   * @param asOf the instant windows must be closed at (normally the clock's now)
   * @throws DependencyException if the store or export fails transiently
   */
  public RunSummary runDue(Instant asOf) {
    return runDue(asOf, defaultLog());
  }

  /**
   * {@link #runDue(Instant)} logging to {@code log} (the invocation's logger in the Functions host).
   *
   * @throws DependencyException if the store or export fails transiently
   */
  public RunSummary runDue(Instant asOf, Logger log) {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(log, "log");
    Map<String, JobState> jobs = store.readJobs(catalog.names());
    Map<MetricDefinition, List<Window>> plan = new LinkedHashMap<>();
    for (MetricDefinition m : catalog.metrics()) {
      JobState job = jobs.getOrDefault(m.name(), JobState.initial(m.name()));
      if (NcrontabSchedule.parse(m.schedule()).firesBetween(job.lastRunAt(), asOf)) {
        plan.put(m, WindowPlanner.due(m.window(), m.settle(), asOf, job.lastCompletedWindowEnd(), maxCatchUpWindows));
      }
    }
    return run(plan, jobs, asOf, log);
  }

  /**
   * Recomputes every window of the given metrics lying inside {@code [from, to)} (a backfill);
   * existing points are overwritten by id. Job state records the run but never moves a metric's last
   * completed window backwards, nor past a window still open at the clock's now or past a gap after
   * it (so scheduled runs still catch up every window in order).
   *
   * @param metrics metric names; empty means the whole catalog
   * @throws IllegalArgumentException for an unknown metric or {@code to <= from}
   * @throws DependencyException if the store or export fails transiently
   */
  public RunSummary backfill(List<String> metrics, Instant from, Instant to) {
    return backfill(metrics, from, to, defaultLog());
  }

  /**
   * {@link #backfill(List, Instant, Instant)} logging to {@code log}.
   *
   * @throws IllegalArgumentException for an unknown metric or {@code to <= from}
   * @throws DependencyException if the store or export fails transiently
   */
  public RunSummary backfill(List<String> metrics, Instant from, Instant to, Logger log) {
    Catalog selected = metrics.isEmpty() ? catalog : catalog.select(metrics);
    Map<MetricDefinition, List<Window>> plan = new LinkedHashMap<>();
    for (MetricDefinition m : selected.metrics()) {
      plan.put(m, WindowPlanner.within(m.window(), from, to));
    }
    return run(plan, store.readJobs(selected.names()), clock.instant(), log);
  }

  /**
   * Runs an explicit plan: metric to windows, oldest first.
   *
   * @throws DependencyException if the store or export fails transiently
   */
  public RunSummary run(Map<MetricDefinition, List<Window>> plan) {
    List<String> names = plan.keySet().stream().map(MetricDefinition::name).toList();
    return run(plan, store.readJobs(names), clock.instant(), defaultLog());
  }

  /** The logger of callers that hand in none (the CLI, tests): {@code com.pulse.app.MetricRunner}. */
  private static Logger defaultLog() {
    return Logger.getLogger(MetricRunner.class.getName());
  }

  /** @param closedAt the instant a window must be closed at to count as completed in the job state */
  private RunSummary run(Map<MetricDefinition, List<Window>> plan, Map<String, JobState> jobs, Instant closedAt,
      Logger log) {
    String runId = runIds.get();
    Instant startedAt = clock.instant();
    List<MetricOutcome> outcomes = new ArrayList<>(plan.size());
    List<MetricPoint> written = new ArrayList<>();
    plan.forEach((metric, windows) -> {
      MetricOutcome outcome = runMetric(metric, windows, runId, written, log);
      outcomes.add(outcome);
      if (outcome.status() != MetricOutcome.Status.UP_TO_DATE) {
        telemetry.metricRun(metric.name(), outcome.status() == MetricOutcome.Status.OK);
        store.writeJob(nextJobState(metric, jobs.getOrDefault(metric.name(), JobState.initial(metric.name())), outcome,
            runId, closedAt));
      }
    });
    RunSummary summary = new RunSummary(runId, startedAt, clock.instant(), outcomes, written);
    log.info(summary::toString);
    return summary;
  }

  /** Runs one metric's windows; appends the points it wrote to {@code written}. */
  private MetricOutcome runMetric(MetricDefinition metric, List<Window> windows, String runId,
      List<MetricPoint> written, Logger log) {
    if (windows.isEmpty()) {
      return new MetricOutcome(metric.name(), MetricOutcome.Status.UP_TO_DATE, List.of(), 0, 0, 0, 0, null);
    }
    long started = System.nanoTime();
    List<Window> done = new ArrayList<>(windows.size());
    int points = 0;
    int[] attempts = {0};
    long queryNanos = 0;
    for (Window window : windows) {
      QueryResult result;
      List<MetricPoint> computed;
      try {
        result = queryWithRetry(metric, window, attempts, log);
        computed = PointAssembler.assemble(metric, window, result, clock.instant(), runId);
      } catch (RuntimeException e) {
        // one line for the operator; the trace only at FINE (the query's span records the exception)
        log.warning(() -> "metric " + metric.name() + " failed for window " + window + ": " + oneLine(e));
        log.log(Level.FINE, e, () -> "metric " + metric.name() + " failure");
        return new MetricOutcome(metric.name(), MetricOutcome.Status.FAILED, done, points, attempts[0], queryNanos,
            System.nanoTime() - started, "window " + window + ": " + oneLine(e));
      }
      queryNanos += result.elapsedNanos();
      store.upsertPoints(computed);
      export.exportPoints(records(computed, window));
      written.addAll(computed);
      points += computed.size();
      done.add(window);
      telemetry.metricCompleted(metric.name(), window.end());
    }
    return new MetricOutcome(metric.name(), MetricOutcome.Status.OK, done, points, attempts[0], queryNanos,
        System.nanoTime() - started, null);
  }

  /**
   * {@link MetricPointRecord#of} for every point, with the timestamp texts of the window (the same
   * for all its points) formatted once instead of three times per point.
   */
  private static List<MetricPointRecord> records(List<MetricPoint> points, Window window) {
    if (points.isEmpty()) {
      return List.of();
    }
    String start = window.start().toString();
    String end = window.end().toString();
    Instant computedAt = points.get(0).computedAt();
    String computedText = computedAt.toString();
    List<MetricPointRecord> out = new ArrayList<>(points.size());
    for (MetricPoint p : points) {
      boolean shared = p.computedAt().equals(computedAt);
      out.add(new MetricPointRecord(p.id(), p.metric(), p.tenantId(), p.dimensions(), start, end, p.values(), p.unit(),
          shared ? computedText : p.computedAt().toString(), p.runId(), p.computedAt().toEpochMilli()));
    }
    return out;
  }

  private QueryResult queryWithRetry(MetricDefinition metric, Window window, int[] attempts, Logger log) {
    for (int attempt = 1; ; attempt++) {
      attempts[0]++;
      long started = System.nanoTime();
      try {
        QueryResult result = tracing.warehouseQuery(metric.name(), () -> warehouse.query(metric.sql().text(warehouse.dialect()), window));
        telemetry.metricQueryDuration(metric.name(), true, result.elapsedNanos() / 1e6);
        return result;
      } catch (RuntimeException e) {
        telemetry.metricQueryDuration(metric.name(), false, (System.nanoTime() - started) / 1e6);
        if (!(e instanceof DependencyException dependency)) {
          throw e;
        }
        handleTransient(metric, dependency, attempt, log);
      }
    }
  }

  /**
   * Backs off after transient failure number {@code attempt} (the longer of the policy's delay and
   * the failure's retry-after).
   *
   * @throws IllegalStateException if the attempts are used up or the backoff is interrupted
   */
  private void handleTransient(MetricDefinition metric, DependencyException e, int attempt, Logger log) {
    if (attempt >= retry.maxAttempts()) {
      throw new IllegalStateException("transient failure persisted after " + attempt + " attempts: "
          + e.getMessage(), e);
    }
    java.time.Duration backoff = retry.delayAfter(attempt);
    java.time.Duration pause = e.retryAfter().filter(r -> r.compareTo(backoff) > 0).orElse(backoff);
    log.info(() -> "metric " + metric.name() + ": transient failure on attempt " + attempt
        + ", retrying in " + pause.toMillis() + " ms: " + oneLine(e));
    try {
      sleeper.sleep(pause);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while backing off", ie);
    }
  }

  /** The exception's message on one line (drivers add the statement and a caret on further lines). */
  private static String oneLine(RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /**
   * The job state after a run. The last completed window end moves forward only over windows that
   * are closed at {@code closedAt} ({@code end + settle <= closedAt}) and contiguous with it, so a
   * backfill of a later range or of windows still open cannot make scheduled runs skip windows
   * (gap-free catch-up).
   */
  private JobState nextJobState(MetricDefinition metric, JobState previous, MetricOutcome outcome, String runId,
      Instant closedAt) {
    Instant lastEnd = previous.lastCompletedWindowEnd();
    for (Window w : outcome.windows()) {
      boolean closed = !w.end().plus(metric.settle()).isAfter(closedAt);
      boolean contiguous = lastEnd == null || !w.start().isAfter(lastEnd);
      if (closed && contiguous && (lastEnd == null || w.end().isAfter(lastEnd))) {
        lastEnd = w.end();
      }
    }
    boolean ok = outcome.status() == MetricOutcome.Status.OK;
    return new JobState(outcome.metric(), lastEnd, runId, clock.instant(), ok ? "ok" : "failed",
        outcome.error(), ok ? 0 : previous.consecutiveFailures() + 1);
  }

}
