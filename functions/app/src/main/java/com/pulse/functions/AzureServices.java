package com.pulse.functions;

import com.azure.core.credential.TokenCredential;
import com.pulse.adapter.email.AcsEmailNotifier;
import com.pulse.adapter.eventhubs.EventHubsMetricExport;
import com.pulse.adapter.keyvault.KeyVaultSecretSource;
import com.pulse.adapter.local.EnvironmentSecretSource;
import com.pulse.adapter.local.OutboxNotifier;
import com.pulse.app.notify.CheckFreshness;
import com.pulse.app.notify.NotifyCustomerEngineers;
import com.pulse.app.notify.NotifySloBreaches;
import com.pulse.app.port.MetricExport;
import com.pulse.app.port.MetricStore;
import com.pulse.app.port.HeldDigestStore;
import com.pulse.app.port.NotificationStateStore;
import com.pulse.app.port.Notifier;
import com.pulse.app.port.SecretSource;
import com.pulse.config.Settings;
import com.pulse.domain.catalog.MetricDefinition;
import com.pulse.domain.notify.DigestComposer;
import com.pulse.domain.notify.EpisodeTracker;
import com.pulse.domain.notify.FreshnessPolicy;
import com.pulse.domain.notify.SloEvaluator;
import com.pulse.domain.tenant.TenantDirectory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Setting parsers and adapter factories for {@link CompositionRoot}: each reads its settings
 * ({@link Settings}) from the map it is given (the app settings, read once by the root) and picks
 * the Azure adapter when its setting is present, the local one otherwise. Stateless.
 */
public final class AzureServices {
  /** Default {@link Settings#KEY_VAULT_REFRESH_INTERVAL}. */
  public static final Duration DEFAULT_SECRET_REFRESH = Duration.ofMinutes(15);
  /** Default {@link Settings#NOTIFY_REMINDER_PERIOD}. */
  public static final Duration DEFAULT_REMINDER_PERIOD = Duration.ofDays(1);
  /** Default {@link Settings#METRIC_FRESHNESS_GRACE}. */
  public static final Duration DEFAULT_FRESHNESS_GRACE = Duration.ofHours(1);
  /** Default {@link Settings#TELEMETRY_ALLOWED_LATENESS}: 5 minutes. */
  public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ofMinutes(5);
  /** How long a resolved episode stays in the notification state. */
  public static final Duration RESOLVED_RETENTION = Duration.ofDays(7);

  private AzureServices() {}

  /**
   * The {@code metrics-out} Event Hubs export, or empty when {@link Settings#METRICS_OUT_NAMESPACE}
   * is unset (the composition root then uses the local JSON-lines export).
   *
   * @throws IllegalArgumentException if the namespace is set but {@link Settings#METRICS_OUT_HUB_NAME} is not
   */
  public static Optional<MetricExport> metricExport(Map<String, String> settings, TokenCredential credential) {
    return optional(settings, Settings.METRICS_OUT_NAMESPACE).map(namespace -> EventHubsMetricExport.create(
        namespace, required(settings, Settings.METRICS_OUT_HUB_NAME), credential));
  }

  /**
   * Key Vault when {@link Settings#KEY_VAULT_URI} is set, else {@link EnvironmentSecretSource} over
   * {@code environment}. Call {@link SecretSource#require} with the secret names the configuration
   * uses right after, so a missing secret fails start-up.
   *
   * @throws IllegalArgumentException if {@link Settings#KEY_VAULT_REFRESH_INTERVAL} is malformed
   */
  public static SecretSource secretSource(Map<String, String> settings, TokenCredential credential, Clock clock) {
    return optional(settings, Settings.KEY_VAULT_URI)
        .<SecretSource>map(uri -> KeyVaultSecretSource.create(uri, credential, clock,
            duration(settings, Settings.KEY_VAULT_REFRESH_INTERVAL, DEFAULT_SECRET_REFRESH)))
        .orElseGet(() -> new EnvironmentSecretSource(settings));
  }

  /**
   * {@link #secretSource(Map, TokenCredential, Clock)} that has loaded {@code requiredNames} once, so a
   * missing secret fails start-up.
   *
   * @param requiredNames secret names the configuration refers to (e.g. the value of the warehouse
   *     connection secret setting); blank names are ignored
   * @throws IllegalStateException naming every missing secret
   * @throws com.pulse.app.port.DependencyException if the vault is unreachable
   */
  public static SecretSource secretSource(Map<String, String> settings, TokenCredential credential, Clock clock,
      Collection<String> requiredNames) {
    SecretSource source = secretSource(settings, credential, clock);
    source.require(requiredNames.stream().filter(n -> n != null && !n.isBlank()).toList());
    return source;
  }

  /**
   * ACS Email when {@link Settings#ACS_ENDPOINT} is set, else the outbox in {@code outboxDirectory}.
   *
   * @throws IllegalArgumentException if ACS is configured without {@link Settings#EMAIL_SENDER_ADDRESS}
   */
  public static Notifier notifier(Map<String, String> settings, TokenCredential credential, Path outboxDirectory) {
    return optional(settings, Settings.ACS_ENDPOINT)
        .<Notifier>map(endpoint -> AcsEmailNotifier.create(endpoint, credential,
            required(settings, Settings.EMAIL_SENDER_ADDRESS)))
        .orElseGet(() -> new OutboxNotifier(outboxDirectory,
            optional(settings, Settings.EMAIL_SENDER_ADDRESS).orElse("pulse@localhost")));
  }

  /**
   * The digest use case: tenant owners from the tenants file, catalog owners and
   * {@link Settings#NOTIFY_CUSTOMER_ENGINEERS} for metric-wide notices,
   * {@link Settings#NOTIFY_REMINDER_PERIOD} between reminders, {@link Settings#NOTIFY_DIGEST_MAX_ITEMS}
   * notices per section and {@link Settings#NOTIFY_WORKBOOK_LINK} for links.
   *
   * @throws IllegalArgumentException if a setting is malformed
   */
  public static NotifyCustomerEngineers notifyCustomerEngineers(Map<String, String> settings,
      List<MetricDefinition> catalog, TenantDirectory tenants, NotificationStateStore states, HeldDigestStore held,
      Notifier notifier, Clock clock) {
    Map<String, List<String>> owners = new LinkedHashMap<>();
    catalog.forEach(m -> owners.put(m.name(), m.owners()));
    List<String> customerEngineers = optional(settings, Settings.NOTIFY_CUSTOMER_ENGINEERS)
        .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
    customerEngineers.forEach(address -> {
      if (!address.matches("[^@\\s]+@[^@\\s]+")) {
        throw new IllegalArgumentException(Settings.NOTIFY_CUSTOMER_ENGINEERS + " has an invalid address: " + address);
      }
    });
    int maxItems = integer(settings, Settings.NOTIFY_DIGEST_MAX_ITEMS, DigestComposer.DEFAULT_MAX_PER_SECTION);
    String workbookLink = optional(settings, Settings.NOTIFY_WORKBOOK_LINK).orElse(null);
    List<String> swept = tenants.tenants().stream().map(com.pulse.domain.tenant.Tenant::id).toList();
    return new NotifyCustomerEngineers(states, held, notifier,
        new EpisodeTracker(duration(settings, Settings.NOTIFY_REMINDER_PERIOD, DEFAULT_REMINDER_PERIOD),
            RESOLVED_RETENTION),
        new DigestComposer(tenants, owners, customerEngineers, maxItems, workbookLink), () -> swept, clock);
  }

  /** The SLO check to run after each warehouse-metrics run, over the points that run wrote. */
  public static NotifySloBreaches notifySloBreaches(List<MetricDefinition> catalog, NotifyCustomerEngineers notify) {
    Map<String, MetricDefinition> byName = new LinkedHashMap<>();
    catalog.forEach(m -> byName.put(m.name(), m));
    return new NotifySloBreaches(new SloEvaluator(byName), notify);
  }

  /**
   * The freshness watchdog use case ({@link Settings#METRIC_FRESHNESS_GRACE}).
   *
   * @throws IllegalArgumentException if the grace setting is malformed
   */
  public static CheckFreshness checkFreshness(Map<String, String> settings, MetricStore store,
      Supplier<List<MetricDefinition>> catalog, NotifyCustomerEngineers notify, Clock clock) {
    return new CheckFreshness(store, catalog,
        new FreshnessPolicy(duration(settings, Settings.METRIC_FRESHNESS_GRACE, DEFAULT_FRESHNESS_GRACE)), notify, clock);
  }

  /**
   * {@link Settings#TELEMETRY_ALLOWED_LATENESS}, default {@link #DEFAULT_ALLOWED_LATENESS}.
   *
   * @throws IllegalArgumentException if the value is not an ISO-8601 duration {@code >= 0}
   */
  public static Duration allowedLateness(Map<String, String> settings) {
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
      throw new IllegalArgumentException("app setting " + Settings.TELEMETRY_ALLOWED_LATENESS
          + " must be an ISO-8601 duration such as PT5M, got '" + value + "'", e);
    }
  }

  /**
   * A boolean setting: {@code true} or {@code false} (any case); false when unset.
   *
   * @throws IllegalArgumentException naming the setting for any other value
   */
  public static boolean bool(Map<String, String> settings, String name) {
    String value = settings.get(name);
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(name + " must be 'true' or 'false', was '" + value + "'");
    };
  }

  /**
   * An integer setting, {@code fallback} when unset.
   *
   * @throws IllegalArgumentException naming the setting if the value is not an integer
   */
  public static int integer(Map<String, String> settings, String name, int fallback) {
    return optional(settings, name).map(v -> {
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("app setting " + name + " must be an integer, got '" + v + "'", e);
      }
    }).orElse(fallback);
  }

  /** The trimmed value of setting {@code name}, empty when unset or blank. */
  public static Optional<String> optional(Map<String, String> settings, String name) {
    return Optional.ofNullable(settings.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  private static String required(Map<String, String> settings, String name) {
    return optional(settings, name).orElseThrow(() -> new IllegalArgumentException("app setting " + name + " is required"));
  }

  /** Parses an ISO-8601 duration setting, e.g. {@code PT15M}; default when unset. */
  static Duration duration(Map<String, String> settings, String name, Duration defaultValue) {
    Objects.requireNonNull(defaultValue, "defaultValue");
    return optional(settings, name).map(text -> {
      try {
        Duration d = Duration.parse(text);
        if (d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException("app setting " + name + " must be a positive duration: " + text);
        }
        return d;
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("app setting " + name + " must be an ISO-8601 duration such as PT15M: "
            + text, e);
      }
    }).orElse(defaultValue);
  }
}
