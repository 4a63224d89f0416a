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
  /** Per tenant: points by id and the newest window start per metric (one lookup per point). */
  private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
  private final Map<String, JobState> jobs = new ConcurrentHashMap<>();

  /** One tenant's points and newest window starts; thread-safe (concurrent maps). */
  private static final class Tenant {
    /** Few points per tenant and window, so the inner maps start small. */
    final Map<String, MetricPoint> points = new ConcurrentHashMap<>(4);
    final Map<String, Instant> latestWindow = new ConcurrentHashMap<>(4);
  }

  private static final Tenant NO_TENANT = new Tenant();

  @Override
  public void upsertPoints(List<MetricPoint> points) {
    String tenantId = null;
    Tenant tenant = null;
    for (MetricPoint p : points) {
      if (!p.tenantId().equals(tenantId)) { // consecutive points of one tenant: one lookup
        tenantId = p.tenantId();
        tenant = tenant(tenantId);
      }
      tenant.points.put(p.id(), p);
      Instant known = tenant.latestWindow.get(p.metric());
      if (known == null || p.windowStart().isAfter(known)) {
        tenant.latestWindow.merge(p.metric(), p.windowStart(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
  }

  /** The tenant's maps; a plain get first, as computeIfAbsent locks the bin even when present. */
  private Tenant tenant(String tenantId) {
    Tenant t = tenants.get(tenantId);
    return t != null ? t : tenants.computeIfAbsent(tenantId, id -> new Tenant());
  }

  @Override
  public Optional<MetricPoint> readPoint(String tenantId, String pointId) {
    return Optional.ofNullable(tenants.getOrDefault(tenantId, NO_TENANT).points.get(pointId));
  }

  @Override
  public List<MetricPoint> latestPoints(String tenantId) {
    Tenant tenant = tenants.getOrDefault(tenantId, NO_TENANT);
    Map<String, Instant> latest = tenant.latestWindow;
    return tenant.points.values().stream()
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
    tenants.values().forEach(t -> all.addAll(t.points.values()));
    all.sort(Comparator.comparing(MetricPoint::metric).thenComparing(MetricPoint::windowStart)
        .thenComparing(MetricPoint::tenantId).thenComparing(MetricPoint::id));
    return all;
  }
}
