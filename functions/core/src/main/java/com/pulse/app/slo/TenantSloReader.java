package com.pulse.app.slo;

import com.pulse.app.port.WindowStore;
import com.pulse.domain.slo.BurnRateEvaluator;
import com.pulse.domain.slo.BurnRateRule;
import com.pulse.domain.slo.SliSeries;
import com.pulse.domain.slo.SloStatus;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.tenant.TelemetrySlo;
import com.pulse.domain.tenant.TenantDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Evaluates every telemetry SLO of one tenant at an instant: two single-partition window queries
 * (minute windows of the longest rule window, hourly windows of the longest budget period), then
 * {@link SliSeries} and {@link BurnRateEvaluator}. Thread-safe.
 */
public final class TenantSloReader {
  private final WindowStore windows;
  private final TenantDirectory tenants;
  private final BurnRateEvaluator evaluator;

  /**
   * One evaluated SLO.
   *
   * @param status its status
   * @param minutes the minute series it came from (for findings)
   */
  public record Evaluated(SloStatus status, SliSeries minutes) {}

  /** @throws NullPointerException if an argument is null */
  public TenantSloReader(WindowStore windows, TenantDirectory tenants, BurnRateEvaluator evaluator) {
    this.windows = Objects.requireNonNull(windows, "windows");
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
  }

  /** The evaluator (rules). */
  public BurnRateEvaluator evaluator() {
    return evaluator;
  }

  /**
   * @param tenantId the tenant (its SLOs, or the default tier's if unlisted)
   * @param at evaluation instant
   * @return one entry per SLO, in tenants-file order; empty if the tenant has none
   * @throws com.pulse.app.port.DependencyException if the store is unavailable
   * @throws IllegalArgumentException if a stored sketch is corrupt
   */
  public List<Evaluated> evaluate(String tenantId, Instant at) {
    List<TelemetrySlo> slos = tenants.slosOf(tenantId);
    if (slos.isEmpty()) {
      return List.of();
    }
    Duration longest = evaluator.rules().stream().map(BurnRateRule::longWindow).max(Duration::compareTo)
        .orElse(Duration.ofHours(1));
    int periodDays = slos.stream().mapToInt(TelemetrySlo::periodDays).max().orElse(30);
    // SLOs are over requests: dependency windows (dependency != null) are calls the tenant made, not served
    List<WindowDocument> minuteDocs = requestsOnly(windows.listRange(tenantId, "PT1M", at.minus(longest), at));
    List<WindowDocument> hourDocs = requestsOnly(windows.listRange(tenantId, "PT1H", at.minus(Duration.ofDays(periodDays)), at));
    List<Evaluated> out = new ArrayList<>();
    for (TelemetrySlo slo : slos) {
      SliSeries minutes = SliSeries.of(slo, minuteDocs);
      SliSeries hours = hourDocs.isEmpty() ? minutes : SliSeries.of(slo, hourDocs);
      out.add(new Evaluated(evaluator.status(tenantId, minutes, hours, at), minutes));
    }
    return out;
  }

  private static List<WindowDocument> requestsOnly(List<WindowDocument> docs) {
    return docs.stream().filter(d -> d.dependency() == null).toList();
  }
}
