package com.pulse.domain.notify;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The result of checking one tenant in one run: which episode keys were checked, and which of those
 * are failing. An open episode whose key was checked but is not failing any more is resolved; an
 * open episode whose key was not checked (no point this run) stays as it is. Immutable.
 *
 * @param tenantId tenant, or {@link Finding#ALL_TENANTS}
 * @param checkedKeys keys of every (kind, metric, dimensions) checked, failing or not
 * @param findings the failing ones; each key must be in {@code checkedKeys}
 */
public record Evaluation(String tenantId, Set<String> checkedKeys, List<Finding> findings) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a finding is of another tenant or its key was not checked
   */
  public Evaluation {
    Objects.requireNonNull(tenantId, "tenantId");
    checkedKeys = Set.copyOf(checkedKeys);
    findings = List.copyOf(findings);
    for (Finding f : findings) {
      if (!f.tenantId().equals(tenantId) || !checkedKeys.contains(f.key())) {
        throw new IllegalArgumentException("finding " + f.key() + " of tenant " + f.tenantId()
            + " is not a checked key of tenant " + tenantId);
      }
    }
  }
}
