package com.pulse.domain.slo;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.aggregate.LatencySketches;
import com.pulse.domain.tenant.TelemetrySlo;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The good and total request counts of one tenant's SLO per window start, summed over every
 * service/operation the SLO covers and every source partition. Availability: good =
 * {@code count - errorCount}. Latency: good = requests at or under the threshold, read from each
 * window's DDSketch as the count of the zero bucket plus the bins whose representative value
 * ({@code IndexMapping.value}, within 1 % of every value in the bin) is at most the threshold —
 * so the SLI is exact up to the sketch's 1 % relative accuracy around the threshold. Immutable.
 */
public final class SliSeries {
  private final TelemetrySlo slo;
  private final NavigableMap<Instant, double[]> byStart;

  private SliSeries(TelemetrySlo slo, NavigableMap<Instant, double[]> byStart) {
    this.slo = slo;
    this.byStart = byStart;
  }

  /**
   * Builds the series from window documents of one tenant and one granularity.
   *
   * @param slo the objective
   * @param documents window documents (any partitions, services, operations; the ones the SLO does
   *     not cover are skipped)
   * @throws IllegalArgumentException if a latency sketch is corrupt
   * @throws NullPointerException if an argument is null
   */
  public static SliSeries of(TelemetrySlo slo, Collection<WindowDocument> documents) {
    Objects.requireNonNull(slo, "slo");
    NavigableMap<Instant, double[]> sums = new TreeMap<>();
    for (WindowDocument d : documents) {
      if (!slo.covers(d.service(), d.operation()) || d.count() == 0) {
        continue;
      }
      double good = slo.sli() == TelemetrySlo.Sli.AVAILABILITY
          ? d.count() - d.errorCount()
          : atOrBelow(LatencySketches.deserialize(d.latencySketch()), slo.thresholdMillis());
      double[] s = sums.computeIfAbsent(d.windowStart(), k -> new double[2]);
      s[0] += good;
      s[1] += d.count();
    }
    return new SliSeries(slo, sums);
  }

  /** Requests of {@code sketch} at or under {@code thresholdMs} (zero bucket included). */
  static double atOrBelow(DDSketch sketch, double thresholdMs) {
    double[] good = {LatencySketches.zeroCount(sketch)};
    sketch.getPositiveValueStore().forEach((index, count) -> {
      if (sketch.getIndexMapping().value(index) <= thresholdMs) {
        good[0] += count;
      }
    });
    return good[0];
  }

  /** The objective. */
  public TelemetrySlo slo() {
    return slo;
  }

  /** Whether no window has requests. */
  public boolean isEmpty() {
    return byStart.isEmpty();
  }

  /**
   * Good and total requests of the windows starting in {@code [from, to)}.
   *
   * @return {@code {good, total}}
   */
  public double[] sum(Instant from, Instant to) {
    double[] out = new double[2];
    for (Map.Entry<Instant, double[]> e : byStart.subMap(from, true, to, false).entrySet()) {
      out[0] += e.getValue()[0];
      out[1] += e.getValue()[1];
    }
    return out;
  }

  /**
   * The burn rate over {@code [from, to)}: the bad fraction divided by the error budget; 0 when
   * there were no requests (no traffic spends no budget).
   */
  public double burnRate(Instant from, Instant to) {
    double[] s = sum(from, to);
    return s[1] == 0 ? 0 : (1 - s[0] / s[1]) / slo.errorBudget();
  }

  /** Window starts that have requests, ascending. */
  public java.util.NavigableSet<Instant> starts() {
    return java.util.Collections.unmodifiableNavigableSet(byStart.navigableKeySet());
  }
}
