package com.pulse.functions;

import com.azure.core.credential.TokenCredential;
import com.azure.messaging.eventhubs.EventHubClientBuilder;
import com.azure.messaging.eventhubs.EventHubProducerClient;
import com.pulse.adapter.cosmos.CosmosClients;
import com.pulse.adapter.cosmos.CosmosStores;
import com.pulse.adapter.cosmos.CosmosTelemetry;
import com.pulse.adapter.email.AcsEmailNotifier;
import com.pulse.adapter.eventhubs.EventHubsMetricExport;
import com.pulse.adapter.identity.AzureCredentials;
import com.pulse.adapter.jdbc.ConnectionSource;
import com.pulse.adapter.jdbc.JdbcWarehouse;
import com.pulse.adapter.jdbc.SqlServerConnectionSource;
import com.pulse.adapter.keyvault.KeyVaultSecretSource;
import com.pulse.adapter.local.EnvironmentSecretSource;
import com.pulse.adapter.local.FileDeadLetterStore;
import com.pulse.adapter.local.FileHeldDigestStore;
import com.pulse.adapter.local.FileNotificationStateStore;
import com.pulse.adapter.local.InMemoryMetricStore;
import com.pulse.adapter.local.InMemoryMetricWindowStore;
import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.adapter.local.JsonLinesExport;
import com.pulse.adapter.local.OutboxNotifier;
import com.pulse.adapter.telemetry.OpenTelemetryLogHandler;
import com.pulse.adapter.telemetry.TelemetrySetup;
import com.pulse.app.MetricRunner;
import com.pulse.app.RetryPolicy;
import com.pulse.app.api.HealthCheck;
import com.pulse.app.api.TenantAccess;
import com.pulse.app.api.TenantMetrics;
import com.pulse.app.api.TenantSlos;
import com.pulse.app.api.TenantTelemetry;
import com.pulse.app.notify.CheckFreshness;
import com.pulse.app.notify.NotifyCustomerEngineers;
import com.pulse.app.notify.NotifySloBreaches;
import com.pulse.app.observability.BatchTelemetry;
import com.pulse.app.observability.MetricBatchTelemetry;
import com.pulse.app.observability.ObservedMetricExport;
import com.pulse.app.observability.PulseTelemetry;
import com.pulse.app.observability.PulseTracing;
import com.pulse.app.observability.SloTelemetry;
import com.pulse.app.port.DeadLetterStore;
import com.pulse.app.port.HeldDigestStore;
import com.pulse.app.port.MetricExport;
import com.pulse.app.port.MetricStore;
import com.pulse.app.port.MetricWindowExport;
import com.pulse.app.port.MetricWindowStore;
import com.pulse.app.port.NotificationStateStore;
import com.pulse.app.port.Notifier;
import com.pulse.app.port.SecretSource;
import com.pulse.app.port.Warehouse;
import com.pulse.app.port.WindowStore;
import com.pulse.app.slo.EvaluateSloBurnRates;
import com.pulse.app.slo.TenantSloReader;
import com.pulse.app.telemetry.AggregateBatch;
import com.pulse.app.telemetry.AggregateLogBatch;
import com.pulse.app.port.LogWindowExport;
import com.pulse.app.port.LogWindowStore;
import com.pulse.app.observability.LogBatchTelemetry;
import com.pulse.adapter.local.InMemoryLogWindowStore;
import com.pulse.app.telemetry.AggregateMetricBatch;
import com.pulse.app.telemetry.DeferralPolicy;
import com.pulse.app.telemetry.DeferredAggregation;
import com.pulse.app.telemetry.DeferredLogAggregation;
import com.pulse.app.telemetry.DeferredMetricAggregation;
import com.pulse.app.telemetry.HeldBytes;
import com.pulse.app.telemetry.PartitionSource;
import com.pulse.app.port.PartitionProgressStore;
import com.pulse.adapter.local.InMemoryPartitionProgressStore;
import com.pulse.adapter.eventhubs.EventHubsPartitionSource;
import com.pulse.app.telemetry.BatchObserver;
import com.pulse.app.telemetry.IngestCounters;
import com.pulse.config.PulseConfig;
import com.pulse.config.Setting;
import com.pulse.domain.catalog.Catalog;
import com.pulse.domain.catalog.CatalogLoader;
import com.pulse.domain.catalog.MetricDefinition;
import com.pulse.domain.catalog.SqlDialect;
import com.pulse.domain.notify.DigestComposer;
import com.pulse.domain.notify.EpisodeTracker;
import com.pulse.domain.notify.FreshnessPolicy;
import com.pulse.domain.notify.SloEvaluator;
import com.pulse.domain.slo.BurnRateEvaluator;
import com.pulse.domain.slo.BurnRateRule;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.metric.MetricDimensions;
import com.pulse.domain.tenant.TenantDirectory;
import com.pulse.domain.tenant.TenantsLoader;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one place that builds Pulse's object graph from a {@link PulseConfig}. Each port gets the
 * Azure adapter when its settings are present and the embedded local adapter otherwise:
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
 *       {@code WAREHOUSE_CONNECTION_SECRET_NAME}</td><td>the CLI only: DuckDB file
 *       {@code <localDir>/tpch-sf0.01.duckdb}</td></tr>
 *   <tr><td>OpenTelemetry</td><td>Azure Monitor, {@code APPLICATIONINSIGHTS_CONNECTION_STRING}</td><td>no-op</td></tr>
 * </table>
 *
 * <p>Clients are {@link Lazy}: built on first use, each under its own lock (never a root-wide one),
 * so a function builds only what it needs, and the Entra credential is never created unless an
 * Azure adapter is (local mode loads no identity classes). Use cases are built on each call over the
 * shared clients and stores; {@link FunctionInjector} keeps one instance of each function.
 *
 * <p>Thread-safe.
 */
public final class CompositionRoot {
  /** Embedded warehouse file name (under the local data folder). */
  public static final String DEFAULT_WAREHOUSE_FILE = "tpch-sf0.01.duckdb";
  /** Local dead-letter file name (under the local data folder). */
  public static final String DEAD_LETTER_FILE = "deadletter.jsonl";
  /** How long a resolved episode stays in the notification state. */
  public static final Duration RESOLVED_RETENTION = Duration.ofDays(7);

  /** The serving stores, all Cosmos DB or all local, shared by every use case. */
  record Stores(MetricStore metrics, WindowStore windows, DeadLetterStore deadLetters,
      NotificationStateStore notifications, HeldDigestStore heldDigests, MetricWindowStore metricWindows,
      LogWindowStore logWindows, PartitionProgressStore progress) {}

  /**
   * The history export, one adapter seen through the port of each signal: metric points and request
   * windows, and log windows, run through {@link ObservedMetricExport} (a PRODUCER span per call,
   * failures counted); metric windows go to the adapter as they did before, since
   * {@code ObservedMetricExport} does not implement {@link MetricWindowExport}.
   */
  record Exports(MetricExport metrics, LogWindowExport logWindows, MetricWindowExport metricWindows) {}

  private final PulseConfig config;
  private final Clock clock;
  private final Optional<Function<String, ConnectionSource>> localWarehouse;
  private final Lazy<TokenCredential> credential;
  private final Lazy<OpenTelemetry> openTelemetry;
  private final Lazy<PulseTelemetry> telemetry;
  private final Lazy<PulseTracing> tracing;
  private final Lazy<Catalog> catalog;
  private final Lazy<Stores> stores;
  private final Lazy<Exports> exports;
  private final Lazy<SecretSource> secrets;
  private final Lazy<Notifier> notifier;
  private final Lazy<Warehouse> warehouse;
  private final Lazy<TenantDirectory> tenants;
  private final Lazy<SloTelemetry> sloTelemetry;
  /** The telemetry hub read by sequence number: its client is built on the first recovery that reads. */
  private final Lazy<PartitionSource> partitionSource;
  private final IngestCounters ingestCounters = new IngestCounters();
  /** Event bodies the three holding hubs hold together: TELEMETRY_HOLD_MAX_MIB bounds the instance. */
  private final HeldBytes heldBytes = new HeldBytes();

  private CompositionRoot(PulseConfig config, Clock clock, Optional<Function<String, ConnectionSource>> localWarehouse,
      Supplier<TokenCredential> credential) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.localWarehouse = localWarehouse;
    this.credential = Lazy.of(credential);
    this.openTelemetry = Lazy.of(this::createOpenTelemetry);
    this.telemetry = Lazy.of(() -> PulseTelemetry.create(openTelemetry.get(), clock));
    this.tracing = Lazy.of(() -> PulseTracing.create(openTelemetry.get()));
    this.catalog = Lazy.of(() -> config.warehouse().catalogPath().map(CatalogLoader::load)
        .orElseGet(() -> CatalogLoader.loadResource(CatalogLoader.DEFAULT_RESOURCE)));
    this.stores = Lazy.of(this::createStores);
    this.exports = Lazy.of(this::createExports);
    this.secrets = Lazy.of(this::createSecretSource);
    this.notifier = Lazy.of(this::createNotifier);
    this.warehouse = Lazy.of(this::createWarehouse);
    this.sloTelemetry = Lazy.of(() -> SloTelemetry.create(openTelemetry.get()));
    this.partitionSource = Lazy.of(() -> new EventHubsPartitionSource(config.telemetry().hubNamespace().orElseThrow(),
        config.telemetry().hubName().orElseThrow(), config.telemetry().recoveryConsumerGroup(), credential.get()));
    this.tenants = Lazy.of(() -> config.notifications().tenantsPath().map(TenantsLoader::load)
        .orElseGet(() -> TenantsLoader.loadResource(TenantsLoader.DEFAULT_RESOURCE)));
  }

  /**
   * The root of the Functions host: no embedded warehouse (DuckDB is not in the function package).
   *
   * @throws NullPointerException if an argument is null
   */
  public static CompositionRoot create(PulseConfig config, Clock clock) {
    return new CompositionRoot(config, clock, Optional.empty(), identity(config));
  }

  /**
   * The root of the CLI: {@code jdbc:duckdb:} URLs, and an unset warehouse, are opened by
   * {@code localWarehouse} (the embedded DuckDB).
   *
   * @throws NullPointerException if an argument is null
   */
  public static CompositionRoot create(PulseConfig config, Clock clock, Function<String, ConnectionSource> localWarehouse) {
    return new CompositionRoot(config, clock, Optional.of(localWarehouse), identity(config));
  }

  /**
   * A root with a given credential factory instead of the one {@code AZURE_CLIENT_ID} selects (tests
   * against local servers, and tests that local mode never asks for one).
   *
   * @throws NullPointerException if an argument is null
   */
  static CompositionRoot create(PulseConfig config, Clock clock, Optional<Function<String, ConnectionSource>> localWarehouse,
      Supplier<TokenCredential> credential) {
    return new CompositionRoot(config, clock, localWarehouse, credential);
  }

  private static Supplier<TokenCredential> identity(PulseConfig config) {
    return () -> AzureCredentials.create(config.managedIdentityClientId().orElse(null));
  }

  /**
   * A snapshot of the process environment (app settings in Azure): the only place Pulse reads
   * {@code System.getenv}; the CLI merges its flags over it.
   */
  public static Map<String, String> environment() {
    return Map.copyOf(System.getenv());
  }

  /** The configuration this root was built from. */
  public PulseConfig config() {
    return config;
  }

  /** The injected clock (system UTC in Azure). */
  public Clock clock() {
    return clock;
  }

  /** The metric catalog. @throws com.pulse.domain.catalog.CatalogException if it is invalid */
  public Catalog catalog() {
    return catalog.get();
  }

  /** Pulse's metric instruments (Azure Monitor when Application Insights is configured, else no-op). */
  public PulseTelemetry telemetry() {
    return telemetry.get();
  }

  /** The stores this root picked (Cosmos DB or in-process), built on first use; for wiring tests. */
  Stores stores() {
    return stores.get();
  }

  /** Pulse's span helpers. */
  public PulseTracing tracing() {
    return tracing.get();
  }

  /** The warehouse; see {@link #warehouseJdbcUrl()}. @throws IllegalStateException if none is configured */
  public Warehouse warehouse() {
    return warehouse.get();
  }

  // ---- use cases (built per call over the shared clients and stores) --------------------------

  /** The warehouse-metrics use case, reporting to {@link #telemetry()} and {@link #tracing()}. */
  public MetricRunner metricRunner() {
    RetryPolicy retry = RetryPolicy.DEFAULT.withMaxAttempts(config.warehouse().queryMaxAttempts());
    return MetricRunner.builder(catalog(), warehouse(), stores.get().metrics(), exports.get().metrics())
        .clock(clock).retryPolicy(retry).maxCatchUpWindows(config.warehouse().maxCatchUpWindows())
        .telemetry(telemetry()).tracing(tracing()).build();
  }

  /**
   * The deduplicated per-engineer digest: tenant owners from the tenants file, catalog owners and
   * {@code NOTIFY_CUSTOMER_ENGINEERS} for metric-wide notices, {@code NOTIFY_DIGEST_MAX_ITEMS} and
   * {@code NOTIFY_WORKBOOK_LINK}; failed sends held in {@link #heldDigestStore()}.
   */
  public NotifyCustomerEngineers notifyCustomerEngineers() {
    Map<String, List<String>> owners = new LinkedHashMap<>();
    catalog().metrics().forEach(m -> owners.put(m.name(), m.owners()));
    PulseConfig.Notifications n = config.notifications();
    List<String> swept = tenants().tenants().stream().map(com.pulse.domain.tenant.Tenant::id).toList();
    return new NotifyCustomerEngineers(stores.get().notifications(), stores.get().heldDigests(), notifier.get(),
        new EpisodeTracker(n.reminderPeriod(), RESOLVED_RETENTION),
        new DigestComposer(tenants(), owners, n.customerEngineers(), n.digestMaxItems(), n.workbookLink().orElse(null)),
        () -> swept, clock);
  }

  // ---- tenants, telemetry SLOs, tenant-scoped API (issue 13) ----

  /**
   * The tenants file: {@code TENANTS_PATH}, else the packaged {@code tenants/tenants.yaml}.
   *
   * @throws com.pulse.domain.tenant.TenantsException listing every problem if it is invalid
   */
  public TenantDirectory tenants() {
    return tenants.get();
  }

  /** Undelivered digests per recipient: Cosmos DB, else files in {@code <localDir>/notifications/held}. */
  public HeldDigestStore heldDigestStore() {
    return stores.get().heldDigests();
  }

  /** Notification state per tenant: Cosmos DB, else one file per tenant in {@code <localDir>/notifications}. */
  public NotificationStateStore notificationStateStore() {
    return stores.get().notifications();
  }

  /** Telemetry SLO burn rates over the window store, tenants file and digest, publishing the burn-rate gauges. */
  public EvaluateSloBurnRates evaluateSloBurnRates() {
    return new EvaluateSloBurnRates(stores.get().windows(), tenants(), new BurnRateEvaluator(BurnRateRule.DEFAULTS),
        notifyCustomerEngineers(), sloTelemetry.get(), clock);
  }

  /** {@code GET /api/tenants/{tenantId}/slos}, tenant-scoped. */
  public TenantSlos tenantSlos() {
    return new TenantSlos(new TenantSloReader(stores.get().windows(), tenants(), new BurnRateEvaluator(BurnRateRule.DEFAULTS)),
        tenantAccess(), clock);
  }

  /** Who may read which tenant through the API: App Service principal against the tenants file. */
  public TenantAccess tenantAccess() {
    return new TenantAccess(tenants());
  }

  /** The SLO check run after each warehouse-metrics run over the points it wrote. */
  public NotifySloBreaches notifySloBreaches() {
    Map<String, MetricDefinition> byName = new LinkedHashMap<>();
    catalog().metrics().forEach(m -> byName.put(m.name(), m));
    return new NotifySloBreaches(new SloEvaluator(byName), notifyCustomerEngineers());
  }

  /** The freshness watchdog ({@code METRIC_FRESHNESS_GRACE}). */
  public CheckFreshness checkFreshness() {
    return new CheckFreshness(stores.get().metrics(), () -> catalog().metrics(),
        new FreshnessPolicy(config.notifications().freshnessGrace()), notifyCustomerEngineers(), clock);
  }

  /** {@code GET /api/tenants/{tenantId}/metrics}, tenant-scoped ({@link #tenantAccess()}). */
  public TenantMetrics tenantMetrics() {
    return new TenantMetrics(stores.get().metrics(), tenantAccess());
  }

  /** {@code GET /api/tenants/{tenantId}/telemetry}, tenant-scoped. */
  public TenantTelemetry tenantTelemetry() {
    return new TenantTelemetry(stores.get().windows(), tenantAccess());
  }

  /** {@code GET /api/health}. */
  public HealthCheck healthCheck() {
    return new HealthCheck(stores.get().metrics(), stores.get().deadLetters(), () -> catalog().metrics(), clock,
        ingestCounters);
  }

  /** The lateness policy ({@code TELEMETRY_ALLOWED_LATENESS}). */
  public LatenessPolicy latenessPolicy() {
    return LatenessPolicy.of(config.telemetry().allowedLateness());
  }

  /** The telemetry aggregation use case over this root's window and dead-letter stores and export. */
  public AggregateBatch aggregateBatch() {
    return aggregateBatch(stores.get().windows(), stores.get().deadLetters(), exports.get().metrics());
  }

  /**
   * A telemetry aggregation use case over the given ports with Pulse's decoders and this root's
   * lateness policy, window shard count ({@code TELEMETRY_WINDOW_SHARDS}) and clock (replays, tests).
   *
   * @throws NullPointerException if an argument is null
   */
  public AggregateBatch aggregateBatch(WindowStore windows, DeadLetterStore deadLetters, MetricExport export) {
    return AggregateBatch.withPulseDecoders(windows, deadLetters, export, latenessPolicy(), clock,
        config.telemetry().windowShards());
  }

  /**
   * The use case of the telemetry function: {@link #aggregateBatch()} through
   * {@link DeferredAggregation}. Against Cosmos DB with the telemetry hub set, a partition's events
   * are held under a backlog ({@code TELEMETRY_HOLD_MAX_EVENTS}, {@code TELEMETRY_HOLD_MAX_MIB},
   * {@code TELEMETRY_HOLD_MAX_AGE}), its progress is kept in the Cosmos container {@code progress},
   * an owner that starts behind re-reads the hub with consumer group
   * {@code TELEMETRY_RECOVERY_CONSUMER_GROUP}, and a daemon thread writes what an idle partition holds
   * every {@code TELEMETRY_HOLD_MAX_AGE} ({@link IdleFlush}, reported to {@link #batchObserver()}).
   * Locally every batch is written when it arrives ({@link DeferredAggregation#writingEveryBatch}):
   * one process owns every partition.
   */
  public DeferredAggregation telemetryAggregation() {
    Optional<PartitionSource> hub = partitionSource();
    if (hub.isEmpty()) {
      return DeferredAggregation.writingEveryBatch(aggregateBatch(), clock);
    }
    DeferralPolicy policy = config.telemetry().deferral();
    DeferredAggregation deferred = new DeferredAggregation(aggregateBatch(), hub.get(), stores.get().progress(),
        "telemetry", policy, clock, heldBytes);
    new IdleFlush<>("TelemetryAggregation", deferred::flushIdle, batchObserver()::observed).start(policy.maxAge());
    return deferred;
  }

  /**
   * {@link #aggregateBatch(WindowStore, DeadLetterStore, MetricExport)} writing every batch when it
   * arrives ({@link DeferredAggregation#writingEveryBatch}): replays and tests.
   *
   * @throws NullPointerException if an argument is null
   */
  public DeferredAggregation telemetryAggregation(WindowStore windows, DeadLetterStore deadLetters,
      MetricExport export) {
    return DeferredAggregation.writingEveryBatch(aggregateBatch(windows, deadLetters, export), clock);
  }

  /**
   * The use case of the logs function: {@link #aggregateLogBatch()} through
   * {@link DeferredLogAggregation}, holding as {@link #telemetryAggregation()} does (progress scope
   * {@code logs}, recovery reads of {@code LOGS_HUB_NAME} with {@code LOGS_RECOVERY_CONSUMER_GROUP},
   * its own idle flush thread); locally every batch is written when it arrives.
   */
  public DeferredLogAggregation logAggregation() {
    PulseConfig.Telemetry t = config.telemetry();
    if (config.cosmos().isEmpty() || t.hubNamespace().isEmpty()) {
      return DeferredLogAggregation.writingEveryBatch(aggregateLogBatch(), clock);
    }
    Lazy<EventHubsPartitionSource> logsHub = Lazy.of(() -> new EventHubsPartitionSource(t.hubNamespace().orElseThrow(),
        t.logsHubName(), t.logsRecoveryConsumerGroup(), credential.get()));
    DeferredLogAggregation deferred = new DeferredLogAggregation(aggregateLogBatch(),
        (partition, from, until) -> logsHub.get().read(partition, from, until), stores.get().progress(), "logs",
        t.deferral(), clock, heldBytes);
    new IdleFlush<>("LogAggregation", deferred::flushIdle, logBatchTelemetry()::observed).start(t.deferral().maxAge());
    return deferred;
  }

  /**
   * {@link #aggregateLogBatch(LogWindowStore, DeadLetterStore, LogWindowExport)} writing every batch
   * when it arrives: replays and tests.
   *
   * @throws NullPointerException if an argument is null
   */
  public DeferredLogAggregation logAggregation(LogWindowStore windows, DeadLetterStore deadLetters,
      LogWindowExport export) {
    return DeferredLogAggregation.writingEveryBatch(aggregateLogBatch(windows, deadLetters, export), clock);
  }

  /** The log aggregation use case over this root's log window store, dead-letter store and export. */
  public AggregateLogBatch aggregateLogBatch() {
    return aggregateLogBatch(stores.get().logWindows(), stores.get().deadLetters(), exports.get().logWindows());
  }

  /**
   * A log aggregation use case over the given ports with Pulse's log decoders and this root's
   * lateness policy and clock (replays, tests).
   *
   * @throws NullPointerException if an argument is null
   */
  public AggregateLogBatch aggregateLogBatch(LogWindowStore windows, DeadLetterStore deadLetters,
      LogWindowExport export) {
    return AggregateLogBatch.withPulseDecoders(windows, deadLetters, export, latenessPolicy(), clock);
  }

  /** Reports each aggregated logs-hub batch to {@link #telemetry()}. */
  public LogBatchTelemetry logBatchTelemetry() {
    return new LogBatchTelemetry(telemetry(), ingestCounters);
  }

  /** Reports each aggregated batch to {@link #telemetry()} and to the counters {@link #healthCheck()} shows. */
  public BatchObserver batchObserver() {
    BatchObserver metrics = new BatchTelemetry(telemetry());
    return (batch, result) -> {
      ingestCounters.observed(batch, result);
      metrics.observed(batch, result);
    };
  }

  // ---- OTLP metrics (OtlpMetricsAggregation) ----

  /** The kept metric dimensions ({@code OTLP_METRIC_DIMENSIONS}). */
  public MetricDimensions metricDimensions() {
    return new MetricDimensions(config.otlpMetrics().dimensions());
  }

  /**
   * The use case of the OTLP metrics function: {@link #aggregateMetricBatch()} through
   * {@link DeferredMetricAggregation}, holding as {@link #telemetryAggregation()} does (progress scope
   * {@code metrics}, recovery reads of {@code METRICS_HUB_NAME} with
   * {@code METRICS_RECOVERY_CONSUMER_GROUP}, its own idle flush thread); locally every batch is
   * written when it arrives.
   */
  public DeferredMetricAggregation metricAggregation() {
    PulseConfig.Telemetry t = config.telemetry();
    if (config.cosmos().isEmpty() || t.hubNamespace().isEmpty()) {
      return DeferredMetricAggregation.writingEveryBatch(aggregateMetricBatch(), clock);
    }
    Lazy<EventHubsPartitionSource> metricsHub = Lazy.of(() -> new EventHubsPartitionSource(
        t.hubNamespace().orElseThrow(), t.metricsHubName(), t.metricsRecoveryConsumerGroup(), credential.get()));
    DeferredMetricAggregation deferred = new DeferredMetricAggregation(aggregateMetricBatch(),
        (partition, from, until) -> metricsHub.get().read(partition, from, until), stores.get().progress(), "metrics",
        t.deferral(), clock, heldBytes);
    new IdleFlush<>("OtlpMetricsAggregation", deferred::flushIdle, metricBatchTelemetry()::observed)
        .start(t.deferral().maxAge());
    return deferred;
  }

  /**
   * {@link #aggregateMetricBatch(MetricWindowStore, DeadLetterStore, MetricWindowExport)} writing every
   * batch when it arrives: replays and tests.
   *
   * @throws NullPointerException if an argument is null
   */
  public DeferredMetricAggregation metricAggregation(MetricWindowStore store, DeadLetterStore deadLetters,
      MetricWindowExport export) {
    return DeferredMetricAggregation.writingEveryBatch(aggregateMetricBatch(store, deadLetters, export), clock);
  }

  /** The OTLP metrics use case over this root's metric windows, dead letters and history export. */
  public AggregateMetricBatch aggregateMetricBatch() {
    return aggregateMetricBatch(stores.get().metricWindows(), stores.get().deadLetters(),
        exports.get().metricWindows());
  }

  /**
   * The OTLP metrics use case over the given ports with this root's dimensions, lateness policy and
   * clock (replays, tests).
   *
   * @throws NullPointerException if an argument is null
   */
  public AggregateMetricBatch aggregateMetricBatch(MetricWindowStore store, DeadLetterStore deadLetters,
      MetricWindowExport export) {
    return new AggregateMetricBatch(metricDimensions(), store, deadLetters, export, latenessPolicy(), clock);
  }

  /** Reports each batch of the metrics hub to {@link #telemetry()}. */
  public MetricBatchTelemetry metricBatchTelemetry() {
    return new MetricBatchTelemetry(telemetry(), ingestCounters);
  }

  /**
   * A producer for the telemetry hub (dead-letter replay) with this root's credential. The caller
   * closes it.
   *
   * @throws IllegalStateException if the hub's namespace or name is not set
   */
  public EventHubProducerClient telemetryProducer() {
    PulseConfig.Telemetry t = config.telemetry();
    if (t.hubNamespace().isEmpty() || t.hubName().isEmpty()) {
      throw new IllegalStateException("set " + Setting.TELEMETRY_HUB_FULLY_QUALIFIED_NAMESPACE.key() + " and "
          + Setting.TELEMETRY_HUB_NAME.key() + " to re-publish to the telemetry hub");
    }
    return new EventHubClientBuilder().credential(t.hubNamespace().get(), t.hubName().get(), credential.get())
        .buildProducerClient();
  }

  // ---- clients, chosen by the configuration ---------------------------------------------------

  private OpenTelemetry createOpenTelemetry() {
    OpenTelemetry otel = config.applicationInsights()
        .map(connectionString -> TelemetrySetup.create(connectionString, credential.get()))
        .orElseGet(OpenTelemetry::noop);
    OpenTelemetryLogHandler.install(otel, "com.pulse");
    return otel;
  }

  private Stores createStores() {
    return config.cosmos().map(c -> {
      CosmosStores cosmos = CosmosStores.open(
          CosmosClients.create(c.endpoint(), credential.get(), CosmosClients.ConnectionMode.parse(c.connectionMode())),
          c.database(), c.createIfMissing(), CosmosTelemetry.create(openTelemetry.get()), tracing());
      return new Stores(cosmos.metrics(), cosmos.windows(), cosmos.deadLetters(), cosmos.notifications(),
          cosmos.heldDigests(), cosmos.metricWindows(), cosmos.logWindows(), cosmos.progress());
    }).orElseGet(() -> new Stores(new InMemoryMetricStore(), new InMemoryWindowStore(),
        new FileDeadLetterStore(config.localDir().resolve(DEAD_LETTER_FILE)),
        new FileNotificationStateStore(config.localDir().resolve("notifications")),
        new FileHeldDigestStore(config.localDir().resolve("notifications").resolve("held")),
        new InMemoryMetricWindowStore(), new InMemoryLogWindowStore(), new InMemoryPartitionProgressStore()));
  }

  /**
   * The telemetry hub's events by sequence number ({@link EventHubsPartitionSource}, consumer group
   * {@code TELEMETRY_RECOVERY_CONSUMER_GROUP}) when the hub and Cosmos DB are set; empty otherwise.
   */
  private Optional<PartitionSource> partitionSource() {
    PulseConfig.Telemetry t = config.telemetry();
    if (config.cosmos().isEmpty() || t.hubNamespace().isEmpty() || t.hubName().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of((partition, from, until) -> partitionSource.get().read(partition, from, until));
  }

  /** Event Hubs or JSON lines, as {@link Exports}. */
  private Exports createExports() {
    return config.export()
        .map(e -> exports(EventHubsMetricExport.create(e.namespace(), e.hubName(), credential.get())))
        .orElseGet(() -> exports(new JsonLinesExport(config.localDir().resolve("export"))));
  }

  /** {@code adapter} seen through each signal's port, every call observed ({@link ObservedMetricExport}). */
  private <E extends MetricExport & LogWindowExport & MetricWindowExport> Exports exports(E adapter) {
    ObservedMetricExport observed = new ObservedMetricExport(adapter, telemetry(), tracing());
    return new Exports(observed, observed, observed);
  }

  /** Key Vault or {@code PULSE_SECRET_*}; the warehouse secret is loaded at once, so a missing one fails early. */
  private SecretSource createSecretSource() {
    SecretSource source = config.keyVault()
        .<SecretSource>map(kv -> KeyVaultSecretSource.create(kv.uri(), credential.get(), clock, kv.refreshInterval()))
        .orElseGet(() -> new EnvironmentSecretSource(config.localSecrets()));
    source.require(config.warehouse().connectionSecretName().stream().toList());
    return source;
  }

  private Notifier createNotifier() {
    PulseConfig.Notifications n = config.notifications();
    return n.acsEndpoint().<Notifier>map(endpoint -> AcsEmailNotifier.create(endpoint, credential.get(), n.senderAddress()))
        .orElseGet(() -> new OutboxNotifier(config.localDir().resolve("outbox"), n.senderAddress()));
  }

  /**
   * The warehouse JDBC URL: {@code WAREHOUSE_JDBC_URL}, else the Key Vault secret
   * {@code WAREHOUSE_CONNECTION_SECRET_NAME} names, else (CLI only) the local DuckDB file.
   *
   * @throws IllegalStateException in the Functions host when neither setting is set, naming both
   */
  String warehouseJdbcUrl() {
    PulseConfig.Warehouse w = config.warehouse();
    if (w.jdbcUrl().isPresent()) {
      return w.jdbcUrl().get();
    }
    if (w.connectionSecretName().isPresent()) {
      return secrets.get().secret(w.connectionSecretName().get());
    }
    if (localWarehouse.isPresent()) {
      return "jdbc:duckdb:" + config.localDir().resolve(DEFAULT_WAREHOUSE_FILE);
    }
    throw new IllegalStateException(NO_WAREHOUSE);
  }

  /** What to set when the Functions host has no warehouse. */
  static final String NO_WAREHOUSE = "no warehouse configured: set " + Setting.WAREHOUSE_JDBC_URL.key()
      + " to the warehouse's jdbc:sqlserver: URL (no credentials; the managed identity's Entra token is used), or "
      + Setting.WAREHOUSE_CONNECTION_SECRET_NAME.key() + " to the name of a Key Vault secret holding that URL (with "
      + Setting.KEY_VAULT_URI.key() + "); see docs/CONFIGURATION.md";

  private Warehouse createWarehouse() {
    String url = warehouseJdbcUrl();
    if (url.startsWith("jdbc:sqlserver:")) {
      int end = url.indexOf(';');
      return new JdbcWarehouse(new SqlServerConnectionSource(url, credential.get(), clock),
          end < 0 ? url : url.substring(0, end), SqlDialect.ofJdbcUrl(url));
    }
    if (url.startsWith("jdbc:duckdb:")) {
      ConnectionSource source = localWarehouse.orElseThrow(() -> new IllegalStateException("cannot open the DuckDB warehouse "
          + url + ": DuckDB is local-only (the CLI); in Azure set " + Setting.WAREHOUSE_JDBC_URL.key() + " or "
          + Setting.WAREHOUSE_CONNECTION_SECRET_NAME.key() + " to a jdbc:sqlserver: URL")).apply(url);
      return new JdbcWarehouse(source, url, SqlDialect.ofJdbcUrl(url));
    }
    throw new IllegalArgumentException("the warehouse URL must start with jdbc:sqlserver: or jdbc:duckdb:, got "
        + url.split(";")[0]);
  }
}
