package com.pulse.functions;

import com.azure.core.credential.TokenCredential;
import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosDatabase;
import com.pulse.adapter.cosmos.CosmosCalls;
import com.pulse.adapter.cosmos.CosmosClients;
import com.pulse.adapter.cosmos.CosmosContainers;
import com.pulse.adapter.cosmos.CosmosDeadLetterStore;
import com.pulse.adapter.cosmos.CosmosMetricStore;
import com.pulse.adapter.cosmos.CosmosNotificationStateStore;
import com.pulse.adapter.cosmos.CosmosWindowStore;
import com.pulse.adapter.identity.AzureCredentials;
import com.pulse.adapter.telemetry.OpenTelemetryLogHandler;
import com.pulse.adapter.telemetry.TelemetrySetup;
import com.pulse.app.observability.PulseTelemetry;
import com.pulse.app.observability.PulseTracing;
import com.pulse.app.port.DeadLetterStore;
import com.pulse.app.port.MetricStore;
import com.pulse.app.port.NotificationStateStore;
import com.pulse.app.port.WindowStore;
import com.pulse.config.Settings;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the Azure side of the object graph from app settings (names in {@link Settings}): the one
 * Entra ID credential, OpenTelemetry (exporting to Application Insights when a connection string is
 * set), Pulse's instruments and spans, and — when {@code COSMOS_ENDPOINT} is set — the Cosmos DB
 * client and stores. The composition root creates one instance at start-up and takes what it needs;
 * everything here is thread-safe and meant to live for the process.
 *
 * <p>Settings read: {@code AZURE_CLIENT_ID}, {@code APPLICATIONINSIGHTS_CONNECTION_STRING},
 * {@code COSMOS_ENDPOINT}, {@code COSMOS_DATABASE} (default {@value #DEFAULT_DATABASE}),
 * {@code COSMOS_CREATE_IF_MISSING} (default false), {@code COSMOS_CONNECTION_MODE} (default direct).
 */
public final class AzureAdapters {
  /** Database id when {@code COSMOS_DATABASE} is unset. */
  public static final String DEFAULT_DATABASE = "pulse";
  /** Lifetime of minute-window documents after their last write. */
  public static final Duration MINUTE_WINDOW_TTL = Duration.ofDays(7);

  private final TokenCredential credential;
  private final OpenTelemetry openTelemetry;
  private final PulseTelemetry telemetry;
  private final PulseTracing tracing;
  private final CosmosStores cosmos;

  /** The Cosmos DB stores of one database, sharing one client. */
  public record CosmosStores(CosmosClient client, MetricStore metrics, WindowStore windows,
      DeadLetterStore deadLetters, NotificationStateStore notifications) {}

  private AzureAdapters(TokenCredential credential, OpenTelemetry openTelemetry, PulseTelemetry telemetry,
      PulseTracing tracing, CosmosStores cosmos) {
    this.credential = credential;
    this.openTelemetry = openTelemetry;
    this.telemetry = telemetry;
    this.tracing = tracing;
    this.cosmos = cosmos;
  }

  /**
   * Builds everything from {@code settings} (e.g. {@code System::getenv}); connects to Cosmos DB if
   * {@code COSMOS_ENDPOINT} is set. Also routes {@code com.pulse} log records to OpenTelemetry.
   *
   * @param settings setting name to value, null when unset
   * @param clock time source for lag and freshness metrics
   * @throws IllegalArgumentException if a setting has an invalid value (named in the message)
   * @throws com.pulse.app.port.DependencyException if creating missing containers fails transiently
   */
  public static AzureAdapters fromSettings(Function<String, String> settings, Clock clock) {
    return fromSettings(settings, clock, AzureCredentials.create(settings.apply(Settings.AZURE_CLIENT_ID)));
  }

  /**
   * As {@link #fromSettings(Function, Clock)} with a given credential instead of the one
   * {@code AZURE_CLIENT_ID} selects (CLI with an explicit credential, tests against local servers).
   *
   * @throws IllegalArgumentException if a setting has an invalid value (named in the message)
   * @throws NullPointerException if an argument is null
   */
  public static AzureAdapters fromSettings(Function<String, String> settings, Clock clock, TokenCredential credential) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(credential, "credential");
    OpenTelemetry openTelemetry = TelemetrySetup.create(
        settings.apply(Settings.APPLICATIONINSIGHTS_CONNECTION_STRING), credential);
    OpenTelemetryLogHandler.install(openTelemetry, "com.pulse");
    PulseTelemetry telemetry = PulseTelemetry.create(openTelemetry, clock);
    PulseTracing tracing = PulseTracing.create(openTelemetry);
    String endpoint = settings.apply(Settings.COSMOS_ENDPOINT);
    if (endpoint == null || endpoint.isBlank()) {
      return new AzureAdapters(credential, openTelemetry, telemetry, tracing, null);
    }
    // validate every Cosmos setting before connecting
    CosmosClients.ConnectionMode mode = CosmosClients.ConnectionMode.parse(settings.apply(Settings.COSMOS_CONNECTION_MODE));
    String database = Optional.ofNullable(settings.apply(Settings.COSMOS_DATABASE))
        .filter(value -> !value.isBlank()).orElse(DEFAULT_DATABASE);
    boolean create = parseBoolean(Settings.COSMOS_CREATE_IF_MISSING, settings.apply(Settings.COSMOS_CREATE_IF_MISSING));
    CosmosClient client = CosmosClients.create(endpoint.strip(), credential, mode);
    return new AzureAdapters(credential, openTelemetry, telemetry, tracing,
        cosmosStores(client, database, create, telemetry, tracing));
  }

  /**
   * The Cosmos DB stores of database {@code databaseId} on {@code client}.
   *
   * @param createIfMissing create the database and containers when missing
   */
  public static CosmosStores cosmosStores(CosmosClient client, String databaseId, boolean createIfMissing,
      PulseTelemetry telemetry, PulseTracing tracing) {
    CosmosDatabase database = CosmosContainers.open(client, databaseId, createIfMissing);
    Function<String, CosmosCalls> calls = container -> new CosmosCalls(container, telemetry, tracing);
    return new CosmosStores(client,
        new CosmosMetricStore(database.getContainer(CosmosContainers.METRICS), database.getContainer(CosmosContainers.JOBS),
            calls.apply(CosmosContainers.METRICS), calls.apply(CosmosContainers.JOBS)),
        new CosmosWindowStore(database.getContainer(CosmosContainers.WINDOWS), calls.apply(CosmosContainers.WINDOWS),
            MINUTE_WINDOW_TTL),
        new CosmosDeadLetterStore(database.getContainer(CosmosContainers.DEADLETTER),
            calls.apply(CosmosContainers.DEADLETTER)),
        new CosmosNotificationStateStore(database.getContainer(CosmosContainers.NOTIFICATIONS),
            calls.apply(CosmosContainers.NOTIFICATIONS)));
  }

  static boolean parseBoolean(String name, String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(name + " must be 'true' or 'false', was '" + value + "'");
    };
  }

  /** Builds from an explicit map of settings (tests, CLI flags). */
  public static AzureAdapters fromSettings(Map<String, String> settings, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    return fromSettings(settings::get, clock);
  }

  /** The app's Entra ID credential (also for Event Hubs, Key Vault, ACS Email, warehouse tokens). */
  public TokenCredential credential() {
    return credential;
  }

  /** The OpenTelemetry instance (SDK exporting to Azure Monitor, or no-op). */
  public OpenTelemetry openTelemetry() {
    return openTelemetry;
  }

  /** Pulse's metric instruments. */
  public PulseTelemetry telemetry() {
    return telemetry;
  }

  /** Pulse's span helpers. */
  public PulseTracing tracing() {
    return tracing;
  }

  /** The Cosmos DB stores, if {@code COSMOS_ENDPOINT} is set. */
  public Optional<CosmosStores> cosmos() {
    return Optional.ofNullable(cosmos);
  }
}
