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

  /**
   * JDBC URL of the warehouse, without credentials: {@code jdbc:sqlserver://<server>.database.windows.net:1433;
   * databaseName=<db>;encrypt=true} (Entra token from the managed identity) or {@code jdbc:duckdb:<file>}
   * locally. Default when neither this nor {@link #WAREHOUSE_CONNECTION_SECRET_NAME} is set:
   * {@code jdbc:duckdb:.pulse/tpch-sf0.01.duckdb}.
   */
  public static final String WAREHOUSE_JDBC_URL = "WAREHOUSE_JDBC_URL";

  /**
   * Name of the Key Vault secret whose value is the warehouse JDBC URL (still without a password);
   * used instead of {@link #WAREHOUSE_JDBC_URL} when that is not set.
   */
  public static final String WAREHOUSE_CONNECTION_SECRET_NAME = "WAREHOUSE_CONNECTION_SECRET_NAME";

  /**
   * Path of a metric catalog YAML file; default: the packaged resource {@code catalog/metrics.yaml}.
   */
  public static final String CATALOG_PATH = "CATALOG_PATH";

  /** Most windows one metric computes in one timer run when catching up after an outage; default 24. */
  public static final String METRICS_MAX_CATCHUP_WINDOWS = "METRICS_MAX_CATCHUP_WINDOWS";

  /**
   * Attempts per metric query for transient warehouse failures (first attempt included); default 4,
   * with exponential backoff 2 s, 4 s, 8 s.
   */
  public static final String WAREHOUSE_QUERY_MAX_ATTEMPTS = "WAREHOUSE_QUERY_MAX_ATTEMPTS";

  // ---- local mode ----
  /** Local data folder (embedded warehouse, JSON-lines export, report); default {@code .pulse}. */
  public static final String PULSE_LOCAL_DIR = "PULSE_LOCAL_DIR";
}
