package com.pulse.cli.report;

import com.pulse.domain.catalog.MetricDefinition;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.window.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The across-tenant view of one metric per window, for the printed table and the report: the
 * headline value column (the first of the metric's values) summed over tenants for additive units
 * ({@code count}, {@code currency}) and averaged over tenant points otherwise ({@code ratio},
 * {@code days}: an unweighted mean of tenants), plus tenants counted and SLO breaches. Immutable.
 *
 * @param metric the metric
 * @param valueColumn headline value column
 * @param windows windows in order
 * @param headline headline value per window ({@code null} when no point)
 * @param tenants distinct tenants with a point, per window
 * @param points points per window
 * @param breaches points violating the SLO, per window (0 without SLO)
 */
public record MetricSeries(MetricDefinition metric, String valueColumn, List<Window> windows, List<Double> headline,
    List<Integer> tenants, List<Integer> points, List<Integer> breaches) {

  private static final Set<String> ADDITIVE = Set.of("count", "currency");

  /** Builds the series of {@code metric} over {@code windows} from its points (other metrics' points ignored). */
  public static MetricSeries of(MetricDefinition metric, List<Window> windows, List<MetricPoint> allPoints) {
    Map<Instant, List<MetricPoint>> byWindow = new TreeMap<>();
    for (MetricPoint p : allPoints) {
      if (p.metric().equals(metric.name())) {
        byWindow.computeIfAbsent(p.windowStart(), k -> new ArrayList<>()).add(p);
      }
    }
    String column = !metric.values().isEmpty() ? metric.values().get(0)
        : byWindow.values().stream().flatMap(List::stream).flatMap(p -> p.values().keySet().stream()).findFirst().orElse("value");
    List<Double> headline = new ArrayList<>();
    List<Integer> tenants = new ArrayList<>();
    List<Integer> points = new ArrayList<>();
    List<Integer> breaches = new ArrayList<>();
    for (Window w : windows) {
      List<MetricPoint> ps = byWindow.getOrDefault(w.start(), List.of());
      double sum = 0;
      int n = 0;
      int breached = 0;
      for (MetricPoint p : ps) {
        Double v = p.values().get(column);
        if (v != null) {
          sum += v;
          n++;
        }
        if (metric.slo() != null) {
          Double s = p.values().get(metric.slo().value());
          if (s != null && !metric.slo().isMet(s)) {
            breached++;
          }
        }
      }
      headline.add(n == 0 ? null : ADDITIVE.contains(metric.unit()) ? sum : sum / n);
      tenants.add((int) ps.stream().map(MetricPoint::tenantId).distinct().count());
      points.add(ps.size());
      breaches.add(breached);
    }
    return new MetricSeries(metric, column, List.copyOf(windows), headline, tenants, points, breaches);
  }

  /** How the headline aggregates tenants: {@code sum} or {@code mean}. */
  public String aggregation() {
    return ADDITIVE.contains(metric.unit()) ? "sum" : "mean";
  }
}
