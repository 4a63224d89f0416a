package com.pulse.app.api;

import com.pulse.app.slo.TenantSloReader;
import com.pulse.domain.slo.SloStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Use case behind {@code GET /api/tenants/{tenantId}/slos[?at=<ISO instant>]}: the tenant's
 * telemetry SLOs with SLI, error budget remaining and burn rates per window
 * ({@link TenantSloReader}), for callers that may read the tenant ({@link TenantAccess}). Thread-safe.
 */
public final class TenantSlos {
  private final TenantSloReader reader;
  private final TenantAccess access;
  private final Clock clock;

  /** @throws NullPointerException if an argument is null */
  public TenantSlos(TenantSloReader reader, TenantAccess access, Clock clock) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.access = Objects.requireNonNull(access, "access");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param principalHeader the caller's {@code X-MS-CLIENT-PRINCIPAL} header, or null
   * @param tenantId the tenant
   * @param at evaluation instant (ISO-8601), or null for now; truncated to the minute
   * @return one status per SLO of the tenant (its tier's, or the default tier's if unlisted)
   * @throws IllegalArgumentException if {@code tenantId} or {@code at} is malformed
   * @throws AccessDeniedException if the caller may not read the tenant
   * @throws com.pulse.app.port.DependencyException if the store is unavailable
   */
  public List<SloStatus> statuses(String principalHeader, String tenantId, String at) {
    access.require(principalHeader, TenantIds.require(tenantId));
    Instant when;
    try {
      when = at == null || at.isBlank() ? clock.instant() : Instant.parse(at);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("query parameter 'at' is not an ISO-8601 UTC instant: " + at, e);
    }
    return reader.evaluate(tenantId, when.truncatedTo(ChronoUnit.MINUTES)).stream()
        .map(TenantSloReader.Evaluated::status).toList();
  }
}
