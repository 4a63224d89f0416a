package com.pulse.config;

import com.pulse.config.InvalidConfigurationException.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Pulse's configuration as one typed, validated value, parsed once at start-up from the app settings
 * by {@link #parse}: one record per area, Azure services as {@link Optional}s (empty = the embedded
 * local adapter). Names, rules and defaults come from the {@link Setting} table. Immutable.
 *
 * @param localDir local data folder ({@link Setting#PULSE_LOCAL_DIR})
 * @param managedIdentityClientId {@link Setting#AZURE_CLIENT_ID}
 * @param applicationInsights {@link Setting#APPLICATIONINSIGHTS_CONNECTION_STRING}
 * @param warehouse the warehouse-metrics job
 * @param telemetry the telemetry aggregation
 * @param cosmos the Cosmos DB stores, empty for the in-process ones
 * @param export the Event Hubs history export, empty for JSON lines
 * @param keyVault Key Vault, empty for {@code PULSE_SECRET_*} variables ({@link #localSecrets})
 * @param notifications the digest e-mail and the freshness watchdog
 * @param localSecrets the {@code PULSE_SECRET_*} variables, for local mode without Key Vault
 * @param otlpMetrics the OTLP metrics aggregation
 */
public record PulseConfig(
    Path localDir,
    Optional<String> managedIdentityClientId,
    Optional<String> applicationInsights,
    Warehouse warehouse,
    Telemetry telemetry,
    Optional<Cosmos> cosmos,
    Optional<Export> export,
    Optional<KeyVault> keyVault,
    Notifications notifications,
    Map<String, String> localSecrets,
    OtlpMetrics otlpMetrics) {

  /** The prefix of local secret variables, e.g. {@code PULSE_SECRET_WAREHOUSE_URL}. */
  public static final String LOCAL_SECRET_PREFIX = "PULSE_SECRET_";

  /**
   * @param jdbcUrl {@link Setting#WAREHOUSE_JDBC_URL}
   * @param connectionSecretName {@link Setting#WAREHOUSE_CONNECTION_SECRET_NAME}
   * @param queryMaxAttempts {@link Setting#WAREHOUSE_QUERY_MAX_ATTEMPTS}, 1..1000
   * @param maxCatchUpWindows {@link Setting#METRICS_MAX_CATCHUP_WINDOWS}, 1..1000
   * @param catalogPath {@link Setting#CATALOG_PATH}, empty for the packaged catalog
   */
  public record Warehouse(Optional<String> jdbcUrl, Optional<String> connectionSecretName, int queryMaxAttempts,
      int maxCatchUpWindows, Optional<Path> catalogPath) {}

  /**
   * @param allowedLateness {@link Setting#TELEMETRY_ALLOWED_LATENESS}, {@code >= 0}
   * @param hubNamespace {@link Setting#TELEMETRY_HUB_FULLY_QUALIFIED_NAMESPACE} (dead-letter replay)
   * @param hubName {@link Setting#TELEMETRY_HUB_NAME} (dead-letter replay)
   * @param windowShards {@link Setting#TELEMETRY_WINDOW_SHARDS}, 1..1000
   * @param recoveryConsumerGroup {@link Setting#TELEMETRY_RECOVERY_CONSUMER_GROUP}
   * @param deferral {@link Setting#TELEMETRY_HOLD_MAX_EVENTS}, {@link Setting#TELEMETRY_HOLD_MAX_SERIES},
   *     {@link Setting#TELEMETRY_HOLD_MAX_MIB} and
   *     {@link Setting#TELEMETRY_HOLD_MAX_AGE} over {@code host.json}'s full batch of 256 (every hub that holds: traces, logs, metrics)
   * @param logsHubName {@link Setting#LOGS_HUB_NAME} (the logs hub's recovery reads)
   * @param logsRecoveryConsumerGroup {@link Setting#LOGS_RECOVERY_CONSUMER_GROUP}
   * @param metricsHubName {@link Setting#METRICS_HUB_NAME} (the metrics hub's recovery reads)
   * @param metricsRecoveryConsumerGroup {@link Setting#METRICS_RECOVERY_CONSUMER_GROUP}
   */
  public record Telemetry(Duration allowedLateness, Optional<String> hubNamespace, Optional<String> hubName,
      int windowShards, String recoveryConsumerGroup, com.pulse.app.telemetry.DeferralPolicy deferral,
      String logsHubName, String logsRecoveryConsumerGroup, String metricsHubName,
      String metricsRecoveryConsumerGroup) {}

  /** @param dimensions {@link Setting#OTLP_METRIC_DIMENSIONS}: attribute names kept as dimensions */
  public record OtlpMetrics(List<String> dimensions) {}

  /**
   * @param endpoint {@link Setting#COSMOS_ENDPOINT}
   * @param database {@link Setting#COSMOS_DATABASE}
   * @param createIfMissing {@link Setting#COSMOS_CREATE_IF_MISSING}
   * @param connectionMode {@link Setting#COSMOS_CONNECTION_MODE}, {@code direct} or {@code gateway}
   */
  public record Cosmos(String endpoint, String database, boolean createIfMissing, String connectionMode) {}

  /** @param namespace {@link Setting#METRICS_OUT_NAMESPACE} @param hubName {@link Setting#METRICS_OUT_HUB_NAME} */
  public record Export(String namespace, String hubName) {}

  /** @param uri {@link Setting#KEY_VAULT_URI} @param refreshInterval {@link Setting#KEY_VAULT_REFRESH_INTERVAL} */
  public record KeyVault(String uri, Duration refreshInterval) {}

  /**
   * @param acsEndpoint {@link Setting#ACS_ENDPOINT}, empty for the outbox folder
   * @param senderAddress {@link Setting#EMAIL_SENDER_ADDRESS}
   * @param reminderPeriod {@link Setting#NOTIFY_REMINDER_PERIOD}
   * @param customerEngineers {@link Setting#NOTIFY_CUSTOMER_ENGINEERS}, possibly empty
   * @param freshnessGrace {@link Setting#METRIC_FRESHNESS_GRACE}
   * @param tenantsPath {@link Setting#TENANTS_PATH}, empty for the packaged tenants file
   * @param digestMaxItems {@link Setting#NOTIFY_DIGEST_MAX_ITEMS}
   * @param workbookLink {@link Setting#NOTIFY_WORKBOOK_LINK}, empty for no links
   */
  public record Notifications(Optional<String> acsEndpoint, String senderAddress, Duration reminderPeriod,
      List<String> customerEngineers, Duration freshnessGrace, Optional<Path> tenantsPath, int digestMaxItems,
      Optional<String> workbookLink) {}

  /** @throws NullPointerException if a component is null */
  public PulseConfig {
    Objects.requireNonNull(localDir, "localDir");
    Objects.requireNonNull(warehouse, "warehouse");
    Objects.requireNonNull(telemetry, "telemetry");
    Objects.requireNonNull(notifications, "notifications");
    Objects.requireNonNull(otlpMetrics, "otlpMetrics");
    localSecrets = Map.copyOf(localSecrets);
  }

  /**
   * Parses and validates every setting of the {@link Setting} table at once; blank values count as
   * unset and take the table's default.
   *
   * @param settings app settings (environment variables), e.g. {@code System.getenv()}
   * @return the configuration
   * @throws InvalidConfigurationException listing every setting that breaks its rule, and every
   *     missing setting another one requires
   */
  public static PulseConfig parse(Map<String, String> settings) {
    Reader r = new Reader(settings);
    Optional<String> cosmosEndpoint = r.optional(Setting.COSMOS_ENDPOINT);
    Optional<String> exportNamespace = r.optional(Setting.METRICS_OUT_NAMESPACE);
    Optional<String> keyVaultUri = r.optional(Setting.KEY_VAULT_URI);
    Optional<String> acsEndpoint = r.optional(Setting.ACS_ENDPOINT);
    if (acsEndpoint.isPresent()) {
      r.require(Setting.EMAIL_SENDER_ADDRESS, "required when ACS_ENDPOINT is set (a verified sender of the ACS domain)");
    }
    Warehouse warehouse = new Warehouse(r.optional(Setting.WAREHOUSE_JDBC_URL),
        r.optional(Setting.WAREHOUSE_CONNECTION_SECRET_NAME), r.value(Setting.WAREHOUSE_QUERY_MAX_ATTEMPTS),
        r.value(Setting.METRICS_MAX_CATCHUP_WINDOWS), r.<String>optional(Setting.CATALOG_PATH).map(Path::of));
    Telemetry telemetry = new Telemetry(r.value(Setting.TELEMETRY_ALLOWED_LATENESS),
        r.optional(Setting.TELEMETRY_HUB_FULLY_QUALIFIED_NAMESPACE), r.optional(Setting.TELEMETRY_HUB_NAME),
        r.value(Setting.TELEMETRY_WINDOW_SHARDS), r.value(Setting.TELEMETRY_RECOVERY_CONSUMER_GROUP),
        new com.pulse.app.telemetry.DeferralPolicy(com.pulse.app.telemetry.DeferralPolicy.DEFAULT.fullBatchEvents(),
            r.<Integer>value(Setting.TELEMETRY_HOLD_MAX_EVENTS), (long) r.<Integer>value(Setting.TELEMETRY_HOLD_MAX_MIB) << 20,
            r.value(Setting.TELEMETRY_HOLD_MAX_AGE), r.<Integer>value(Setting.TELEMETRY_HOLD_MAX_SERIES)),
        r.value(Setting.LOGS_HUB_NAME), r.value(Setting.LOGS_RECOVERY_CONSUMER_GROUP), r.value(Setting.METRICS_HUB_NAME),
        r.value(Setting.METRICS_RECOVERY_CONSUMER_GROUP));
    Optional<Cosmos> cosmos = cosmosEndpoint.map(endpoint -> new Cosmos(endpoint, r.value(Setting.COSMOS_DATABASE),
        r.value(Setting.COSMOS_CREATE_IF_MISSING), r.value(Setting.COSMOS_CONNECTION_MODE)));
    Optional<Export> export = exportNamespace.map(ns -> new Export(ns, r.value(Setting.METRICS_OUT_HUB_NAME)));
    Optional<KeyVault> keyVault = keyVaultUri.map(uri -> new KeyVault(uri, r.value(Setting.KEY_VAULT_REFRESH_INTERVAL)));
    Notifications notifications = new Notifications(acsEndpoint, r.value(Setting.EMAIL_SENDER_ADDRESS), r.value(Setting.NOTIFY_REMINDER_PERIOD),
        r.<List<String>>optional(Setting.NOTIFY_CUSTOMER_ENGINEERS).orElse(List.of()), r.value(Setting.METRIC_FRESHNESS_GRACE),
        r.<String>optional(Setting.TENANTS_PATH).map(Path::of), r.value(Setting.NOTIFY_DIGEST_MAX_ITEMS),
        r.optional(Setting.NOTIFY_WORKBOOK_LINK));
    Path localDir = Path.of(r.<String>value(Setting.PULSE_LOCAL_DIR));
    Optional<String> identity = r.optional(Setting.AZURE_CLIENT_ID);
    Optional<String> insights = r.optional(Setting.APPLICATIONINSIGHTS_CONNECTION_STRING);
    OtlpMetrics otlpMetrics = new OtlpMetrics(r.value(Setting.OTLP_METRIC_DIMENSIONS));
    r.validateRest();
    r.throwIfProblems();
    Map<String, String> secrets = new TreeMap<>();
    settings.forEach((k, v) -> {
      if (k.startsWith(LOCAL_SECRET_PREFIX) && v != null) {
        secrets.put(k, v);
      }
    });
    return new PulseConfig(localDir, identity, insights, warehouse, telemetry, cosmos, export, keyVault, notifications, secrets,
        otlpMetrics);
  }

  /** Reads typed values, collecting every problem instead of stopping at the first. */
  private static final class Reader {
    private final Map<String, String> settings;
    private final List<Problem> problems = new ArrayList<>();
    private final java.util.Set<Setting> read = java.util.EnumSet.noneOf(Setting.class);

    Reader(Map<String, String> settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The typed value, or empty when unset or broken (the problem is recorded). */
    @SuppressWarnings("unchecked")
    <T> Optional<T> optional(Setting setting) {
      read.add(setting);
      Optional<String> text = text(setting).or(setting::defaultValue);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of((T) setting.type().parse(text.get()));
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(setting.key(), settings.get(setting.key()), e.getMessage()));
        return Optional.empty();
      }
    }

    /** The typed value of a setting with a default; the default's value when the given one is broken. */
    @SuppressWarnings("unchecked")
    <T> T value(Setting setting) {
      String fallback = setting.defaultValue()
          .orElseThrow(() -> new IllegalStateException(setting + " has no default in the Setting table"));
      return this.<T>optional(setting).orElseGet(() -> (T) setting.type().parse(fallback));
    }

    /** Records a problem when {@code setting} is not given explicitly. */
    void require(Setting setting, String rule) {
      if (text(setting).isEmpty()) {
        problems.add(new Problem(setting.key(), null, rule));
      }
    }

    /** Checks the rule of every setting no area read (host-read settings such as schedules). */
    void validateRest() {
      for (Setting setting : Setting.values()) {
        if (!read.contains(setting)) {
          optional(setting);
        }
      }
    }

    void throwIfProblems() {
      if (!problems.isEmpty()) {
        List<Problem> ordered = new ArrayList<>(problems);
        ordered.sort(java.util.Comparator.comparing(p -> Setting.byKey(p.setting()).map(Enum::ordinal).orElse(0)));
        throw new InvalidConfigurationException(ordered);
      }
    }

    private Optional<String> text(Setting setting) {
      return Optional.ofNullable(settings.get(setting.key())).map(String::trim).filter(v -> !v.isEmpty());
    }
  }
}
