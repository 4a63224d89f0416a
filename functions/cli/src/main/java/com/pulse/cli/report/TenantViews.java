package com.pulse.cli.report;

import com.pulse.domain.catalog.MetricDefinition;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.slo.SloStatus;
import com.pulse.domain.tenant.TenantDirectory;
import com.pulse.domain.window.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The per-tenant views of the report, built from metric points: the distribution of a metric
 * across tenants per window (quantiles of the per-tenant values, so a per-tenant SLO target can be
 * drawn against it honestly), the breaching-tenants table of the newest windows, and the tenant
 * explorer's data. A tenant's value in a window is the mean of its points' values (one per
 * dimension combination) for ratios and the sum for additive units. Stateless.
 */
public final class TenantViews {
  private static final Set<String> ADDITIVE = Set.of("count", "currency");
  private static final double[] QUANTILES = {0.1, 0.25, 0.5, 0.75, 0.9};

  private TenantViews() {}

  /** The value column a metric is shown by: its SLO's value column, else its first value column. */
  public static String column(MetricDefinition m) {
    return m.slo() != null ? m.slo().value() : m.values().isEmpty() ? "value" : m.values().get(0);
  }

  /** Per window start, tenant to value (see the class comment). */
  static Map<Instant, Map<String, Double>> perTenant(MetricDefinition m, List<MetricPoint> points) {
    String column = column(m);
    Map<Instant, Map<String, double[]>> acc = new TreeMap<>();
    for (MetricPoint p : points) {
      Double v = p.metric().equals(m.name()) ? p.values().get(column) : null;
      if (v == null || !Double.isFinite(v)) {
        continue;
      }
      double[] a = acc.computeIfAbsent(p.windowStart(), k -> new HashMap<>()).computeIfAbsent(p.tenantId(), k -> new double[2]);
      a[0] += v;
      a[1]++;
    }
    Map<Instant, Map<String, Double>> out = new TreeMap<>();
    acc.forEach((w, byTenant) -> {
      Map<String, Double> values = new HashMap<>();
      byTenant.forEach((t, a) -> values.put(t, ADDITIVE.contains(m.unit()) ? a[0] : a[0] / a[1]));
      out.put(w, values);
    });
    return out;
  }

  /**
   * p10, p25, median, p75 and p90 across tenants of the metric's value per window, plus the SLO
   * target if any. Series name to one value per window ({@code null} without points).
   */
  public static Map<String, List<Double>> distribution(MetricDefinition m, List<Window> windows, List<MetricPoint> points) {
    Map<Instant, Map<String, Double>> perTenant = perTenant(m, points);
    Map<String, List<Double>> series = new LinkedHashMap<>();
    for (double q : QUANTILES) {
      series.put(q == 0.5 ? "median tenant" : "p" + Math.round(q * 100) + " of tenants", new ArrayList<>());
    }
    for (Window w : windows) {
      double[] values = perTenant.getOrDefault(w.start(), Map.of()).values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
      int i = 0;
      for (List<Double> s : series.values()) {
        s.add(values.length == 0 ? null : quantile(values, QUANTILES[i++]));
      }
    }
    if (m.slo() != null) {
      series.put("SLO target (per tenant, " + m.slo().op().symbol() + ")", windows.stream().map(w -> m.slo().target()).toList());
    }
    return series;
  }

  private static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }

  /**
   * The breaching tenants of each SLO metric's newest window, ranked by severity then how far past
   * the target (relative), as table rows: tenant, name, owners, metric, dimensions, value, objective,
   * window start.
   *
   * @param limit most rows
   * @return rows and the total number of breaching points
   */
  public static Map.Entry<List<List<String>>, Integer> breaching(List<MetricDefinition> metrics, List<MetricPoint> points,
      TenantDirectory tenants, int limit) {
    record Row(MetricDefinition m, MetricPoint p, double value, double impact) {}
    List<Row> rows = new ArrayList<>();
    for (MetricDefinition m : metrics) {
      if (m.slo() == null) {
        continue;
      }
      Instant newest = points.stream().filter(p -> p.metric().equals(m.name())).map(MetricPoint::windowStart)
          .max(Comparator.naturalOrder()).orElse(null);
      for (MetricPoint p : points) {
        Double v = p.metric().equals(m.name()) && p.windowStart().equals(newest) ? p.values().get(m.slo().value()) : null;
        if (v != null && Double.isFinite(v) && !m.slo().isMet(v)) {
          double t = m.slo().target();
          rows.add(new Row(m, p, v, Math.abs(v - t) / Math.max(Math.abs(t), 1e-9)));
        }
      }
    }
    rows.sort(Comparator.comparingInt((Row r) -> r.m().slo().severity()).thenComparing(Comparator.comparingDouble(Row::impact).reversed())
        .thenComparing(r -> r.p().tenantId()));
    List<List<String>> out = new ArrayList<>();
    for (Row r : rows.subList(0, Math.min(limit, rows.size()))) {
      String name = tenants.displayName(r.p().tenantId());
      out.add(List.of(r.p().tenantId(), name.equals(r.p().tenantId()) ? "-" : name, String.join(", ", tenants.ownersOf(r.p().tenantId())),
          r.m().name(), r.p().dimensions().isEmpty() ? "-" : new TreeMap<>(r.p().dimensions()).toString(), number(r.value()),
          r.m().slo().op().symbol() + " " + number(r.m().slo().target()) + " (sev " + r.m().slo().severity() + ")",
          r.p().windowStart().toString().substring(0, 10)));
    }
    return Map.entry(out, rows.size());
  }

  /**
   * The tenant explorer's data (see {@link HtmlReport#addTenantExplorer}): listed tenants first,
   * then the others with points, sorted.
   */
  public static Map<String, Object> explorer(Map<MetricDefinition, List<Window>> plan, List<MetricPoint> points,
      List<SloStatus> slos, TenantDirectory tenants) {
    TreeSet<String> withData = new TreeSet<>(Comparator.comparing((String t) -> t.length()).thenComparing(t -> t));
    points.forEach(p -> withData.add(p.tenantId()));
    slos.forEach(s -> withData.add(s.tenantId()));
    List<String> order = new ArrayList<>();
    tenants.tenants().forEach(t -> order.add(t.id()));
    withData.stream().filter(t -> !order.contains(t)).forEach(order::add);
    List<Map<String, String>> picker = new ArrayList<>();
    for (String t : order) {
      String name = tenants.displayName(t);
      picker.add(Map.of("id", t, "label", name.equals(t) ? t : name + " (" + t + ")"));
    }
    List<Map<String, Object>> metrics = new ArrayList<>();
    Map<String, Map<String, List<Double>>> series = new HashMap<>();
    plan.forEach((m, windows) -> {
      Map<String, Object> md = new LinkedHashMap<>();
      md.put("name", m.name());
      md.put("title", m.title() + " (" + column(m) + ")");
      md.put("unit", m.unit());
      md.put("labels", windows.stream().map(w -> w.start().toString().substring(0, 10)).toList());
      md.put("target", m.slo() == null ? null : m.slo().target());
      md.put("op", m.slo() == null ? "" : m.slo().op().symbol());
      metrics.add(md);
      Map<Instant, Map<String, Double>> perTenant = perTenant(m, points);
      for (String t : order) {
        List<Double> values = new ArrayList<>();
        for (Window w : windows) {
          Double v = perTenant.getOrDefault(w.start(), Map.of()).get(t);
          values.add(v == null ? null : Math.round(v * 1e4) / 1e4);
        }
        if (values.stream().anyMatch(v -> v != null)) {
          series.computeIfAbsent(t, k -> new HashMap<>()).put(m.name(), values);
        }
      }
    });
    Map<String, List<Map<String, String>>> sloRows = new HashMap<>();
    for (SloStatus s : slos) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("slo", s.slo().name() + ": " + s.slo().describe());
      row.put("sli", s.sli() == null ? "-" : String.format(Locale.ROOT, "%.4f", s.sli()));
      row.put("budget", String.format(Locale.ROOT, "%.1f%%", 100 * s.budgetRemaining()));
      for (String[] w : new String[][] {{"burn1h", "PT1H"}, {"burn5m", "PT5M"}, {"burn6h", "PT6H"}, {"burn30m", "PT30M"}}) {
        row.put(w[0], String.format(Locale.ROOT, "%.1fx", s.burnRates().getOrDefault(w[1], 0.0)));
      }
      row.put("firing", String.join(", ", s.firing()));
      sloRows.computeIfAbsent(s.tenantId(), k -> new ArrayList<>()).add(row);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("tenants", picker);
    data.put("metrics", metrics);
    data.put("series", series);
    data.put("slos", sloRows);
    return data;
  }

  /** Compact number text. */
  public static String number(double v) {
    return Math.abs(v) >= 10_000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.4g", v);
  }

  static double[] sorted(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c;
  }
}
