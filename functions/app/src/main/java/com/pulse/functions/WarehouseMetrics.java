package com.pulse.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.ExponentialBackoffRetry;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import com.pulse.app.MetricOutcome;
import com.pulse.app.MetricRunner;
import com.pulse.app.RunSummary;
import com.pulse.app.notify.NotifySloBreaches;
import com.pulse.app.observability.PulseTracing;
import com.pulse.domain.metric.MetricPoint;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Timer function: on each tick of {@code %WAREHOUSE_METRICS_SCHEDULE%} (NCRONTAB, UTC) runs every
 * catalog metric whose own schedule fired since its last run, for its closed windows (catch-up
 * included), and logs the run summary. A failing metric is recorded in its job state and does not
 * fail the invocation (the next tick catches up its windows); a failing store or export does, so the
 * host's retry policy re-drives the tick (writes are idempotent by point id).
 *
 * <p>After the run, the points it wrote are checked against their SLOs and the deduplicated
 * customer-engineer digest is sent ({@link NotifySloBreaches#afterRun}); a failure there is logged
 * and does not fail the tick (re-running the tick would not re-check points already written; the
 * next run's points carry an ongoing breach again). The invocation runs in a span
 * ({@link PulseTracing#invocation}) under which the warehouse queries, store calls and exports nest.
 *
 * <p>Thin entry point: the work is {@link MetricRunner#runDue}. Thread-safe.
 */
public final class WarehouseMetrics {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MetricRunner runner;
  private final Consumer<List<MetricPoint>> afterRun;
  private final PulseTracing tracing;
  private final Clock clock;

  /**
   * Built by {@link FunctionInjector}.
   *
   * @param runner the use case
   * @param afterRun told the points each run wrote (the SLO check, {@link NotifySloBreaches#afterRun})
   * @param tracing span helpers
   * @param clock the clock the run's {@code as of} comes from
   * @throws NullPointerException if an argument is null
   */
  public WarehouseMetrics(MetricRunner runner, Consumer<List<MetricPoint>> afterRun, PulseTracing tracing, Clock clock) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.afterRun = Objects.requireNonNull(afterRun, "afterRun");
    this.tracing = Objects.requireNonNull(tracing, "tracing");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Runs the due metrics.
   *
   * @param timerInfo the host's timer JSON, e.g. {@code {"Schedule":{...},"ScheduleStatus":{...},"IsPastDue":false}}
   * @param context invocation context (logger, invocation id)
   * @throws com.pulse.app.port.DependencyException if the store or export fails (the host retries)
   */
  @FunctionName("WarehouseMetrics")
  @ExponentialBackoffRetry(maxRetryCount = 3, minimumInterval = "00:00:10", maximumInterval = "00:05:00")
  public void run(
      @TimerTrigger(name = "timer", schedule = "%WAREHOUSE_METRICS_SCHEDULE%") String timerInfo,
      ExecutionContext context) {
    tick(timerInfo, context);
  }

  /**
   * The body of {@link #run}, returning the summary (tests, other hosts).
   *
   * @throws com.pulse.app.port.DependencyException if the store or export fails
   */
  public RunSummary tick(String timerInfo, ExecutionContext context) {
    return tracing.invocation("WarehouseMetrics", context.getInvocationId(), "timer", HostTrace.parent(context), List.of(),
        () -> runAndNotify(timerInfo, context.getLogger(), context.getInvocationId()));
  }

  private RunSummary runAndNotify(String timerInfo, Logger log, String invocationId) {
    boolean pastDue = isPastDue(timerInfo, log);
    log.info(() -> "WarehouseMetrics tick, invocation " + invocationId + ", isPastDue=" + pastDue);
    RunSummary summary = runner.runDue(clock.instant(), log);
    log.info(summary::toString);
    for (MetricOutcome o : summary.outcomes()) {
      if (o.status() == MetricOutcome.Status.FAILED) {
        log.log(Level.WARNING, () -> "metric " + o.metric() + " failed after " + o.attempts() + " attempts: " + o.error());
      }
    }
    try {
      afterRun.accept(summary.points());
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "SLO digest after run " + summary.runId() + " failed", e);
    }
    return summary;
  }

  /** Reads {@code IsPastDue} from the timer JSON; false when absent or unreadable. */
  static boolean isPastDue(String timerInfo, Logger log) {
    if (timerInfo == null || timerInfo.isBlank()) {
      return false;
    }
    try {
      JsonNode node = JSON.readTree(timerInfo);
      return node.path("IsPastDue").asBoolean(node.path("isPastDue").asBoolean(false));
    } catch (java.io.IOException e) {
      log.log(Level.FINE, "unreadable timer info", e);
      return false;
    }
  }
}
