package com.pulse.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import com.pulse.app.slo.EvaluateSloBurnRates;
import com.pulse.domain.notify.Finding;
import java.util.List;
import java.util.Objects;

/**
 * Telemetry SLO burn rates, on the schedule {@code %SLO_BURN_RATE_SCHEDULE%}: evaluates every SLO
 * of every tenant of the tenants file ({@link EvaluateSloBurnRates}); publishes the burn-rate gauges
 * that the {@code pulse-slo-fast-burn} alert pages on-call with, and puts slow burns into the
 * owning customer engineer's digest. A dependency failure propagates (the run fails visibly, the
 * next one retries).
 */
public final class SloBurnRates {
  private final EvaluateSloBurnRates useCase;

  /** Built by {@link FunctionInjector}. @throws NullPointerException if {@code useCase} is null */
  public SloBurnRates(EvaluateSloBurnRates useCase) {
    this.useCase = Objects.requireNonNull(useCase, "useCase");
  }

  /**
   * One run.
   *
   * @param timerInfo the host's timer JSON (unused)
   * @param context invocation context (logger, invocation id)
   * @throws com.pulse.app.port.DependencyException if the store or mail service is unavailable
   */
  @FunctionName("SloBurnRates")
  public void run(
      @TimerTrigger(name = "timer", schedule = "%SLO_BURN_RATE_SCHEDULE%") String timerInfo,
      ExecutionContext context) {
    EvaluateSloBurnRates.Result result = useCase.run(List.of());
    context.getLogger().info(() -> "SloBurnRates at " + result.evaluatedAt() + ": statuses=" + result.statuses().size()
        + " fastBurns=" + result.pages().stream().map(f -> f.tenantId() + "/" + f.metric()).toList()
        + " slowBurns=" + result.digested().stream().map(Finding::tenantId).distinct().count() + " tenant(s)"
        + " emails=" + result.notification().emailsSent());
  }
}
