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

  // ---- export to Azure Data Explorer (metrics-out Event Hub) ----
  /**
   * Fully qualified Event Hubs namespace of the {@code metrics-out} hub, e.g.
   * {@code evhns-pulse.servicebus.windows.net}. Unset: metric points and window versions are written
   * as JSON lines locally instead. Access is by the app's Entra identity (Event Hubs Data Sender).
   */
  public static final String METRICS_OUT_NAMESPACE = "METRICS_OUT_NAMESPACE";

  /** Event hub name of the export, normally {@code metrics-out}. */
  public static final String METRICS_OUT_HUB_NAME = "METRICS_OUT_HUB_NAME";

  // ---- secrets ----
  /**
   * Key Vault URI, e.g. {@code https://kv-pulse.vault.azure.net/}. Unset: secrets are read from
   * local environment variables. Access is by the app's Entra identity (Key Vault Secrets User).
   */
  public static final String KEY_VAULT_URI = "KEY_VAULT_URI";

  /** ISO-8601 duration after which a cached Key Vault secret is re-read; default {@code PT15M}. */
  public static final String KEY_VAULT_REFRESH_INTERVAL = "KEY_VAULT_REFRESH_INTERVAL";

  // ---- customer-engineer notifications ----
  /**
   * Azure Communication Services endpoint, e.g. {@code https://acs-pulse.europe.communication.azure.com}.
   * Unset: digests are written to the local outbox ({@code .pulse/outbox/}) instead of sent.
   */
  public static final String ACS_ENDPOINT = "ACS_ENDPOINT";

  /** Sender address of the digest, a verified MailFrom address of the ACS email domain. */
  public static final String EMAIL_SENDER_ADDRESS = "EMAIL_SENDER_ADDRESS";

  /**
   * ISO-8601 duration: an open episode (SLO breach or stale metric) is reminded at most once per
   * period; default {@code P1D}.
   */
  public static final String NOTIFY_REMINDER_PERIOD = "NOTIFY_REMINDER_PERIOD";

  /**
   * Comma-separated email addresses of the customer-engineering list; it receives every digest in
   * addition to each metric's catalog {@code owners}. May be empty.
   */
  public static final String NOTIFY_CUSTOMER_ENGINEERS = "NOTIFY_CUSTOMER_ENGINEERS";

  // ---- freshness watchdog ----
  /** NCRONTAB schedule of the MetricFreshness timer, e.g. {@code 0 10,40 * * * *} (twice an hour). */
  public static final String METRIC_FRESHNESS_SCHEDULE = "METRIC_FRESHNESS_SCHEDULE";

  /**
   * ISO-8601 duration added to each metric's window + settle delay before it counts as stale
   * (covers the timer's schedule and run time); default {@code PT1H}.
   */
  public static final String METRIC_FRESHNESS_GRACE = "METRIC_FRESHNESS_GRACE";
}
