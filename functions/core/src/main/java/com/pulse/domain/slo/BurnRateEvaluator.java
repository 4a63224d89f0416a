package com.pulse.domain.slo;

import com.pulse.domain.notify.Finding;
import com.pulse.domain.tenant.TelemetrySlo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Evaluates a tenant's telemetry SLO at an instant: the SLI and error budget remaining over the
 * budget period (from hourly windows) and the burn rate of each {@link BurnRateRule}'s long and
 * short windows (from minute windows), all ending at the evaluation instant. A rule fires when both
 * of its windows burn at or above its threshold.
 *
 * <p>Findings ({@link Finding#BURN_RATE}) have the SLO name as metric and
 * {@code {rule, service, operation}} as dimensions; their impact is the long-window burn rate over
 * the threshold. A rule's key is <em>checked</em> when its long window had requests, so a tenant
 * that stops sending telemetry neither resolves nor keeps an alert: its episode closes as no data.
 * Stateless and thread-safe.
 */
public final class BurnRateEvaluator {
  private final List<BurnRateRule> rules;

  /**
   * @param rules the rules, e.g. {@link BurnRateRule#DEFAULTS}
   * @throws NullPointerException if {@code rules} is null
   */
  public BurnRateEvaluator(List<BurnRateRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The rules, in order. */
  public List<BurnRateRule> rules() {
    return rules;
  }

  /**
   * The status of one SLO.
   *
   * @param tenantId the tenant
   * @param minutes the SLO's series over minute windows (at least the longest rule window)
   * @param hours the SLO's series over hourly windows (the budget period), or the minute series
   *     when no hourly roll-up exists
   * @param at evaluation instant (exclusive end of every window)
   * @throws NullPointerException if an argument is null
   */
  public SloStatus status(String tenantId, SliSeries minutes, SliSeries hours, Instant at) {
    Objects.requireNonNull(at, "at");
    TelemetrySlo slo = minutes.slo();
    double[] period = hours.sum(at.minus(Duration.ofDays(slo.periodDays())), at);
    Double sli = period[1] == 0 ? null : period[0] / period[1];
    double remaining = sli == null ? 1 : 1 - (1 - sli) / slo.errorBudget();
    Map<String, Double> burn = new TreeMap<>();
    List<String> firing = new ArrayList<>();
    for (BurnRateRule r : rules) {
      double longBurn = minutes.burnRate(at.minus(r.longWindow()), at);
      double shortBurn = minutes.burnRate(at.minus(r.shortWindow()), at);
      burn.put(r.longWindow().toString(), longBurn);
      burn.put(r.shortWindow().toString(), shortBurn);
      if (longBurn >= r.threshold() && shortBurn >= r.threshold()) {
        firing.add(r.name());
      }
    }
    return new SloStatus(tenantId, slo, at, Math.round(period[1]), sli, remaining, burn, firing);
  }

  /** The episode key of a rule of an SLO (see {@link Finding#keyOf}). */
  public static String key(TelemetrySlo slo, BurnRateRule rule) {
    return Finding.keyOf(Finding.BURN_RATE, slo.name(), dimensions(slo, rule));
  }

  /**
   * The checked keys and findings of a status for the given rules (e.g. only the digest rules).
   *
   * @param status an evaluated status
   * @param minutes the minute series it was evaluated from
   * @param selected rules to report
   * @param checked receives the keys checked
   * @param findings receives the findings
   */
  public void findings(SloStatus status, SliSeries minutes, List<BurnRateRule> selected, java.util.Set<String> checked,
      List<Finding> findings) {
    TelemetrySlo slo = status.slo();
    for (BurnRateRule r : selected) {
      double[] longSum = minutes.sum(status.evaluatedAt().minus(r.longWindow()), status.evaluatedAt());
      if (longSum[1] == 0) {
        continue;
      }
      checked.add(key(slo, r));
      if (status.firing().contains(r.name())) {
        double longBurn = status.burnRates().get(r.longWindow().toString());
        double shortBurn = status.burnRates().get(r.shortWindow().toString());
        String detail = String.format(Locale.ROOT,
            "%s burn: %.1fx over %s and %.1fx over %s (threshold %.1fx; %s); %s of the %d-day budget left",
            r.name(), longBurn, human(r.longWindow()), shortBurn, human(r.shortWindow()), r.threshold(), slo.describe(),
            percent(status.budgetRemaining()), slo.periodDays());
        findings.add(new Finding(Finding.BURN_RATE, status.tenantId(), slo.name(), new TreeMap<>(dimensions(slo, r)),
            detail, r.severity(), longBurn / r.threshold()));
      }
    }
  }

  private static Map<String, String> dimensions(TelemetrySlo slo, BurnRateRule rule) {
    return Map.of("rule", rule.name(), "service", slo.service(), "operation", slo.operation());
  }

  private static String human(Duration d) {
    return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }
}
