package com.pulse.functions;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.messaging.eventhubs.EventHubClientBuilder;
import com.azure.messaging.eventhubs.EventHubProducerClient;
import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryWindowExport;
import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.app.port.DeadLetterStore;
import com.pulse.app.port.MetricExport;
import com.pulse.app.port.WindowStore;
import com.pulse.app.telemetry.AggregateBatch;
import com.pulse.config.Settings;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.decode.TelemetryDecoders;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the telemetry use case from app settings ({@link Settings#TELEMETRY_ALLOWED_LATENESS}) and
 * the ports it needs. This is the telemetry slice of the composition root: the lead folds
 * {@link #aggregateBatch(WindowStore, DeadLetterStore, MetricExport)} into {@code CompositionRoot},
 * passing the Cosmos DB window and dead-letter stores and the Event Hubs export; {@link #get()} is the
 * in-process default (local mode). Thread-safe.
 */
public final class TelemetryWiring {
  /** Allowed lateness when {@link Settings#TELEMETRY_ALLOWED_LATENESS} is not set: 5 minutes. */
  public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ofMinutes(5);
  private static volatile TelemetryWiring instance;

  private final Map<String, String> settings;
  private final LatenessPolicy policy;
  private final Clock clock;
  private AggregateBatch local;

  private TelemetryWiring(Map<String, String> settings, Clock clock) {
    this.settings = Map.copyOf(settings);
    this.policy = LatenessPolicy.of(allowedLateness(settings));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The process-wide wiring over the environment, created on first call. */
  public static TelemetryWiring get() {
    if (instance == null) {
      synchronized (TelemetryWiring.class) {
        if (instance == null) {
          instance = new TelemetryWiring(System.getenv(), Clock.systemUTC());
        }
      }
    }
    return instance;
  }

  /**
   * Wiring over explicit settings.
   *
   * @throws IllegalArgumentException if {@link Settings#TELEMETRY_ALLOWED_LATENESS} is not an ISO-8601
   *     duration {@code >= 0}
   */
  public static TelemetryWiring create(Map<String, String> settings, Clock clock) {
    return new TelemetryWiring(settings, clock);
  }

  /** The clock. */
  public Clock clock() {
    return clock;
  }

  /**
   * A producer for the telemetry hub (dead-letter replay): namespace
   * {@link Settings#TELEMETRY_HUB_FULLY_QUALIFIED_NAMESPACE}, hub {@link Settings#TELEMETRY_HUB_NAME},
   * {@code DefaultAzureCredential} (managed identity {@link Settings#AZURE_CLIENT_ID} when set). No keys.
   *
   * @throws IllegalStateException if the namespace or hub name is not set
   */
  public EventHubProducerClient telemetryProducer() {
    String namespace = settings.get(Settings.TELEMETRY_HUB_FULLY_QUALIFIED_NAMESPACE);
    String hub = settings.get(Settings.TELEMETRY_HUB_NAME);
    if (namespace == null || namespace.isBlank() || hub == null || hub.isBlank()) {
      throw new IllegalStateException("set " + Settings.TELEMETRY_HUB_FULLY_QUALIFIED_NAMESPACE + " and "
          + Settings.TELEMETRY_HUB_NAME + " to re-publish to the telemetry hub");
    }
    DefaultAzureCredentialBuilder credential = new DefaultAzureCredentialBuilder();
    String clientId = settings.get(Settings.AZURE_CLIENT_ID);
    if (clientId != null && !clientId.isBlank()) {
      credential.managedIdentityClientId(clientId);
    }
    return new EventHubClientBuilder().credential(namespace.trim(), hub.trim(), credential.build()).buildProducerClient();
  }

  /** The lateness policy from the settings. */
  public LatenessPolicy policy() {
    return policy;
  }

  /** The use case over the given ports, with the Pulse decoders, this policy and clock. */
  public AggregateBatch aggregateBatch(WindowStore windows, DeadLetterStore deadLetters, MetricExport export) {
    return new AggregateBatch(() -> new TelemetryDecoders()::forContentType, windows, deadLetters, export, policy, clock);
  }

  /** The use case over in-process stores (local mode), built once. */
  public synchronized AggregateBatch aggregateBatch() {
    if (local == null) {
      local = aggregateBatch(new InMemoryWindowStore(), new InMemoryDeadLetterStore(), new InMemoryWindowExport());
    }
    return local;
  }

  /**
   * Parses {@link Settings#TELEMETRY_ALLOWED_LATENESS}.
   *
   * @throws IllegalArgumentException if the value is not an ISO-8601 duration {@code >= 0}
   */
  static Duration allowedLateness(Map<String, String> settings) {
    String value = settings.get(Settings.TELEMETRY_ALLOWED_LATENESS);
    if (value == null || value.isBlank()) {
      return DEFAULT_ALLOWED_LATENESS;
    }
    try {
      Duration d = Duration.parse(value.trim());
      if (d.isNegative()) {
        throw new IllegalArgumentException("app setting " + Settings.TELEMETRY_ALLOWED_LATENESS + " must be >= 0, got " + value);
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "app setting " + Settings.TELEMETRY_ALLOWED_LATENESS + " must be an ISO-8601 duration such as PT5M, got '" + value + "'", e);
    }
  }
}
