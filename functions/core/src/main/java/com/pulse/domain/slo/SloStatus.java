package com.pulse.domain.slo;

import com.pulse.domain.tenant.TelemetrySlo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where one tenant's telemetry SLO stands at one instant. Immutable; the JSON shape of
 * {@code GET /api/tenants/{tenantId}/slos} and a row of the report.
 *
 * @param tenantId the tenant
 * @param slo the objective
 * @param evaluatedAt the evaluation instant (end of every window below)
 * @param requests requests in the budget period with data ({@code periodDays} up to {@code evaluatedAt})
 * @param sli good fraction in that period, or null without requests
 * @param budgetRemaining share of the period's error budget left: {@code 1 - badFraction / (1 - objective)};
 *     1 = untouched, 0 = spent, negative = overspent; 1 without requests
 * @param burnRates burn rate per window, keyed by ISO-8601 duration ({@code PT1H}, {@code PT5M},
 *     {@code PT6H}, {@code PT30M}); 0 for a window without requests
 * @param firing names of the rules that fire ({@code fast}, {@code slow}), fast first
 */
public record SloStatus(String tenantId, TelemetrySlo slo, Instant evaluatedAt, long requests, Double sli,
    double budgetRemaining, Map<String, Double> burnRates, List<String> firing) {
  /** @throws NullPointerException if an object argument other than {@code sli} is null */
  public SloStatus {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(slo, "slo");
    Objects.requireNonNull(evaluatedAt, "evaluatedAt");
    burnRates = Map.copyOf(burnRates);
    firing = List.copyOf(firing);
  }
}
