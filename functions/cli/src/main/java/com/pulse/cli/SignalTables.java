package com.pulse.cli;

import com.pulse.domain.query.MergedWindow;
import com.pulse.domain.telemetry.aggregate.Granularity;
import com.pulse.domain.telemetry.log.LogTemplateCount;
import com.pulse.domain.telemetry.log.MergedLogSeries;
import com.pulse.domain.telemetry.log.Severity;
import com.pulse.domain.telemetry.metric.MetricSeriesMerger;
import com.pulse.domain.telemetry.metric.MetricWindows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The three telemetry signals beside requests, as the demo prints them and the HTML report shows
 * them: dependency calls (CLIENT/PRODUCER spans), ERROR/FATAL log templates and OTLP metrics, each
 * folded over the whole replay from its hourly windows merged across partitions (the same
 * {@code replay} results {@code replay --granularity PT1H} prints). Every table is a list of rows of
 * cells (strings), headers first in {@link #DEPENDENCY_HEADERS}, {@link #LOG_HEADERS},
 * {@link #METRIC_HEADERS}. Stateless.
 */
final class SignalTables {
  /** Columns of {@link #dependencies}. */
  static final List<String> DEPENDENCY_HEADERS =
      List.of("service", "dependency", "calls", "errors %", "p95 ms (worst hour)", "p99 ms (worst hour)");
  /** Columns of {@link #errorTemplates}. */
  static final List<String> LOG_HEADERS = List.of("service", "severity", "records", "message template");
  /** Columns of {@link #metrics}. */
  static final List<String> METRIC_HEADERS = List.of("service", "metric", "unit", "type", "value over the replay");

  private SignalTables() {}

  /**
   * Dependency calls per (service, dependency) over the whole replay, most calls first.
   *
   * @param replay the replay result
   * @param limit at most this many rows
   */
  static List<List<String>> dependencies(TelemetryReplay.Result replay, int limit) {
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, double[]> worst = new TreeMap<>();
    for (MergedWindow w : replay.dependencyWindows(Granularity.HOUR)) {
      String key = w.service() + '\u001f' + w.dependency();
      long[] c = counts.computeIfAbsent(key, k -> new long[2]);
      c[0] += w.count();
      c[1] += w.errorCount();
      double[] p = worst.computeIfAbsent(key, k -> new double[2]);
      p[0] = Math.max(p[0], w.p95Ms() == null ? 0 : w.p95Ms());
      p[1] = Math.max(p[1], w.p99Ms() == null ? 0 : w.p99Ms());
    }
    List<List<String>> rows = new ArrayList<>();
    counts.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
        .limit(limit)
        .forEach(e -> {
          String[] key = e.getKey().split("\u001f", 2);
          long[] c = e.getValue();
          double[] p = worst.get(e.getKey());
          rows.add(List.of(key[0], key[1], String.format(Locale.ROOT, "%,d", c[0]),
              String.format(Locale.ROOT, "%.2f", c[0] == 0 ? 0.0 : 100.0 * c[1] / c[0]),
              String.format(Locale.ROOT, "%.1f", p[0]), String.format(Locale.ROOT, "%.1f", p[1])));
        });
    return rows;
  }

  /**
   * The most frequent ERROR and FATAL message templates per (service, severity) over the whole
   * replay, most records first. Templates are those each window kept (the first 10 per series and
   * window); records beyond them are counted in the series, not here.
   *
   * @param replay the replay result
   * @param limit at most this many rows
   */
  static List<List<String>> errorTemplates(TelemetryReplay.Result replay, int limit) {
    Map<String, Long> byTemplate = new TreeMap<>();
    for (MergedLogSeries s : replay.logSeries(Granularity.HOUR)) {
      if (!Severity.ofName(s.severity()).keepsTemplates()) {
        continue;
      }
      for (LogTemplateCount t : s.templates()) {
        byTemplate.merge(s.service() + '\u001f' + s.severity() + '\u001f' + t.template(), t.count(), Long::sum);
      }
    }
    List<List<String>> rows = new ArrayList<>();
    byTemplate.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
        .limit(limit)
        .forEach(e -> {
          String[] key = e.getKey().split("\u001f", 3);
          rows.add(List.of(key[0], key[1], String.format(Locale.ROOT, "%,d", e.getValue()), key[2]));
        });
    return rows;
  }

  /**
   * OTLP metrics per (service, metric, type) over the whole replay, all tenants and kept attributes
   * together: a sum's total increase, a gauge's min / mean / max, a histogram's count and worst hourly
   * p95, a summary's count; ordered by service and metric.
   *
   * @param replay the replay result
   * @param limit at most this many rows
   */
  static List<List<String>> metrics(TelemetryReplay.Result replay, int limit) {
    Map<String, double[]> folded = new TreeMap<>(); // sum|count, min, max, value-sum, points, p95 worst
    Map<String, String> units = new TreeMap<>();
    for (MetricSeriesMerger.MergedSeries m : replay.metricSeries(Granularity.HOUR)) {
      var s = m.series();
      String key = s.service() + '\u001f' + s.metric() + '\u001f' + s.type();
      units.put(key, s.unit());
      double[] f = folded.computeIfAbsent(key,
          k -> new double[] {0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0, 0});
      switch (s.type()) {
        case MetricWindows.SUM -> f[0] += s.increase();
        case MetricWindows.GAUGE -> {
          if (s.min() != null) {
            f[1] = Math.min(f[1], s.min());
          }
          if (s.max() != null) {
            f[2] = Math.max(f[2], s.max());
          }
          f[3] += s.sum();
          f[4] += s.points();
        }
        case MetricWindows.HISTOGRAM -> {
          f[0] += s.count();
          f[5] = Math.max(f[5], m.p95() == null ? 0 : m.p95());
        }
        default -> f[0] += s.count();
      }
    }
    List<List<String>> rows = new ArrayList<>();
    folded.entrySet().stream().limit(limit).forEach(e -> {
      String[] key = e.getKey().split("\u001f", 3);
      double[] f = e.getValue();
      String value = switch (key[2]) {
        case MetricWindows.SUM -> "increase " + number(f[0]);
        case MetricWindows.GAUGE -> "min " + number(f[1]) + ", mean " + number(f[4] == 0 ? 0 : f[3] / f[4])
            + ", max " + number(f[2]);
        case MetricWindows.HISTOGRAM -> "count " + number(f[0]) + ", p95 " + number(f[5]) + " (worst hour)";
        default -> "count " + number(f[0]);
      };
      rows.add(List.of(key[0], key[1], units.get(e.getKey()), key[2], value));
    });
    return rows;
  }

  private static String number(double v) {
    if (v != 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 0.01)) {
      return String.format(Locale.ROOT, "%.3g", v);
    }
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.3f", v);
  }
}
