package com.pulse.domain.notify;

import com.pulse.domain.catalog.MetricDefinition;
import com.pulse.domain.catalog.Slo;
import com.pulse.domain.metric.MetricPoint;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a tenant's metric points against the SLOs of their catalog definitions. Per
 * (metric, dimensions) only the point of the newest window counts. A point whose SLO value column is
 * absent (SQL NULL) or not finite (a 0/0 ratio) is not checked, so it neither opens nor resolves an
 * episode. Stateless and
 * thread-safe.
 */
public final class SloEvaluator {
  private final Map<String, MetricDefinition> catalog;

  /**
   * @param catalog metric definitions by name
   * @throws NullPointerException if {@code catalog} is null
   */
  public SloEvaluator(Map<String, MetricDefinition> catalog) {
    this.catalog = Map.copyOf(Objects.requireNonNull(catalog, "catalog"));
  }

  /**
   * Evaluates the points of one tenant.
   *
   * @param tenantId the tenant
   * @param points its points (e.g. {@code MetricStore.latestPoints}); points of other tenants and of
   *     metrics without SLO are ignored
   * @throws NullPointerException if an argument is null
   */
  public Evaluation evaluate(String tenantId, List<MetricPoint> points) {
    Map<String, MetricPoint> newest = new HashMap<>();
    for (MetricPoint p : points) {
      MetricDefinition def = catalog.get(p.metric());
      if (!p.tenantId().equals(tenantId) || def == null || def.slo() == null) {
        continue;
      }
      newest.merge(Finding.keyOf(Finding.SLO_BREACH, p.metric(), p.dimensions()), p,
          (a, b) -> a.windowStart().isAfter(b.windowStart()) ? a : b);
    }
    Set<String> checked = new HashSet<>();
    List<Finding> findings = new ArrayList<>();
    newest.forEach((key, p) -> {
      Slo slo = catalog.get(p.metric()).slo();
      double actual = p.values().getOrDefault(slo.value(), Double.NaN);
      if (!Double.isFinite(actual)) {
        return;
      }
      checked.add(key);
      if (!slo.isMet(actual)) {
        findings.add(new Finding(Finding.SLO_BREACH, tenantId, p.metric(), p.dimensions(),
            detail(slo, actual, p), slo.severity()));
      }
    });
    findings.sort(Comparator.comparing(Finding::key));
    return new Evaluation(tenantId, checked, findings);
  }

  private static String detail(Slo slo, double actual, MetricPoint p) {
    return String.format(Locale.ROOT, "%s = %s, objective %s %s (window %s to %s)", slo.value(),
        format(actual), slo.op().symbol(), format(slo.target()), p.windowStart(), p.windowEnd());
  }

  /** A number without trailing zeros: 0.82, 12, 1.5E-4. */
  static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : BigDecimal.valueOf(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
