package com.pulse.functions;

import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import com.pulse.app.slo.EvaluateSloBurnRates;
import com.pulse.config.Settings;
import com.pulse.domain.notify.Finding;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Telemetry SLO burn rates, on the schedule {@code %SLO_BURN_RATE_SCHEDULE%}: evaluates every SLO
 * of every tenant of the tenants file ({@link EvaluateSloBurnRates}); publishes the burn-rate gauges
 * that the {@code pulse-slo-fast-burn} alert pages on-call with, and puts slow burns into the
 * owning customer engineer's digest. A dependency failure propagates (the run fails visibly, the
 * next one retries).
 */
public final class SloBurnRates {
  private static final Logger LOG = Logger.getLogger(SloBurnRates.class.getName());
  private final Supplier<EvaluateSloBurnRates> useCase;

  /** Used by the Functions host: the use case comes from {@link CompositionRoot#get()}. */
  public SloBurnRates() {
    this(() -> CompositionRoot.get().evaluateSloBurnRates());
  }

  /** @throws NullPointerException if {@code useCase} is null */
  public SloBurnRates(Supplier<EvaluateSloBurnRates> useCase) {
    this.useCase = Objects.requireNonNull(useCase, "useCase");
  }

  /**
   * One run.
   *
   * @param timerInfo the host's timer JSON (unused)
   * @throws com.pulse.app.port.DependencyException if the store or mail service is unavailable
   */
  @FunctionName("SloBurnRates")
  public void run(
      @TimerTrigger(name = "timer", schedule = "%" + Settings.SLO_BURN_RATE_SCHEDULE + "%") String timerInfo) {
    EvaluateSloBurnRates.Result result = useCase.get().run(List.of());
    LOG.info(() -> "slo burn rates at " + result.evaluatedAt() + ": statuses=" + result.statuses().size()
        + " fastBurns=" + result.pages().stream().map(f -> f.tenantId() + "/" + f.metric()).toList()
        + " slowBurns=" + result.digested().stream().map(Finding::tenantId).distinct().count() + " tenant(s)"
        + " emails=" + result.notification().emailsSent());
  }
}
