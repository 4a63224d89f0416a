package com.pulse.functions;

import com.azure.core.credential.TokenCredential;
import com.azure.messaging.eventhubs.EventHubClientBuilder;
import com.azure.messaging.eventhubs.EventHubProducerClient;
import com.pulse.adapter.cosmos.CosmosClients;
import com.pulse.adapter.cosmos.CosmosStores;
import com.pulse.adapter.identity.AzureCredentials;
import com.pulse.adapter.jdbc.ConnectionSource;
import com.pulse.adapter.jdbc.JdbcWarehouse;
import com.pulse.adapter.jdbc.SqlServerConnectionSource;
import com.pulse.adapter.local.FileDeadLetterStore;
import com.pulse.adapter.local.InMemoryMetricStore;
import com.pulse.adapter.local.InMemoryNotificationStateStore;
import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.adapter.local.JsonLinesExport;
import com.pulse.adapter.telemetry.OpenTelemetryLogHandler;
import com.pulse.adapter.telemetry.TelemetrySetup;
import com.pulse.app.MetricRunner;
import com.pulse.app.RetryPolicy;
import com.pulse.app.Sleeper;
import com.pulse.app.api.HealthCheck;
import com.pulse.app.api.TenantMetrics;
import com.pulse.app.api.TenantTelemetry;
import com.pulse.app.notify.CheckFreshness;
import com.pulse.app.notify.NotifyCustomerEngineers;
import com.pulse.app.notify.NotifySloBreaches;
import com.pulse.app.observability.BatchTelemetry;
import com.pulse.app.observability.ObservedMetricExport;
import com.pulse.app.observability.PulseTelemetry;
import com.pulse.app.observability.PulseTracing;
import com.pulse.app.port.DeadLetterStore;
import com.pulse.app.port.MetricExport;
import com.pulse.app.port.MetricStore;
import com.pulse.app.port.NotificationStateStore;
import com.pulse.app.port.Notifier;
import com.pulse.app.port.SecretSource;
import com.pulse.app.port.Warehouse;
import com.pulse.app.port.WindowStore;
import com.pulse.app.telemetry.AggregateBatch;
import com.pulse.app.telemetry.BatchObserver;
import com.pulse.app.telemetry.IngestCounters;
import com.pulse.config.Settings;
import com.pulse.domain.catalog.Catalog;
import com.pulse.domain.catalog.CatalogLoader;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.file.Path;
import java.util.function.Function;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place that builds Pulse's object graph from app settings ({@link Settings} names), read
 * once when the root is created. Each port has one getter; it returns the Azure adapter when its
 * setting is present and the embedded local adapter otherwise:
 *
 * <table>
 *   <caption>Adapter selection</caption>
 *   <tr><th>port</th><th>Azure, when set</th><th>local default</th></tr>
 *   <tr><td>stores (metrics, windows, dead letters, notification state)</td><td>Cosmos DB,
 *       {@code COSMOS_ENDPOINT}</td><td>in-process; dead letters in {@code <localDir>/deadletter.jsonl}</td></tr>
 *   <tr><td>history export</td><td>Event Hubs {@code metrics-out}, {@code METRICS_OUT_NAMESPACE}</td>
 *       <td>JSON lines in {@code <localDir>/export}</td></tr>
 *   <tr><td>secrets</td><td>Key Vault, {@code KEY_VAULT_URI}</td><td>{@code PULSE_SECRET_*} variables</td></tr>
 *   <tr><td>email</td><td>ACS Email, {@code ACS_ENDPOINT}</td><td>outbox files in {@code <localDir>/outbox}</td></tr>
 *   <tr><td>warehouse</td><td>SQL Server family, {@code WAREHOUSE_JDBC_URL} or the Key Vault secret
 *       {@code WAREHOUSE_CONNECTION_SECRET_NAME}</td><td>DuckDB file {@code <localDir>/tpch-sf0.01.duckdb}</td></tr>
 *   <tr><td>OpenTelemetry</td><td>Azure Monitor, {@code APPLICATIONINSIGHTS_CONNECTION_STRING}</td><td>no-op</td></tr>
 * </table>
 *
 * <p>Azure adapters authenticate with the one Entra ID credential ({@link AzureCredentials}:
 * managed identity {@code AZURE_CLIENT_ID} in Azure, {@code DefaultAzureCredential} locally); no keys.
 * Components are built lazily on first use and then shared (singletons), so a function touches only
 * what it needs.
 *
 * <p>Thread-safe: getters are synchronized; the Functions host calls {@link #get()} from any
 * invocation thread.
 */
public final class CompositionRoot {
  /** Local data folder default. */
  public static final String DEFAULT_LOCAL_DIR = ".pulse";
  /** Embedded warehouse file name default (under the local data folder). */
  public static final String DEFAULT_WAREHOUSE_FILE = "tpch-sf0.01.duckdb";
  /** Local dead-letter file name (under the local data folder). */
  public static final String DEAD_LETTER_FILE = "deadletter.jsonl";
  /** Cosmos DB database id when {@link Settings#COSMOS_DATABASE} is unset. */
  public static final String DEFAULT_DATABASE = "pulse";

  private static volatile CompositionRoot instance;

  private final Map<String, String> settings;
  private final Clock clock;
  private final IngestCounters ingestCounters = new IngestCounters();
  private Catalog catalog;
  private TokenCredential credential;
  private OpenTelemetry openTelemetry;
  private PulseTelemetry telemetry;
  private PulseTracing tracing;
  private Optional<CosmosStores> cosmos;
  private Warehouse warehouse;
  private MetricStore metricStore;
  private WindowStore windowStore;
  private DeadLetterStore deadLetterStore;
  private NotificationStateStore notificationStateStore;
  private MetricExport metricExport;
  private SecretSource secretSource;
  private Notifier notifier;
  private MetricRunner metricRunner;
  private NotifyCustomerEngineers notify;
  private NotifySloBreaches notifySloBreaches;
  private CheckFreshness checkFreshness;
  private AggregateBatch aggregateBatch;
  private LatenessPolicy latenessPolicy;
  private final Function<String, ConnectionSource> localWarehouse;

  /** A {@code jdbc:duckdb:} warehouse outside the CLI: DuckDB is local-only and not in the function package. */
  private static ConnectionSource noLocalWarehouse(String url) {
    throw new IllegalStateException("cannot open the DuckDB warehouse " + url + ": DuckDB is local-only (the CLI); in Azure set "
        + Settings.WAREHOUSE_JDBC_URL + " or " + Settings.WAREHOUSE_CONNECTION_SECRET_NAME + " to a jdbc:sqlserver: URL");
  }

  private CompositionRoot(Map<String, String> settings, Clock clock, TokenCredential credential,
      Function<String, ConnectionSource> localWarehouse) {
    this.settings = Map.copyOf(settings);
    this.localWarehouse = Objects.requireNonNull(localWarehouse, "localWarehouse");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.credential = credential;
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
          instance = new CompositionRoot(environment(), Clock.systemUTC(), null, CompositionRoot::noLocalWarehouse);
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
    return new CompositionRoot(settings, clock, null, CompositionRoot::noLocalWarehouse);
  }

  /**
   * A root whose {@code jdbc:duckdb:} warehouse URLs are opened by {@code localWarehouse} (the CLI's
   * embedded DuckDB).
   *
   * @throws NullPointerException if an argument is null
   */
  public static CompositionRoot create(Map<String, String> settings, Clock clock,
      Function<String, ConnectionSource> localWarehouse) {
    return new CompositionRoot(settings, clock, null, localWarehouse);
  }

  /**
   * A root with a given credential instead of the one {@link Settings#AZURE_CLIENT_ID} selects
   * (tests against local servers, tools with an explicit credential).
   *
   * @throws NullPointerException if an argument is null
   */
  public static CompositionRoot create(Map<String, String> settings, Clock clock, TokenCredential credential) {
    return new CompositionRoot(settings, clock, Objects.requireNonNull(credential, "credential"),
        CompositionRoot::noLocalWarehouse);
  }

  /** The injected clock (system UTC in Azure). */
  public Clock clock() {
    return clock;
  }

  /** Local data folder, {@link Settings#PULSE_LOCAL_DIR} or {@value #DEFAULT_LOCAL_DIR}. */
  public Path localDir() {
    return Path.of(AzureServices.optional(settings, Settings.PULSE_LOCAL_DIR).orElse(DEFAULT_LOCAL_DIR));
  }

  /** The metric catalog. @throws com.pulse.domain.catalog.CatalogException if it is invalid */
  public synchronized Catalog catalog() {
    if (catalog == null) {
      catalog = AzureServices.optional(settings, Settings.CATALOG_PATH)
          .map(path -> CatalogLoader.load(Path.of(path)))
          .orElseGet(() -> CatalogLoader.loadResource(CatalogLoader.DEFAULT_RESOURCE));
    }
    return catalog;
  }

  // ---- identity and observability -------------------------------------------------------------

  /** The app's Entra ID credential (Cosmos DB, Event Hubs, Key Vault, ACS, warehouse tokens, ingestion). */
  public synchronized TokenCredential credential() {
    if (credential == null) {
      credential = AzureCredentials.create(settings.get(Settings.AZURE_CLIENT_ID));
    }
    return credential;
  }

  /**
   * OpenTelemetry exporting to Application Insights when
   * {@link Settings#APPLICATIONINSIGHTS_CONNECTION_STRING} is set, else the no-op API; also routes
   * {@code com.pulse} log records to it.
   */
  public synchronized OpenTelemetry openTelemetry() {
    if (openTelemetry == null) {
      String connectionString = settings.get(Settings.APPLICATIONINSIGHTS_CONNECTION_STRING);
      openTelemetry = connectionString == null || connectionString.isBlank() ? OpenTelemetry.noop()
          : TelemetrySetup.create(connectionString, credential());
      OpenTelemetryLogHandler.install(openTelemetry, "com.pulse");
    }
    return openTelemetry;
  }

  /** Pulse's metric instruments. */
  public synchronized PulseTelemetry telemetry() {
    if (telemetry == null) {
      telemetry = PulseTelemetry.create(openTelemetry(), clock);
    }
    return telemetry;
  }

  /** Pulse's span helpers. */
  public synchronized PulseTracing tracing() {
    if (tracing == null) {
      tracing = PulseTracing.create(openTelemetry());
    }
    return tracing;
  }

  // ---- stores ---------------------------------------------------------------------------------

  /**
   * The Cosmos DB stores when {@link Settings#COSMOS_ENDPOINT} is set ({@code COSMOS_DATABASE},
   * {@code COSMOS_CONNECTION_MODE}, {@code COSMOS_CREATE_IF_MISSING}), else empty.
   *
   * @throws IllegalArgumentException if a Cosmos setting is invalid (named in the message)
   * @throws com.pulse.app.port.DependencyException if creating missing containers fails transiently
   */
  public synchronized Optional<CosmosStores> cosmos() {
    if (cosmos == null) {
      cosmos = AzureServices.optional(settings, Settings.COSMOS_ENDPOINT).map(endpoint -> {
        // validate every Cosmos setting before connecting
        CosmosClients.ConnectionMode mode = CosmosClients.ConnectionMode.parse(settings.get(Settings.COSMOS_CONNECTION_MODE));
        String database = AzureServices.optional(settings, Settings.COSMOS_DATABASE).orElse(DEFAULT_DATABASE);
        boolean create = AzureServices.bool(settings, Settings.COSMOS_CREATE_IF_MISSING);
        return CosmosStores.open(CosmosClients.create(endpoint, credential(), mode), database, create, telemetry(), tracing());
      });
    }
    return cosmos;
  }

  /** The serving store of metric points and job state: Cosmos DB, else in-process. */
  public synchronized MetricStore metricStore() {
    if (metricStore == null) {
      metricStore = cosmos().map(CosmosStores::metrics).orElseGet(InMemoryMetricStore::new);
    }
    return metricStore;
  }

  /** The telemetry window store: Cosmos DB, else in-process. */
  public synchronized WindowStore windowStore() {
    if (windowStore == null) {
      windowStore = cosmos().map(CosmosStores::windows).orElseGet(InMemoryWindowStore::new);
    }
    return windowStore;
  }

  /** The dead-letter store: Cosmos DB, else {@code <localDir>/}{@value #DEAD_LETTER_FILE}. */
  public synchronized DeadLetterStore deadLetterStore() {
    if (deadLetterStore == null) {
      deadLetterStore = cosmos().map(CosmosStores::deadLetters)
          .orElseGet(() -> new FileDeadLetterStore(localDir().resolve(DEAD_LETTER_FILE)));
    }
    return deadLetterStore;
  }

  /** Notification state per tenant: Cosmos DB, else in-process. */
  public synchronized NotificationStateStore notificationStateStore() {
    if (notificationStateStore == null) {
      notificationStateStore = cosmos().map(CosmosStores::notifications).orElseGet(InMemoryNotificationStateStore::new);
    }
    return notificationStateStore;
  }

  // ---- other adapters -------------------------------------------------------------------------

  /**
   * The history export (Event Hubs {@code metrics-out}, else JSON lines under {@code <localDir>/export}),
   * with a span per call and failures counted ({@link ObservedMetricExport}).
   *
   * @throws IllegalArgumentException if {@link Settings#METRICS_OUT_NAMESPACE} is set without a hub name
   */
  public synchronized MetricExport metricExport() {
    if (metricExport == null) {
      MetricExport export = AzureServices.metricExport(settings, credential())
          .orElseGet(() -> new JsonLinesExport(localDir().resolve("export")));
      metricExport = new ObservedMetricExport(export, telemetry(), tracing());
    }
    return metricExport;
  }

  /**
   * Secrets: Key Vault when {@link Settings#KEY_VAULT_URI} is set, else {@code PULSE_SECRET_*}
   * settings; the secret named by {@link Settings#WAREHOUSE_CONNECTION_SECRET_NAME} is loaded at
   * creation.
   *
   * @throws IllegalStateException naming a missing required secret
   */
  public synchronized SecretSource secretSource() {
    if (secretSource == null) {
      secretSource = AzureServices.secretSource(settings, credential(), clock,
          AzureServices.optional(settings, Settings.WAREHOUSE_CONNECTION_SECRET_NAME).stream().toList());
    }
    return secretSource;
  }

  /** Email: ACS when {@link Settings#ACS_ENDPOINT} is set, else files in {@code <localDir>/outbox}. */
  public synchronized Notifier notifier() {
    if (notifier == null) {
      notifier = AzureServices.notifier(settings, credential(), localDir().resolve("outbox"));
    }
    return notifier;
  }

  /** The warehouse (see {@link #warehouseJdbcUrl()}). */
  public synchronized Warehouse warehouse() {
    if (warehouse == null) {
      warehouse = createWarehouse();
    }
    return warehouse;
  }

  /**
   * A producer for the telemetry hub (dead-letter replay): namespace
   * {@link Settings#TELEMETRY_HUB_FULLY_QUALIFIED_NAMESPACE}, hub {@link Settings#TELEMETRY_HUB_NAME},
   * this root's credential. The caller closes it.
   *
   * @throws IllegalStateException if the namespace or hub name is not set
   */
  public EventHubProducerClient telemetryProducer() {
    Optional<String> namespace = AzureServices.optional(settings, Settings.TELEMETRY_HUB_FULLY_QUALIFIED_NAMESPACE);
    Optional<String> hub = AzureServices.optional(settings, Settings.TELEMETRY_HUB_NAME);
    if (namespace.isEmpty() || hub.isEmpty()) {
      throw new IllegalStateException("set " + Settings.TELEMETRY_HUB_FULLY_QUALIFIED_NAMESPACE + " and "
          + Settings.TELEMETRY_HUB_NAME + " to re-publish to the telemetry hub");
    }
    return new EventHubClientBuilder().credential(namespace.get(), hub.get(), credential()).buildProducerClient();
  }

  // ---- use cases ------------------------------------------------------------------------------

  /** The warehouse-metrics use case, reporting to {@link #telemetry()} and {@link #tracing()}. */
  public synchronized MetricRunner metricRunner() {
    if (metricRunner == null) {
      RetryPolicy retry = new RetryPolicy(AzureServices.integer(settings, Settings.WAREHOUSE_QUERY_MAX_ATTEMPTS, 4),
          Duration.ofSeconds(2), Duration.ofSeconds(30), 2.0);
      int maxCatchUp = AzureServices.integer(settings, Settings.METRICS_MAX_CATCHUP_WINDOWS, 24);
      metricRunner = new MetricRunner(catalog(), warehouse(), metricStore(), metricExport(), clock, retry,
          Sleeper.SYSTEM, maxCatchUp, () -> UUID.randomUUID().toString(), telemetry(), tracing());
    }
    return metricRunner;
  }

  /** The deduplicated customer-engineer digest (catalog owners, {@link Settings#NOTIFY_CUSTOMER_ENGINEERS}). */
  public synchronized NotifyCustomerEngineers notifyCustomerEngineers() {
    if (notify == null) {
      notify = AzureServices.notifyCustomerEngineers(settings, catalog().metrics(), notificationStateStore(),
          notifier(), clock);
    }
    return notify;
  }

  /** The SLO check run after each warehouse-metrics run over the points it wrote. */
  public synchronized NotifySloBreaches notifySloBreaches() {
    if (notifySloBreaches == null) {
      notifySloBreaches = AzureServices.notifySloBreaches(catalog().metrics(), notifyCustomerEngineers());
    }
    return notifySloBreaches;
  }

  /** The freshness watchdog ({@link Settings#METRIC_FRESHNESS_GRACE}). */
  public synchronized CheckFreshness checkFreshness() {
    if (checkFreshness == null) {
      checkFreshness = AzureServices.checkFreshness(settings, metricStore(), () -> catalog().metrics(),
          notifyCustomerEngineers(), clock);
    }
    return checkFreshness;
  }

  /** {@code GET /api/tenants/{tenantId}/metrics}. */
  public TenantMetrics tenantMetrics() {
    return new TenantMetrics(metricStore());
  }

  /** {@code GET /api/tenants/{tenantId}/telemetry}. */
  public TenantTelemetry tenantTelemetry() {
    return new TenantTelemetry(windowStore());
  }

  /** {@code GET /api/health}. */
  public HealthCheck healthCheck() {
    return new HealthCheck(metricStore(), deadLetterStore(), () -> catalog().metrics(), clock, ingestCounters);
  }

  /** The lateness policy ({@link Settings#TELEMETRY_ALLOWED_LATENESS}). @throws IllegalArgumentException if malformed */
  public synchronized LatenessPolicy latenessPolicy() {
    if (latenessPolicy == null) {
      latenessPolicy = LatenessPolicy.of(AzureServices.allowedLateness(settings));
    }
    return latenessPolicy;
  }

  /** The telemetry aggregation use case over this root's window and dead-letter stores and export. */
  public synchronized AggregateBatch aggregateBatch() {
    if (aggregateBatch == null) {
      aggregateBatch = aggregateBatch(windowStore(), deadLetterStore(), metricExport());
    }
    return aggregateBatch;
  }

  /**
   * A telemetry aggregation use case over the given ports with Pulse's decoders and this root's
   * lateness policy and clock (replays, tests).
   *
   * @throws NullPointerException if an argument is null
   */
  public AggregateBatch aggregateBatch(WindowStore windows, DeadLetterStore deadLetters, MetricExport export) {
    return AggregateBatch.withPulseDecoders(windows, deadLetters, export, latenessPolicy(), clock);
  }

  /** Reports each aggregated batch to {@link #telemetry()} and to the counters {@link #healthCheck()} shows. */
  public BatchObserver batchObserver() {
    BatchObserver metrics = new BatchTelemetry(telemetry());
    return (batch, result) -> {
      ingestCounters.observed(batch, result);
      metrics.observed(batch, result);
    };
  }

  // ---- warehouse ------------------------------------------------------------------------------

  /** The warehouse JDBC URL: the setting, else the Key Vault secret it names, else the local DuckDB file. */
  String warehouseJdbcUrl() {
    Optional<String> url = AzureServices.optional(settings, Settings.WAREHOUSE_JDBC_URL);
    if (url.isPresent()) {
      return url.get();
    }
    Optional<String> secretName = AzureServices.optional(settings, Settings.WAREHOUSE_CONNECTION_SECRET_NAME);
    if (secretName.isPresent()) {
      return secretSource().secret(secretName.get());
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
      source = localWarehouse.apply(url);
      name = url;
    } else {
      throw new IllegalArgumentException(Settings.WAREHOUSE_JDBC_URL
          + " must start with jdbc:sqlserver: or jdbc:duckdb:, got " + url.split(";")[0]);
    }
    return new JdbcWarehouse(source, name);
  }
}
