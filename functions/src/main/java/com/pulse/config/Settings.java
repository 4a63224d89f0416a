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

  // ---- Cosmos DB (serving store) ----
  /**
   * Cosmos DB account endpoint, e.g. {@code https://pulse-cosmos.documents.azure.com:443/}. When set,
   * the stores are Cosmos DB (Entra ID auth, no keys); when absent, the in-process stores are used.
   */
  public static final String COSMOS_ENDPOINT = "COSMOS_ENDPOINT";

  /** Cosmos DB database id; default {@code pulse}. */
  public static final String COSMOS_DATABASE = "COSMOS_DATABASE";

  /**
   * {@code true} to create the database and containers when missing (local servers, dev accounts);
   * default {@code false}: in Azure, Bicep owns them and the app's identity has no control-plane role.
   */
  public static final String COSMOS_CREATE_IF_MISSING = "COSMOS_CREATE_IF_MISSING";

  /**
   * Cosmos DB connectivity: {@code direct} (TCP to replicas, the default, for Azure) or
   * {@code gateway} (HTTPS through the gateway; local servers and restricted networks).
   */
  public static final String COSMOS_CONNECTION_MODE = "COSMOS_CONNECTION_MODE";

  // ---- observability ----
  /**
   * Application Insights connection string (instrumentation key and ingestion endpoint; not a
   * secret, ingestion is Entra-authenticated with local auth off). When absent nothing is exported.
   */
  public static final String APPLICATIONINSIGHTS_CONNECTION_STRING = "APPLICATIONINSIGHTS_CONNECTION_STRING";
}
