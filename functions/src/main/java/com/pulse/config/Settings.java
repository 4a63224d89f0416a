package com.pulse.config;

/**
 * Every app setting (environment variable) Pulse reads, in one place. The composition root reads
 * them once at start-up; nothing else calls {@code System.getenv}. The Bicep policy test checks that
 * every constant here (and every {@code %NAME%} placeholder in a binding annotation) is set by
 * {@code bicep/}, and vice versa. Keep the README's settings table and
 * {@code local.settings.template.json} in step.
 */
public final class Settings {
  private Settings() {}

  // ---- identity ----
  /** Client id of the user-assigned managed identity; when set, the app uses ManagedIdentityCredential. */
  public static final String AZURE_CLIENT_ID = "AZURE_CLIENT_ID";

  // ---- warehouse metrics job ----
  /** NCRONTAB schedule of the WarehouseMetrics timer, e.g. {@code 0 5 * * * *}. */
  public static final String WAREHOUSE_METRICS_SCHEDULE = "WAREHOUSE_METRICS_SCHEDULE";
}
