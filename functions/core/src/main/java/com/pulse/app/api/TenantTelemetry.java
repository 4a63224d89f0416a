package com.pulse.app.api;

import com.pulse.app.port.WindowStore;
import com.pulse.domain.query.MergedWindow;
import com.pulse.domain.query.WindowMerger;
import java.util.List;
import java.util.Objects;

/**
 * Use case behind {@code GET /api/tenants/{tenantId}/telemetry}: the tenant's windows in a range,
 * merged across source partitions ({@link WindowMerger}). One single-partition query
 * ({@link WindowStore#listRange}), for callers that may read the tenant ({@link TenantAccess}). Thread-safe.
 */
public final class TenantTelemetry {
  private final WindowStore store;
  private final TenantAccess access;

  /** @throws NullPointerException if an argument is null */
  public TenantTelemetry(WindowStore store, TenantAccess access) {
    this.store = Objects.requireNonNull(store, "store");
    this.access = Objects.requireNonNull(access, "access");
  }

  /**
   * @param principalHeader the caller's {@code X-MS-CLIENT-PRINCIPAL} header, or null
   * @return merged windows ordered by start, service, operation; empty if none in the range
   * @throws AccessDeniedException if the caller may not read the tenant
   * @throws com.pulse.app.port.DependencyException if the store is unavailable
   * @throws IllegalArgumentException if a stored sketch is corrupt
   */
  public List<MergedWindow> query(String principalHeader, TelemetryRange range) {
    access.require(principalHeader, range.tenantId());
    return WindowMerger.merge(store.listRange(range.tenantId(), range.granularity(), range.from(), range.to()).stream()
        .filter(d -> d.dependency() == null) // request windows; dependency windows are served by ADX DependencyStats
        .toList());
  }
}
