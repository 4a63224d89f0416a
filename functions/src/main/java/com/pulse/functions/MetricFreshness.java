package com.pulse.functions;

import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import com.pulse.app.notify.CheckFreshness;
import com.pulse.config.Settings;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Freshness watchdog, on the schedule {@code %METRIC_FRESHNESS_SCHEDULE%}: flags metrics whose last
 * completed window is older than {@code window + settle + METRIC_FRESHNESS_GRACE} (see
 * {@link com.pulse.domain.notify.FreshnessPolicy}) and feeds them into the customer-engineer digest.
 * A dependency failure propagates, so the run fails visibly (alerted) and the next run retries.
 */
public final class MetricFreshness {
  private static final Logger LOG = Logger.getLogger(MetricFreshness.class.getName());
  private final CheckFreshness useCase;

  /** Used by the Functions host. */
  public MetricFreshness() {
    this(FunctionServices.shared().freshness());
  }

  /** @throws NullPointerException if {@code useCase} is null */
  public MetricFreshness(CheckFreshness useCase) {
    this.useCase = Objects.requireNonNull(useCase, "useCase");
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
    CheckFreshness.Result result = useCase.run();
    LOG.info(() -> "freshness: checked=" + result.checked() + " stale=" + result.stale() + " emails="
        + result.notification().emailsSent());
  }
}
