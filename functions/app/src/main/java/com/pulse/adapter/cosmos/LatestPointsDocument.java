package com.pulse.adapter.cosmos;

import com.pulse.domain.metric.MetricPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The per-tenant "latest points" document of container {@code metrics} (id {@link #ID}, same
 * partition as the tenant's points): for every metric, the newest window computed and all of its
 * points. It makes {@code MetricStore#latestPoints} one point read instead of a query. Size: about
 * 0.5 KB per point, so a tenant fits well under Cosmos DB's 2 MB document limit up to a few
 * thousand (metric, dimension) combinations. Immutable.
 *
 * @param id always {@link #ID}
 * @param tenantId tenant id (partition key)
 * @param metrics metric name to its newest window
 */
record LatestPointsDocument(String id, String tenantId, Map<String, LatestWindow> metrics) {
  /** Document id; point ids always contain {@code '-'} after the metric name, so they never collide. */
  static final String ID = "latest";

  static final Comparator<MetricPoint> ORDER = Comparator.comparing(MetricPoint::metric)
      .thenComparing(point -> point.dimensions().toString());

  /**
   * @param windowStart start of the newest window computed
   * @param points the points of that window, ordered by {@link #ORDER}
   */
  record LatestWindow(Instant windowStart, List<MetricPoint> points) {
    LatestWindow {
      Objects.requireNonNull(windowStart, "windowStart");
      points = List.copyOf(points);
    }
  }

  LatestPointsDocument {
    Objects.requireNonNull(tenantId, "tenantId");
    metrics = Map.copyOf(metrics == null ? Map.of() : metrics);
  }

  static LatestPointsDocument empty(String tenantId) {
    return new LatestPointsDocument(ID, tenantId, Map.of());
  }

  /**
   * This document advanced by newly written points of its tenant: per metric, points of a newer
   * window replace the held window; points of the held window are merged in by id (overwriting);
   * points of an older window are ignored.
   *
   * @return the advanced document, or {@code this} if nothing changed
   */
  LatestPointsDocument advance(List<MetricPoint> written) {
    Map<String, LatestWindow> next = new TreeMap<>(metrics);
    boolean changed = false;
    Map<String, List<MetricPoint>> byMetric = new LinkedHashMap<>();
    for (MetricPoint point : written) {
      byMetric.computeIfAbsent(point.metric(), m -> new ArrayList<>()).add(point);
    }
    for (var entry : byMetric.entrySet()) {
      Instant newest = entry.getValue().stream().map(MetricPoint::windowStart).max(Comparator.naturalOrder()).orElseThrow();
      LatestWindow held = next.get(entry.getKey());
      if (held != null && newest.isBefore(held.windowStart())) {
        continue;
      }
      Map<String, MetricPoint> points = new LinkedHashMap<>();
      if (held != null && newest.equals(held.windowStart())) {
        held.points().forEach(point -> points.put(point.id(), point));
      }
      entry.getValue().stream().filter(point -> point.windowStart().equals(newest))
          .forEach(point -> points.put(point.id(), point));
      List<MetricPoint> ordered = points.values().stream().sorted(ORDER).toList();
      if (held == null || !held.windowStart().equals(newest) || !held.points().equals(ordered)) {
        next.put(entry.getKey(), new LatestWindow(newest, ordered));
        changed = true;
      }
    }
    return changed ? new LatestPointsDocument(ID, tenantId, next) : this;
  }

  /** All held points, ordered by metric name then dimensions. */
  List<MetricPoint> points() {
    return metrics.values().stream().flatMap(window -> window.points().stream()).sorted(ORDER).toList();
  }
}
