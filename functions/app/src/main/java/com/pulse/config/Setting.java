package com.pulse.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every app setting (environment variable) Pulse or its Functions host reads, in one table: the
 * exact name, its {@link SettingType type and rule}, its default (the only place a default is
 * written), where it is used and what it means. {@link PulseConfig#parse} reads the table once at
 * start-up; {@code docs/CONFIGURATION.md} is generated from it ({@code pulse docs configuration});
 * the policy tests check {@code bicep/} and {@code functions/app/local.settings.template.json}
 * against it. Binding placeholders ({@code %NAME%}) in the function annotations name rows of this
 * table. Immutable.
 */
public enum Setting {
  // ---- identity and observability ----
  AZURE_CLIENT_ID("AZURE_CLIENT_ID", SettingType.TEXT, null, Use.AZURE,
      "Client id of the user-assigned managed identity. Set: every Azure client authenticates with it "
          + "(ManagedIdentityCredential). Unset: DefaultAzureCredential (developer sign-in)."),
  APPLICATIONINSIGHTS_CONNECTION_STRING("APPLICATIONINSIGHTS_CONNECTION_STRING", SettingType.TEXT, null, Use.AZURE,
      "Application Insights connection string (not a secret: ingestion is Entra-authenticated). Unset: "
          + "OpenTelemetry is a no-op."),

  // ---- warehouse metrics (timer WarehouseMetrics) ----
  WAREHOUSE_METRICS_SCHEDULE("WAREHOUSE_METRICS_SCHEDULE", SettingType.NCRONTAB, null, Use.HOST,
      "Schedule of the WarehouseMetrics timer (UTC)."),
  WAREHOUSE_JDBC_URL("WAREHOUSE_JDBC_URL", SettingType.JDBC_URL, null, Use.BOTH,
      "Warehouse JDBC URL without credentials (the Entra token of the identity is added). Azure needs this "
          + "or WAREHOUSE_CONNECTION_SECRET_NAME. Unset in the CLI: the DuckDB file under PULSE_LOCAL_DIR."),
  WAREHOUSE_CONNECTION_SECRET_NAME("WAREHOUSE_CONNECTION_SECRET_NAME", SettingType.TEXT, null, Use.AZURE,
      "Name of the Key Vault secret (KEY_VAULT_URI) holding the warehouse JDBC URL, read at start-up; "
          + "used when WAREHOUSE_JDBC_URL is unset."),
  WAREHOUSE_QUERY_MAX_ATTEMPTS("WAREHOUSE_QUERY_MAX_ATTEMPTS", SettingType.COUNT,
      Integer.toString(com.pulse.app.RetryPolicy.DEFAULT.maxAttempts()), Use.BOTH,
      "Attempts per metric query on a transient warehouse failure, the first included."),
  METRICS_MAX_CATCHUP_WINDOWS("METRICS_MAX_CATCHUP_WINDOWS", SettingType.COUNT,
      Integer.toString(com.pulse.app.MetricRunnerBuilder.DEFAULT_MAX_CATCH_UP_WINDOWS), Use.BOTH,
      "Most missed windows one run computes per metric (catch-up after an outage)."),
  CATALOG_PATH("CATALOG_PATH", SettingType.TEXT, null, Use.BOTH,
      "Path of a metric catalog YAML file. Unset: the catalog packaged with the app."),

  // ---- telemetry aggregation (Event Hub trigger TelemetryAggregation) ----
  TELEMETRY_HUB_FULLY_QUALIFIED_NAMESPACE("TelemetryHub__fullyQualifiedNamespace", SettingType.HOST_NAME, null, Use.HOST,
      "Event Hubs namespace of the telemetry hub: the identity-based connection TelemetryHub of the trigger; "
          + "the CLI's deadletter replay publishes there too."),
  TELEMETRY_HUB_CREDENTIAL("TelemetryHub__credential", SettingType.TEXT, null, Use.HOST,
      "managedidentity: the TelemetryHub connection authenticates with a managed identity."),
  TELEMETRY_HUB_CLIENT_ID("TelemetryHub__clientId", SettingType.TEXT, null, Use.HOST,
      "Client id of the user-assigned identity of the TelemetryHub connection."),
  TELEMETRY_HUB_NAME("TELEMETRY_HUB_NAME", SettingType.TEXT, null, Use.HOST,
      "Name of the telemetry hub (%TELEMETRY_HUB_NAME% in the trigger; the target of deadletter replay)."),
  TELEMETRY_CONSUMER_GROUP("TELEMETRY_CONSUMER_GROUP", SettingType.TEXT, null, Use.HOST,
      "Consumer group of the telemetry trigger."),
  TELEMETRY_ALLOWED_LATENESS("TELEMETRY_ALLOWED_LATENESS", SettingType.DURATION, "PT5M", Use.BOTH,
      "Allowed lateness behind a partition's watermark; later events are counted as late."),
  TELEMETRY_WINDOW_SHARDS("TELEMETRY_WINDOW_SHARDS", SettingType.COUNT,
      Integer.toString(com.pulse.app.telemetry.AggregateBatch.DEFAULT_SHARDS), Use.BOTH,
      "Window documents per (tenant, granularity, window, partition); each holds its share of that tenant window's "
          + "request and dependency series. Raise it when a batch fails the document size guard. Change it only with "
          + "the app stopped after a successful invocation (docs/ARCHITECTURE.md#the-document-layout)."),
  TELEMETRY_RECOVERY_CONSUMER_GROUP("TELEMETRY_RECOVERY_CONSUMER_GROUP", SettingType.TEXT, "pulse-recovery", Use.HOST,
      "Consumer group with which an owner that starts behind the checkpoint re-reads the events a previous owner "
          + "held unwritten; its own, because the trigger's receivers are exclusive. Bicep sets it."),
  TELEMETRY_HOLD_MAX_EVENTS("TELEMETRY_HOLD_MAX_EVENTS", SettingType.EVENT_COUNT,
      Integer.toString(com.pulse.app.telemetry.DeferralPolicy.DEFAULT.maxEvents()), Use.HOST,
      "Events of a partition held at most in memory across full batches (a backlog) and then written together; a "
          + "batch that is not full is written at once. 256 (one full batch) holds nothing. TELEMETRY_HOLD_MAX_SERIES "
          + "may write sooner (docs/ARCHITECTURE.md#holding-a-partitions-events-under-a-backlog)."),
  TELEMETRY_HOLD_MAX_SERIES("TELEMETRY_HOLD_MAX_SERIES", SettingType.SERIES_COUNT,
      Integer.toString(com.pulse.app.telemetry.DeferralPolicy.DEFAULT.maxSeries()), Use.HOST,
      "Series versions a held write is expected to produce at most: a partition holds this divided by the series "
          + "per event of its last write (half of it before its first), so memory follows series. Raise it for "
          + "partitions with many series on instances with heap to spare (docs/RUNBOOK.md#partition-scale-out)."),
  TELEMETRY_HOLD_MAX_MIB("TELEMETRY_HOLD_MAX_MIB", SettingType.COUNT,
      Long.toString(com.pulse.app.telemetry.DeferralPolicy.DEFAULT.maxBytes() >> 20), Use.HOST,
      "MiB of event bodies an instance holds at most over all the partitions it owns, of the traces, logs and "
          + "metrics hubs together; the partition that reaches it is written."),
  TELEMETRY_HOLD_MAX_AGE("TELEMETRY_HOLD_MAX_AGE", SettingType.POSITIVE_DURATION,
      com.pulse.app.telemetry.DeferralPolicy.DEFAULT.maxAge().toString(), Use.HOST,
      "Longest an event is held before it is written (also when its partition gets no more events)."),

  // ---- log aggregation (Event Hub trigger LogAggregation; same namespace and connection TelemetryHub) ----
  LOGS_HUB_NAME("LOGS_HUB_NAME", SettingType.TEXT, "otlp_logs", Use.HOST,
      "Name of the logs hub (%LOGS_HUB_NAME% in the LogAggregation trigger); the default is the OpenTelemetry "
          + "Collector kafka exporter's default logs topic. Bicep sets it."),
  LOGS_CONSUMER_GROUP("LOGS_CONSUMER_GROUP", SettingType.TEXT, "pulse", Use.HOST,
      "Consumer group of the logs trigger. Bicep sets it."),
  LOGS_RECOVERY_CONSUMER_GROUP("LOGS_RECOVERY_CONSUMER_GROUP", SettingType.TEXT, "pulse-recovery", Use.HOST,
      "Consumer group with which the log aggregation re-reads what a dead owner held (as "
          + "TELEMETRY_RECOVERY_CONSUMER_GROUP; TELEMETRY_HOLD_* apply to the logs and metrics hubs too). Bicep sets it."),
  // ---- OTLP metrics (Event Hub trigger OtlpMetricsAggregation; same namespace and connection TelemetryHub) ----
  METRICS_HUB_NAME("METRICS_HUB_NAME", SettingType.TEXT, "otlp_metrics", Use.HOST,
      "Name of the OTLP metrics hub (%METRICS_HUB_NAME% in the OtlpMetricsAggregation trigger); the default is the "
          + "OpenTelemetry Collector kafka exporter's default metrics topic. Bicep sets it."),
  METRICS_CONSUMER_GROUP("METRICS_CONSUMER_GROUP", SettingType.TEXT, "pulse", Use.HOST,
      "Consumer group of the OTLP metrics trigger. Bicep sets it."),
  METRICS_RECOVERY_CONSUMER_GROUP("METRICS_RECOVERY_CONSUMER_GROUP", SettingType.TEXT, "pulse-recovery", Use.HOST,
      "Consumer group with which the OTLP metrics aggregation re-reads what a dead owner held (as "
          + "TELEMETRY_RECOVERY_CONSUMER_GROUP). Bicep sets it."),
  OTLP_METRIC_DIMENSIONS("OTLP_METRIC_DIMENSIONS", SettingType.ATTRIBUTE_LIST,
      String.join(",", com.pulse.domain.telemetry.metric.MetricDimensions.DEFAULT.names()), Use.BOTH,
      "OTLP data-point attributes kept as dimensions of a metric series (at most 16); none keeps no attribute."),

  // ---- history export (Event Hub metrics-out, ingested by ADX) ----
  METRICS_OUT_NAMESPACE("METRICS_OUT_NAMESPACE", SettingType.HOST_NAME, null, Use.AZURE,
      "Event Hubs namespace of the history export. Unset: JSON lines under PULSE_LOCAL_DIR/export."),
  METRICS_OUT_HUB_NAME("METRICS_OUT_HUB_NAME", SettingType.TEXT, "metrics-out", Use.AZURE,
      "Hub name of the history export."),

  // ---- serving store (Cosmos DB) ----
  COSMOS_ENDPOINT("COSMOS_ENDPOINT", SettingType.HTTPS_URL, null, Use.AZURE,
      "Cosmos DB account endpoint. Unset: in-process stores, dead letters in PULSE_LOCAL_DIR/deadletter.jsonl."),
  COSMOS_DATABASE("COSMOS_DATABASE", SettingType.TEXT, "pulse", Use.AZURE,
      "Cosmos DB database."),
  COSMOS_CREATE_IF_MISSING("COSMOS_CREATE_IF_MISSING", SettingType.BOOLEAN, "false", Use.AZURE,
      "true: create the database and containers at start-up (emulator, dev). Azure: false, Bicep owns them."),
  COSMOS_CONNECTION_MODE("COSMOS_CONNECTION_MODE", SettingType.COSMOS_CONNECTION_MODE, "direct", Use.AZURE,
      "Connection mode of the Cosmos DB client (gateway through proxies and the emulator)."),

  // ---- secrets (Key Vault) ----
  KEY_VAULT_URI("KEY_VAULT_URI", SettingType.HTTPS_URL, null, Use.AZURE,
      "Key Vault URI. Unset: secrets come from PULSE_SECRET_<NAME> variables."),
  KEY_VAULT_REFRESH_INTERVAL("KEY_VAULT_REFRESH_INTERVAL", SettingType.POSITIVE_DURATION, "PT15M", Use.AZURE,
      "Age after which a cached Key Vault secret is read again."),

  // ---- freshness watchdog and customer-engineer notifications ----
  METRIC_FRESHNESS_SCHEDULE("METRIC_FRESHNESS_SCHEDULE", SettingType.NCRONTAB, null, Use.HOST,
      "Schedule of the MetricFreshness timer (UTC)."),
  METRIC_FRESHNESS_GRACE("METRIC_FRESHNESS_GRACE", SettingType.POSITIVE_DURATION, "PT1H", Use.BOTH,
      "Added to a metric's window and settle delay before the metric counts as stale."),
  ACS_ENDPOINT("ACS_ENDPOINT", SettingType.HTTPS_URL, null, Use.AZURE,
      "Azure Communication Services endpoint of the digest e-mail. Unset: files in PULSE_LOCAL_DIR/outbox."),
  EMAIL_SENDER_ADDRESS("EMAIL_SENDER_ADDRESS", SettingType.EMAIL, "pulse@localhost", Use.BOTH,
      "Sender of the digest; must be set to a verified sender when ACS_ENDPOINT is set."),
  NOTIFY_REMINDER_PERIOD("NOTIFY_REMINDER_PERIOD", SettingType.POSITIVE_DURATION, "P1D", Use.BOTH,
      "Time between reminders of an unresolved breach."),
  NOTIFY_CUSTOMER_ENGINEERS("NOTIFY_CUSTOMER_ENGINEERS", SettingType.EMAIL_LIST, null, Use.BOTH,
      "Customer-engineering addresses copied on every digest (besides the metric owners)."),

  // ---- tenants, per-engineer digests, telemetry SLOs ----
  TENANTS_PATH("TENANTS_PATH", SettingType.TEXT, null, Use.BOTH,
      "Path of a tenants YAML file (owners, tiers, telemetry SLOs, API roles). Unset: the file packaged with the app."),
  NOTIFY_DIGEST_MAX_ITEMS("NOTIFY_DIGEST_MAX_ITEMS", SettingType.COUNT, "25", Use.BOTH,
      "Notices listed per digest section (New, Ongoing, Resolved) before the rest is counted."),
  NOTIFY_WORKBOOK_LINK("NOTIFY_WORKBOOK_LINK", SettingType.TEXT, null, Use.BOTH,
      "Link to the customer-metrics workbook with {tenantId} where the tenant goes. Unset: digests have no links."),
  SLO_BURN_RATE_SCHEDULE("SLO_BURN_RATE_SCHEDULE", SettingType.NCRONTAB, null, Use.HOST,
      "Schedule of the SloBurnRates timer (UTC), telemetry SLO burn-rate evaluation."),

  // ---- local mode ----
  PULSE_LOCAL_DIR("PULSE_LOCAL_DIR", SettingType.TEXT, ".pulse", Use.LOCAL,
      "Local data folder: DuckDB warehouse, JSON-lines export, dead letters, outbox, report.");

  /** Where a setting is read. */
  public enum Use {
    /** By Pulse, in Azure and locally. */
    BOTH("Azure and local"),
    /** By Pulse's Azure adapters; set locally only to use the real service. */
    AZURE("Azure (locally: to use the real service)"),
    /** By the Functions host (trigger placeholders and connections), not by Pulse's configuration. */
    HOST("Functions host"),
    /** By local mode only; Azure does not set it. */
    LOCAL("local only");

    private final String label;

    Use(String label) {
      this.label = label;
    }

    /** Human-readable label for the settings reference. */
    public String label() {
      return label;
    }
  }

  private final String key;
  private final SettingType type;
  private final String defaultValue;
  private final Use use;
  private final String description;

  Setting(String key, SettingType type, String defaultValue, Use use, String description) {
    this.key = key;
    this.type = type;
    this.defaultValue = defaultValue;
    this.use = use;
    this.description = description;
  }

  /** The app setting's exact name, e.g. {@code TelemetryHub__fullyQualifiedNamespace}. */
  public String key() {
    return key;
  }

  /** Its type and rule. */
  public SettingType type() {
    return type;
  }

  /** Its default as setting text, empty when it has none (then unset means "not configured"). */
  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** Where it is read. */
  public Use use() {
    return use;
  }

  /** What it means, one or two sentences. */
  public String description() {
    return description;
  }

  /** The setting named {@code key}, if Pulse knows it. */
  public static Optional<Setting> byKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }
}
