package com.pulse.app.api;

import com.pulse.app.port.WindowStore;
import com.pulse.domain.query.MergedWindow;
import com.pulse.domain.query.WindowMerger;
import java.util.List;
import java.util.Objects;

/**
 * Use case behind {@code GET /api/tenants/{tenantId}/telemetry}: the tenant's windows in a range,
 * merged across source partitions ({@link WindowMerger}). One single-partition query
 * ({@link WindowStore#listRange}). Thread-safe.
 */
public final class TenantTelemetry {
  private final WindowStore store;

  /** @throws NullPointerException if {@code store} is null */
  public TenantTelemetry(WindowStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * @return merged windows ordered by start, service, operation; empty if none in the range
   * @throws com.pulse.app.port.DependencyException if the store is unavailable
   * @throws IllegalArgumentException if a stored sketch is corrupt
   */
  public List<MergedWindow> query(TelemetryRange range) {
    return WindowMerger.merge(store.listRange(range.tenantId(), range.granularity(), range.from(), range.to()).stream()
        .filter(d -> d.dependency() == null) // request windows; dependency windows are served by ADX DependencyStats
        .toList());
  }
}
