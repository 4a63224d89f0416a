package com.pulse.app.api;

import com.pulse.domain.tenant.Tenant;
import com.pulse.domain.tenant.TenantDirectory;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Tenant-scoped authorization of the HTTP API from the App Service authentication principal
 * ({@link ClientPrincipal}). A caller may read a tenant when
 *
 * <ul>
 *   <li>it has the tenants file's {@code access.operatorRole} app role (every tenant), or
 *   <li>it is a member of one of the tenant's {@code groups} (Entra group object ids), or
 *   <li>it has the {@code access.customerEngineerRole} app role and one of its sign-in names is an
 *       owner of the tenant (unlisted tenants: the default owners).
 * </ul>
 *
 * <p>Every refusal is logged at WARNING as one line starting {@code pulse.access.denied} with the
 * tenant, the caller's name, auth type and the reason, which the access-audit workbook reads from
 * Application Insights ({@code AppTraces}). Stateless and thread-safe.
 */
public final class TenantAccess {
  /** First word of every denied-read log line (the access-audit workbook filters on it). */
  public static final String DENIED = "pulse.access.denied";
  private static final Logger LOG = Logger.getLogger(TenantAccess.class.getName());
  private final TenantDirectory tenants;

  /** @throws NullPointerException if {@code tenants} is null */
  public TenantAccess(TenantDirectory tenants) {
    this.tenants = Objects.requireNonNull(tenants, "tenants");
  }

  /**
   * Checks that the caller may read {@code tenantId}.
   *
   * @param principalHeader the {@code X-MS-CLIENT-PRINCIPAL} header value, or null if absent
   * @param tenantId the tenant the request reads (already validated)
   * @return the caller
   * @throws AccessDeniedException if the header is missing or malformed (401) or the caller may
   *     not read the tenant (403); logged
   */
  public ClientPrincipal require(String principalHeader, String tenantId) {
    if (principalHeader == null || principalHeader.isBlank()) {
      throw deny(tenantId, "(anonymous)", "", false, "no " + ClientPrincipal.HEADER
          + " header: the API must be behind App Service authentication (Microsoft Entra ID)");
    }
    ClientPrincipal caller;
    try {
      caller = ClientPrincipal.decode(principalHeader);
    } catch (IllegalArgumentException e) {
      throw deny(tenantId, "(malformed)", "", false, "malformed " + ClientPrincipal.HEADER + ": " + e.getMessage());
    }
    if (!canRead(caller, tenantId)) {
      throw deny(tenantId, caller.name(), caller.authType(), true,
          "caller may not read tenant " + tenantId + " (needs role " + tenants.operatorRole() + ", a group of the "
              + "tenant, or role " + tenants.customerEngineerRole() + " as one of its owners)");
    }
    return caller;
  }

  /** Whether {@code caller} may read {@code tenantId}, by the rules above. */
  public boolean canRead(ClientPrincipal caller, String tenantId) {
    if (caller.roles().contains(tenants.operatorRole())) {
      return true;
    }
    Optional<Tenant> tenant = tenants.tenant(tenantId);
    if (tenant.isPresent() && tenant.get().groups().stream().anyMatch(g -> caller.groups().contains(g.toLowerCase(java.util.Locale.ROOT)))) {
      return true;
    }
    return caller.roles().contains(tenants.customerEngineerRole())
        && caller.identities().stream().anyMatch(id -> tenants.isOwner(id, tenantId));
  }

  private static AccessDeniedException deny(String tenantId, String who, String authType, boolean authenticated,
      String reason) {
    LOG.warning(DENIED + " tenant=" + tenantId + " principal=" + who + " authType=" + authType + " status="
        + (authenticated ? 403 : 401) + " reason=" + reason);
    return new AccessDeniedException(authenticated, reason);
  }
}
