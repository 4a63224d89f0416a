package com.pulse.app.api;

import java.util.regex.Pattern;

/** Validation of tenant ids taken from URLs. Stateless. */
final class TenantIds {
  /** Letters, digits, {@code . _ -}, 1 to 128 characters: safe as a Cosmos partition key value. */
  static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private TenantIds() {}

  /** @throws IllegalArgumentException if {@code tenantId} is null or not a valid tenant id */
  static String require(String tenantId) {
    if (tenantId == null || !TENANT_ID.matcher(tenantId).matches()) {
      throw new IllegalArgumentException("tenantId must match " + TENANT_ID + ": " + tenantId);
    }
    return tenantId;
  }
}
