package com.pulse.functions;

import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import com.pulse.app.notify.CheckFreshness;
import com.pulse.app.observability.PulseTelemetry;
import com.pulse.config.Settings;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Freshness watchdog, on the schedule {@code %METRIC_FRESHNESS_SCHEDULE%}: flags metrics whose last
 * completed window is older than {@code window + settle + METRIC_FRESHNESS_GRACE} (see
 * {@link com.pulse.domain.notify.FreshnessPolicy}) and feeds them into the customer-engineer digest.
 * A dependency failure propagates, so the run fails visibly (alerted) and the next run retries.
 * Each run also updates the {@code pulse.metric.freshness} gauge from the job states it read
 * ({@link PulseTelemetry#metricCompleted}).
 */
public final class MetricFreshness {
  private static final Logger LOG = Logger.getLogger(MetricFreshness.class.getName());
  private final Supplier<CheckFreshness> useCase;
  private final Supplier<PulseTelemetry> telemetry;

  /** Used by the Functions host: the graph comes from {@link CompositionRoot#get()}. */
  public MetricFreshness() {
    this(() -> CompositionRoot.get().checkFreshness(), () -> CompositionRoot.get().telemetry());
  }

  /** Without the freshness gauge. @throws NullPointerException if {@code useCase} is null */
  public MetricFreshness(CheckFreshness useCase) {
    this(supply(useCase), PulseTelemetry::noop);
  }

  /**
   * @param useCase the watchdog (resolved per run, so it can be built lazily)
   * @param telemetry where the freshness gauge is reported
   * @throws NullPointerException if an argument is null
   */
  public MetricFreshness(Supplier<CheckFreshness> useCase, Supplier<PulseTelemetry> telemetry) {
    this.useCase = Objects.requireNonNull(useCase, "useCase");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
  }

  private static Supplier<CheckFreshness> supply(CheckFreshness useCase) {
    Objects.requireNonNull(useCase, "useCase");
    return () -> useCase;
  }

  /**
   * One run.
   *
   * @param timerInfo the host's timer JSON (unused)
   * @throws com.pulse.app.port.DependencyException if the store or mail service is unavailable
   */
  @FunctionName("MetricFreshness")
  public void run(
      @TimerTrigger(name = "timer", schedule = "%" + Settings.METRIC_FRESHNESS_SCHEDULE + "%") String timerInfo) {
    CheckFreshness.Result result = useCase.get().run();
    PulseTelemetry instruments = telemetry.get();
    result.lastCompletedWindowEnds().forEach(instruments::metricCompleted);
    LOG.info(() -> "freshness: checked=" + result.checked() + " stale=" + result.stale() + " emails="
        + result.notification().emailsSent());
  }
}
