package com.pulse.functions;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.pulse.adapter.jdbc.ConnectionSource;
import com.pulse.adapter.jdbc.DuckDbConnectionSource;
import com.pulse.adapter.jdbc.JdbcWarehouse;
import com.pulse.adapter.jdbc.SqlServerConnectionSource;
import com.pulse.adapter.local.InMemoryMetricStore;
import com.pulse.adapter.local.JsonLinesExport;
import com.pulse.app.MetricRunner;
import com.pulse.app.RetryPolicy;
import com.pulse.app.Sleeper;
import com.pulse.app.port.MetricExport;
import com.pulse.app.port.MetricStore;
import com.pulse.app.port.Warehouse;
import com.pulse.config.Settings;
import com.pulse.domain.catalog.Catalog;
import com.pulse.domain.catalog.CatalogLoader;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one place that builds Pulse's object graph from app settings ({@link Settings} names), read
 * once when the root is created. Each dependency has its own {@code create*} factory method below;
 * they return the embedded local adapters unless a setting selects an Azure one, so adapters of
 * other issues (Cosmos DB store, Event Hubs export, Key Vault secrets) plug in at one method each.
 * Components are built lazily on first use and then shared (singletons).
 *
 * <p>Thread-safe: lazy getters are synchronized; the Functions host calls {@link #get()} from any
 * invocation thread.
 */
public final class CompositionRoot {
  /** Local data folder default. */
  public static final String DEFAULT_LOCAL_DIR = ".pulse";
  /** Embedded warehouse file name default (under the local data folder). */
  public static final String DEFAULT_WAREHOUSE_FILE = "tpch-sf0.01.duckdb";

  private static volatile CompositionRoot instance;

  private final Map<String, String> settings;
  private final Clock clock;
  private Catalog catalog;
  private TokenCredential credential;
  private Warehouse warehouse;
  private MetricStore metricStore;
  private MetricExport metricExport;
  private MetricRunner metricRunner;

  private CompositionRoot(Map<String, String> settings, Clock clock) {
    this.settings = Map.copyOf(settings);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A snapshot of the process environment (app settings in Azure): the only place Pulse reads
   * {@code System.getenv}; the CLI merges its flags over it.
   */
  public static Map<String, String> environment() {
    return Map.copyOf(System.getenv());
  }

  /** The process-wide root over the environment (app settings), created on first call. */
  public static CompositionRoot get() {
    CompositionRoot root = instance;
    if (root == null) {
      synchronized (CompositionRoot.class) {
        if (instance == null) {
          instance = new CompositionRoot(environment(), Clock.systemUTC());
        }
        root = instance;
      }
    }
    return root;
  }

  /**
   * A root over explicit settings (CLI flags merged over the environment, tests).
   *
   * @param settings setting name ({@link Settings}) to value; missing names take defaults
   * @throws NullPointerException if an argument is null
   */
  public static CompositionRoot create(Map<String, String> settings, Clock clock) {
    return new CompositionRoot(settings, clock);
  }

  /** The injected clock (system UTC in Azure). */
  public Clock clock() {
    return clock;
  }

  /** Local data folder, {@link Settings#PULSE_LOCAL_DIR} or {@value #DEFAULT_LOCAL_DIR}. */
  public Path localDir() {
    return Path.of(setting(Settings.PULSE_LOCAL_DIR, DEFAULT_LOCAL_DIR));
  }

  /** The metric catalog. @throws com.pulse.domain.catalog.CatalogException if it is invalid */
  public synchronized Catalog catalog() {
    if (catalog == null) {
      String path = settings.get(Settings.CATALOG_PATH);
      catalog = path == null || path.isBlank() ? CatalogLoader.loadResource(CatalogLoader.DEFAULT_RESOURCE)
          : CatalogLoader.load(Path.of(path));
    }
    return catalog;
  }

  /** The warehouse-metrics use case. */
  public synchronized MetricRunner metricRunner() {
    if (metricRunner == null) {
      RetryPolicy retry = new RetryPolicy(intSetting(Settings.WAREHOUSE_QUERY_MAX_ATTEMPTS, 4), Duration.ofSeconds(2),
          Duration.ofSeconds(30), 2.0);
      metricRunner = new MetricRunner(catalog(), warehouse(), metricStore(), metricExport(), clock, retry,
          Sleeper.SYSTEM, intSetting(Settings.METRICS_MAX_CATCHUP_WINDOWS, 24), () -> UUID.randomUUID().toString());
    }
    return metricRunner;
  }

  /** The warehouse. */
  public synchronized Warehouse warehouse() {
    if (warehouse == null) {
      warehouse = createWarehouse();
    }
    return warehouse;
  }

  /** The serving store. */
  public synchronized MetricStore metricStore() {
    if (metricStore == null) {
      metricStore = createMetricStore();
    }
    return metricStore;
  }

  /** The history export. */
  public synchronized MetricExport metricExport() {
    if (metricExport == null) {
      metricExport = createMetricExport();
    }
    return metricExport;
  }

  // ---------------------------------------------------------------------------------------------
  // Factories: one per port. Azure adapters from other issues are selected here by their settings.
  // ---------------------------------------------------------------------------------------------

  /** The warehouse JDBC URL: the setting, else the Key Vault secret it names, else the local DuckDB file. */
  String warehouseJdbcUrl() {
    String url = settings.get(Settings.WAREHOUSE_JDBC_URL);
    if (url != null && !url.isBlank()) {
      return url;
    }
    String secretName = settings.get(Settings.WAREHOUSE_CONNECTION_SECRET_NAME);
    if (secretName != null && !secretName.isBlank()) {
      return createSecretLookup().apply(secretName);
    }
    return "jdbc:duckdb:" + localDir().resolve(DEFAULT_WAREHOUSE_FILE);
  }

  private Warehouse createWarehouse() {
    String url = warehouseJdbcUrl();
    ConnectionSource source;
    String name;
    if (url.startsWith("jdbc:sqlserver:")) {
      source = new SqlServerConnectionSource(url, credential(), clock);
      name = url.substring(0, url.indexOf(';') < 0 ? url.length() : url.indexOf(';'));
    } else if (url.startsWith("jdbc:duckdb:")) {
      try {
        source = new DuckDbConnectionSource(url, false);
      } catch (SQLException | LinkageError e) {
        // LinkageError: DuckDB is local-only and absent from the function package
        throw new IllegalStateException("cannot open the DuckDB warehouse " + url + " (" + e + "); in Azure set "
            + Settings.WAREHOUSE_JDBC_URL + " or " + Settings.WAREHOUSE_CONNECTION_SECRET_NAME + " to a jdbc:sqlserver: URL", e);
      }
      name = url;
    } else {
      throw new IllegalArgumentException(Settings.WAREHOUSE_JDBC_URL
          + " must start with jdbc:sqlserver: or jdbc:duckdb:, got " + url.split(";")[0]);
    }
    return new JdbcWarehouse(source, name);
  }

  /** Local default: in-process store. The Cosmos DB adapter (another issue) is selected here. */
  private MetricStore createMetricStore() {
    return new InMemoryMetricStore();
  }

  /** Local default: JSON lines under {@code <localDir>/export}. The Event Hubs exporter is selected here. */
  private MetricExport createMetricExport() {
    return new JsonLinesExport(localDir().resolve("export"));
  }

  /**
   * Secret lookup by name (Key Vault in Azure). The Key Vault adapter lands with another issue and
   * is wired here; until then a secret name setting fails fast with a clear message.
   */
  private Function<String, String> createSecretLookup() {
    return name -> {
      throw new IllegalStateException("secret '" + name + "' requested through "
          + Settings.WAREHOUSE_CONNECTION_SECRET_NAME + " but no Key Vault adapter is configured");
    };
  }

  private synchronized TokenCredential credential() {
    if (credential == null) {
      DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder();
      String clientId = settings.get(Settings.AZURE_CLIENT_ID);
      if (clientId != null && !clientId.isBlank()) {
        builder.managedIdentityClientId(clientId);
      }
      credential = builder.build();
    }
    return credential;
  }

  private String setting(String name, String fallback) {
    String v = settings.get(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  private int intSetting(String name, int fallback) {
    String v = settings.get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("app setting " + name + " must be an integer, got '" + v + "'", e);
    }
  }
}
