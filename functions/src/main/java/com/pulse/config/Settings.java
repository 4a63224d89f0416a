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

  // ---- telemetry aggregation ----
  /**
   * Fully qualified Event Hubs namespace of the telemetry hub, e.g. {@code pulse-ehns.servicebus.windows.net}:
   * the identity-based connection {@code TelemetryHub} of the TelemetryAggregation trigger (the
   * Functions host reads it; with {@code TelemetryHub__credential=managedidentity} and
   * {@code TelemetryHub__clientId} for a user-assigned identity).
   */
  public static final String TELEMETRY_HUB_FULLY_QUALIFIED_NAMESPACE = "TelemetryHub__fullyQualifiedNamespace";

  /** {@code managedidentity}: the TelemetryHub connection authenticates with a managed identity (read by the host). */
  public static final String TELEMETRY_HUB_CREDENTIAL = "TelemetryHub__credential";

  /** Client id of the user-assigned identity of the TelemetryHub connection (read by the host). */
  public static final String TELEMETRY_HUB_CLIENT_ID = "TelemetryHub__clientId";

  /** Name of the telemetry event hub ({@code %TELEMETRY_HUB_NAME%} in the trigger), e.g. {@code telemetry}. */
  public static final String TELEMETRY_HUB_NAME = "TELEMETRY_HUB_NAME";

  /** Consumer group of the TelemetryAggregation trigger ({@code %TELEMETRY_CONSUMER_GROUP%}), e.g. {@code pulse-aggregation}. */
  public static final String TELEMETRY_CONSUMER_GROUP = "TELEMETRY_CONSUMER_GROUP";

  /**
   * Allowed lateness of telemetry, ISO-8601 duration (default {@code PT5M}): the partition watermark is
   * the largest enqueued time seen minus this; requests of windows that closed before it count as late.
   */
  public static final String TELEMETRY_ALLOWED_LATENESS = "TELEMETRY_ALLOWED_LATENESS";
}
