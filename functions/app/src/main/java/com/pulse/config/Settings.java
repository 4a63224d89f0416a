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

  // ---- observability ----
  /**
   * Application Insights connection string (instrumentation key and ingestion endpoint; not a
   * secret, ingestion is Entra-authenticated with local auth off). When absent nothing is exported.
   */
  public static final String APPLICATIONINSIGHTS_CONNECTION_STRING = "APPLICATIONINSIGHTS_CONNECTION_STRING";

  // ---- warehouse metrics job (timer WarehouseMetrics) ----
  /** NCRONTAB schedule of the WarehouseMetrics timer, e.g. {@code 0 5 * * * *}. */
  public static final String WAREHOUSE_METRICS_SCHEDULE = "WAREHOUSE_METRICS_SCHEDULE";
  /** JDBC URL of the warehouse without credentials (Entra token from the managed identity); empty = use the secret. */
  public static final String WAREHOUSE_JDBC_URL = "WAREHOUSE_JDBC_URL";
  /** Name of the Key Vault secret holding the warehouse JDBC connection string. */
  public static final String WAREHOUSE_CONNECTION_SECRET_NAME = "WAREHOUSE_CONNECTION_SECRET_NAME";
  /** Attempts per metric query for transient warehouse failures (first included), integer. */
  public static final String WAREHOUSE_QUERY_MAX_ATTEMPTS = "WAREHOUSE_QUERY_MAX_ATTEMPTS";
  /** Most missed windows one run computes per metric (catch-up cap), integer. */
  public static final String METRICS_MAX_CATCHUP_WINDOWS = "METRICS_MAX_CATCHUP_WINDOWS";
  /** Optional path of the metric catalog; empty = the catalog packaged with the app. */
  public static final String CATALOG_PATH = "CATALOG_PATH";

  // ---- telemetry aggregation (Event Hub trigger TelemetryAggregation) ----
  /**
   * Identity-based connection prefix of the telemetry Event Hub trigger ({@code connection =}).
   * Azure sets {@code TelemetryHub__fullyQualifiedNamespace}, {@code __credential=managedidentity}
   * and {@code __clientId}; see
   * https://learn.microsoft.com/azure/azure-functions/functions-reference#configure-an-identity-based-connection
   */
  public static final String TELEMETRY_HUB_CONNECTION = "TelemetryHub";
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
  /** Name of the telemetry hub, e.g. {@code telemetry} ({@code %TELEMETRY_HUB_NAME%} in the trigger). */
  public static final String TELEMETRY_HUB_NAME = "TELEMETRY_HUB_NAME";
  /** Consumer group of the telemetry trigger, e.g. {@code pulse}. */
  public static final String TELEMETRY_CONSUMER_GROUP = "TELEMETRY_CONSUMER_GROUP";
  /** Allowed lateness behind the partition watermark, ISO 8601 duration, e.g. {@code PT2M}. */
  public static final String TELEMETRY_ALLOWED_LATENESS = "TELEMETRY_ALLOWED_LATENESS";

  // ---- history export (Event Hub metrics-out, ingested by ADX) ----
  /** Fully qualified Event Hubs namespace of metrics-out, e.g. {@code ns.servicebus.windows.net}. */
  public static final String METRICS_OUT_NAMESPACE = "METRICS_OUT_NAMESPACE";
  /** Hub name of the export, e.g. {@code metrics-out}. */
  public static final String METRICS_OUT_HUB_NAME = "METRICS_OUT_HUB_NAME";

  // ---- serving store (Cosmos DB) ----
  /** Cosmos DB account endpoint, e.g. {@code https://acct.documents.azure.com:443/}. */
  public static final String COSMOS_ENDPOINT = "COSMOS_ENDPOINT";
  /** Cosmos DB database name, e.g. {@code pulse}. */
  public static final String COSMOS_DATABASE = "COSMOS_DATABASE";
  /** {@code true} to create database/containers at start-up (local only; Azure: {@code false}, Bicep owns them). */
  public static final String COSMOS_CREATE_IF_MISSING = "COSMOS_CREATE_IF_MISSING";
  /** {@code direct} or {@code gateway} connection mode of the Cosmos client. */
  public static final String COSMOS_CONNECTION_MODE = "COSMOS_CONNECTION_MODE";

  // ---- secrets (Key Vault) ----
  /** Key Vault URI, e.g. {@code https://kv.vault.azure.net/}. */
  public static final String KEY_VAULT_URI = "KEY_VAULT_URI";
  /** ISO-8601 duration after which a cached Key Vault secret is re-read, e.g. {@code PT15M}. */
  public static final String KEY_VAULT_REFRESH_INTERVAL = "KEY_VAULT_REFRESH_INTERVAL";

  // ---- freshness watchdog and customer-engineer notifications (timer MetricFreshness, ACS email) ----
  /** NCRONTAB schedule of the metric freshness watchdog timer. */
  public static final String METRIC_FRESHNESS_SCHEDULE = "METRIC_FRESHNESS_SCHEDULE";
  /** ISO-8601 duration added to a metric's window before it counts as stale, e.g. {@code PT1H}. */
  public static final String METRIC_FRESHNESS_GRACE = "METRIC_FRESHNESS_GRACE";
  /** ACS endpoint for EmailClient, e.g. {@code https://acs.europe.communication.azure.com}. */
  public static final String ACS_ENDPOINT = "ACS_ENDPOINT";
  /** Sender address of the digest, e.g. {@code DoNotReply@<guid>.azurecomm.net}. */
  public static final String EMAIL_SENDER_ADDRESS = "EMAIL_SENDER_ADDRESS";
  /** Re-send period of an unresolved breach, ISO 8601 duration, e.g. {@code PT24H}. */
  public static final String NOTIFY_REMINDER_PERIOD = "NOTIFY_REMINDER_PERIOD";
  /** Comma-separated customer-engineering addresses; they receive every metric-wide notice (stale metrics). May be empty. */
  public static final String NOTIFY_CUSTOMER_ENGINEERS = "NOTIFY_CUSTOMER_ENGINEERS";

  // ---- tenants, per-engineer digests, telemetry SLOs (issue 13) ----
  /** Optional path of the tenants file (owners, tiers, telemetry SLOs, API roles); empty = the file packaged with the app. */
  public static final String TENANTS_PATH = "TENANTS_PATH";
  /** Notices listed per digest section (New, Ongoing, Resolved) before the rest is counted, integer, default 25. */
  public static final String NOTIFY_DIGEST_MAX_ITEMS = "NOTIFY_DIGEST_MAX_ITEMS";
  /** Link to the customer-metrics workbook with {@code {tenantId}} where the tenant goes; empty = no links in digests. */
  public static final String NOTIFY_WORKBOOK_LINK = "NOTIFY_WORKBOOK_LINK";
  /** NCRONTAB schedule of the SloBurnRates timer (telemetry SLO burn-rate evaluation), e.g. every five minutes. */
  public static final String SLO_BURN_RATE_SCHEDULE = "SLO_BURN_RATE_SCHEDULE";

  // ---- local mode ----
  /** Local data folder (embedded warehouse, JSON-lines export, report); local mode only, not set in Azure. */
  public static final String PULSE_LOCAL_DIR = "PULSE_LOCAL_DIR";
}
