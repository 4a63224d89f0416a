package com.pulse.app.api;

import com.pulse.app.port.MetricStore;
import com.pulse.domain.metric.MetricPoint;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Use case behind {@code GET /api/tenants/{tenantId}/metrics}: the newest window of every metric of
 * a tenant ({@link MetricStore#latestPoints}, point reads only), for callers that may read the
 * tenant ({@link TenantAccess}). Thread-safe.
 */
public final class TenantMetrics {
  private final MetricStore store;
  private final TenantAccess access;

  /** @throws NullPointerException if an argument is null */
  public TenantMetrics(MetricStore store, TenantAccess access) {
    this.store = Objects.requireNonNull(store, "store");
    this.access = Objects.requireNonNull(access, "access");
  }

  /**
   * @param principalHeader the caller's {@code X-MS-CLIENT-PRINCIPAL} header, or null
   * @return points ordered by metric name then dimensions, never empty
   * @throws IllegalArgumentException if {@code tenantId} is malformed
   * @throws AccessDeniedException if the caller may not read the tenant
   * @throws NoSuchElementException if the tenant has no metric points (unknown tenant)
   * @throws com.pulse.app.port.DependencyException if the store is unavailable
   */
  public List<MetricPoint> latest(String principalHeader, String tenantId) {
    access.require(principalHeader, TenantIds.require(tenantId));
    List<MetricPoint> points = store.latestPoints(tenantId);
    if (points.isEmpty()) {
      throw new NoSuchElementException("no metrics for tenant " + tenantId);
    }
    return points;
  }
}
