package com.pulse.adapter.local;

import com.pulse.app.port.MetricStore;
import com.pulse.domain.metric.JobState;
import com.pulse.domain.metric.MetricPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process {@link MetricStore} for local runs and tests: points by (tenant, id), the newest window
 * start per (tenant, metric), job states by metric. Thread-safe (concurrent maps; writes of one call
 * are not atomic as a whole, like the Cosmos DB adapter). Never throws
 * {@link com.pulse.app.port.DependencyException}.
 */
public final class InMemoryMetricStore implements MetricStore {
  private final Map<String, Map<String, MetricPoint>> pointsByTenant = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Instant>> latestWindowByTenant = new ConcurrentHashMap<>();
  private final Map<String, JobState> jobs = new ConcurrentHashMap<>();

  @Override
  public void upsertPoints(List<MetricPoint> points) {
    for (MetricPoint p : points) {
      tenantMap(pointsByTenant, p.tenantId()).put(p.id(), p);
      Map<String, Instant> latest = tenantMap(latestWindowByTenant, p.tenantId());
      Instant known = latest.get(p.metric());
      if (known == null || p.windowStart().isAfter(known)) {
        latest.merge(p.metric(), p.windowStart(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
  }

  /** The tenant's inner map; a plain get first, as computeIfAbsent locks the bin even when present. */
  private static <V> Map<String, V> tenantMap(Map<String, Map<String, V>> byTenant, String tenantId) {
    Map<String, V> inner = byTenant.get(tenantId);
    return inner != null ? inner : byTenant.computeIfAbsent(tenantId, t -> new ConcurrentHashMap<>());
  }

  @Override
  public Optional<MetricPoint> readPoint(String tenantId, String pointId) {
    return Optional.ofNullable(pointsByTenant.getOrDefault(tenantId, Map.of()).get(pointId));
  }

  @Override
  public List<MetricPoint> latestPoints(String tenantId) {
    Map<String, Instant> latest = latestWindowByTenant.getOrDefault(tenantId, Map.of());
    return pointsByTenant.getOrDefault(tenantId, Map.of()).values().stream()
        .filter(p -> p.windowStart().equals(latest.get(p.metric())))
        .sorted(Comparator.comparing(MetricPoint::metric).thenComparing(p -> p.dimensions().toString()))
        .toList();
  }

  @Override
  public Optional<JobState> readJob(String metric) {
    return Optional.ofNullable(jobs.get(metric));
  }

  @Override
  public Map<String, JobState> readJobs(Collection<String> metrics) {
    Map<String, JobState> out = new HashMap<>();
    for (String m : metrics) {
      JobState s = jobs.get(m);
      if (s != null) {
        out.put(m, s);
      }
    }
    return out;
  }

  @Override
  public void writeJob(JobState state) {
    jobs.put(state.metric(), state);
  }

  /** Every stored point (local reporting, tests), ordered by metric, window start, tenant, id. */
  public List<MetricPoint> allPoints() {
    List<MetricPoint> all = new ArrayList<>();
    pointsByTenant.values().forEach(m -> all.addAll(m.values()));
    all.sort(Comparator.comparing(MetricPoint::metric).thenComparing(MetricPoint::windowStart)
        .thenComparing(MetricPoint::tenantId).thenComparing(MetricPoint::id));
    return all;
  }
}
