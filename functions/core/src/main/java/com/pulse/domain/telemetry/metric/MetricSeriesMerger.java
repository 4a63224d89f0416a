package com.pulse.domain.telemetry.metric;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges metric window documents of one granularity across source partitions: one
 * {@link MergedSeries} per (tenant, window, service, metric, unit, type, kept attributes), fields
 * added as in a document merge (sketches merged, so p50/p95/p99 are quantiles of the union, not an
 * average of per-partition quantiles). For the replay output and the HTTP API. Stateless.
 */
public final class MetricSeriesMerger {
  private MetricSeriesMerger() {}

  /**
   * One merged series.
   *
   * @param tenantId tenant
   * @param granularity {@code PT1M} or {@code PT1H}
   * @param windowStart inclusive, UTC
   * @param windowEnd exclusive, UTC
   * @param series the merged series (its {@code sketch} merged)
   * @param p50 median of a histogram, null for other types or an empty sketch
   * @param p95 95th percentile, as {@code p50}
   * @param p99 99th percentile, as {@code p50}
   */
  public record MergedSeries(String tenantId, String granularity, Instant windowStart, Instant windowEnd, MetricSeries series,
      Double p50, Double p95, Double p99) {
    /** A sum's increase per second of window. */
    public double ratePerSecond() {
      return series.increase() / ((windowEnd.toEpochMilli() - windowStart.toEpochMilli()) / 1000.0);
    }

    /** A gauge's mean point value, null without points. */
    public Double mean() {
      return series.points() == 0 ? null : series.sum() / series.points();
    }
  }

  /**
   * Merges {@code documents} (any tenants and windows, one granularity) across partitions, sorted by
   * window start, tenant, service, metric and attributes.
   *
   * @throws IllegalArgumentException if a stored sketch cannot be decoded
   */
  public static List<MergedSeries> merge(List<MetricWindowDocument> documents) {
    Map<List<Object>, SeriesAccumulator> merged = new LinkedHashMap<>();
    Map<List<Object>, MetricWindowDocument> windows = new LinkedHashMap<>();
    for (MetricWindowDocument d : documents) {
      for (MetricSeries s : d.series()) {
        List<Object> key = List.of(d.tenantId(), d.granularity(), d.windowStart(), s.service(), s.metric(), s.unit(),
            s.type(), new TreeMap<>(s.attributes()).toString());
        SeriesAccumulator a = merged.get(key);
        if (a == null) {
          merged.put(key, SeriesAccumulator.of(s));
          windows.put(key, d);
        } else {
          a.merge(SeriesAccumulator.of(s));
        }
      }
    }
    List<MergedSeries> out = new ArrayList<>(merged.size());
    merged.forEach((key, a) -> {
      MetricWindowDocument d = windows.get(key);
      boolean q = a.sketch != null && !a.sketch.isEmpty();
      out.add(new MergedSeries(d.tenantId(), d.granularity(), d.windowStart(), d.windowEnd(), a.toSeries(),
          q ? a.sketch.getValueAtQuantile(0.5) : null, q ? a.sketch.getValueAtQuantile(0.95) : null,
          q ? a.sketch.getValueAtQuantile(0.99) : null));
    });
    out.sort(Comparator.comparing(MergedSeries::windowStart).thenComparing(MergedSeries::tenantId)
        .thenComparing(m -> m.series().service()).thenComparing(m -> m.series().metric())
        .thenComparing(m -> new TreeMap<>(m.series().attributes()).toString()));
    return out;
  }
}
