package com.pulse.domain.tenant;

import java.util.List;
import java.util.Objects;

/**
 * One tenant of the tenants file: who it is, who serves it and what it is promised. Immutable.
 *
 * @param id tenant id as it appears in metric points and telemetry ({@code tenant_id} / {@code tenant.id})
 * @param displayName customer name shown in digests and the report
 * @param tier tier name (a key of the file's {@code tiers})
 * @param owners owning customer engineers' email addresses, lower case, at least one
 * @param groups Entra group object ids whose members may read this tenant through the API
 * @param slos telemetry objectives: the tier's, with the tenant's overrides (same name) applied
 * @param source {@code file:line} of the entry, for messages
 */
public record Tenant(String id, String displayName, String tier, List<String> owners, List<String> groups,
    List<TelemetrySlo> slos, String source) {
  /** @throws NullPointerException if an argument is null */
  public Tenant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(tier, "tier");
    owners = List.copyOf(owners);
    groups = List.copyOf(groups);
    slos = List.copyOf(slos);
    Objects.requireNonNull(source, "source");
  }
}
