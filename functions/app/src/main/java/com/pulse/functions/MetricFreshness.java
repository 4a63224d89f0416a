package com.pulse.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import com.pulse.app.notify.CheckFreshness;
import com.pulse.app.observability.PulseTelemetry;
import java.util.Objects;

/**
 * Freshness watchdog, on the schedule {@code %METRIC_FRESHNESS_SCHEDULE%}: flags metrics whose last
 * completed window is older than {@code window + settle + METRIC_FRESHNESS_GRACE} (see
 * {@link com.pulse.domain.notify.FreshnessPolicy}) and feeds them into the customer-engineer digest.
 * A dependency failure propagates, so the run fails visibly (alerted) and the next run retries.
 * Each run also updates the {@code pulse.metric.freshness} gauge from the job states it read
 * ({@link PulseTelemetry#metricCompleted}).
 */
public final class MetricFreshness {
  private final CheckFreshness useCase;
  private final PulseTelemetry telemetry;

  /**
   * Built by {@link FunctionInjector}.
   *
   * @param useCase the watchdog
   * @param telemetry where the freshness gauge is reported
   * @throws NullPointerException if an argument is null
   */
  public MetricFreshness(CheckFreshness useCase, PulseTelemetry telemetry) {
    this.useCase = Objects.requireNonNull(useCase, "useCase");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
  }

  /**
   * One run.
   *
   * @param timerInfo the host's timer JSON (unused)
   * @param context invocation context (logger, invocation id)
   * @throws com.pulse.app.port.DependencyException if the store or mail service is unavailable
   */
  @FunctionName("MetricFreshness")
  public void run(
      @TimerTrigger(name = "timer", schedule = "%METRIC_FRESHNESS_SCHEDULE%") String timerInfo,
      ExecutionContext context) {
    CheckFreshness.Result result = useCase.run();
    result.lastCompletedWindowEnds().forEach(telemetry::metricCompleted);
    context.getLogger().info(() -> "MetricFreshness checked=" + result.checked() + " stale=" + result.stale()
        + " emails=" + result.notification().emailsSent());
  }
}
