package com.pulse.app.api;

import com.pulse.app.port.MetricStore;
import com.pulse.domain.metric.MetricPoint;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Use case behind {@code GET /api/tenants/{tenantId}/metrics}: the newest window of every metric of
 * a tenant ({@link MetricStore#latestPoints}, point reads only). Thread-safe.
 */
public final class TenantMetrics {
  private final MetricStore store;

  /** @throws NullPointerException if {@code store} is null */
  public TenantMetrics(MetricStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * @return points ordered by metric name then dimensions, never empty
   * @throws IllegalArgumentException if {@code tenantId} is malformed
   * @throws NoSuchElementException if the tenant has no metric points (unknown tenant)
   * @throws com.pulse.app.port.DependencyException if the store is unavailable
   */
  public List<MetricPoint> latest(String tenantId) {
    List<MetricPoint> points = store.latestPoints(TenantIds.require(tenantId));
    if (points.isEmpty()) {
      throw new NoSuchElementException("no metrics for tenant " + tenantId);
    }
    return points;
  }
}
