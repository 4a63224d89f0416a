package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import com.azure.core.credential.TokenCredential;
import com.pulse.adapter.email.AcsEmailNotifier;
import com.pulse.adapter.eventhubs.EventHubsMetricExport;
import com.pulse.adapter.keyvault.KeyVaultSecretSource;
import com.pulse.adapter.local.EnvironmentSecretSource;
import com.pulse.adapter.local.InMemoryNotificationStateStore;
import com.pulse.adapter.local.OutboxNotifier;
import com.pulse.app.port.MetricExport;
import com.pulse.config.Settings;
import com.pulse.domain.notify.NotifyFixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AzureServicesTest {
  private final TokenCredential credential = mock(TokenCredential.class);

  @Test
  void localAdaptersWhenAzureSettingsAreAbsent() {
    assertThat(AzureServices.metricExport(Map.of(), credential)).isEmpty();
    assertThat(AzureServices.secretSource(Map.of(), credential, Clock.systemUTC()))
        .isInstanceOf(EnvironmentSecretSource.class);
    assertThat(AzureServices.notifier(Map.of(), credential, Path.of("target/outbox"))).isInstanceOf(OutboxNotifier.class);
  }

  @Test
  void azureAdaptersFromTheirSettings() {
    Optional<MetricExport> export = AzureServices.metricExport(Map.of(
        Settings.METRICS_OUT_NAMESPACE, "evhns-pulse.servicebus.windows.net",
        Settings.METRICS_OUT_HUB_NAME, "metrics-out"), credential);
    assertThat(export).get().isInstanceOf(EventHubsMetricExport.class);
    ((EventHubsMetricExport) export.get()).close();
    assertThat(AzureServices.secretSource(Map.of(Settings.KEY_VAULT_URI, "https://kv-pulse.vault.azure.net/"),
        credential, Clock.systemUTC())).isInstanceOf(KeyVaultSecretSource.class);
    assertThat(AzureServices.notifier(Map.of(Settings.ACS_ENDPOINT, "https://acs-pulse.europe.communication.azure.com",
        Settings.EMAIL_SENDER_ADDRESS, "pulse@notify.example.com"), credential, Path.of("unused")))
        .isInstanceOf(AcsEmailNotifier.class);
  }

  @Test
  void incompleteOrMalformedSettingsNameTheSetting() {
    assertThatThrownBy(() -> AzureServices.metricExport(
        Map.of(Settings.METRICS_OUT_NAMESPACE, "evhns-pulse.servicebus.windows.net"), credential))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Settings.METRICS_OUT_HUB_NAME);
    assertThatThrownBy(() -> AzureServices.notifier(Map.of(Settings.ACS_ENDPOINT, "https://acs.example"),
        credential, Path.of("x"))).hasMessageContaining(Settings.EMAIL_SENDER_ADDRESS);
    assertThatThrownBy(() -> AzureServices.duration(Map.of(Settings.NOTIFY_REMINDER_PERIOD, "1 day"),
        Settings.NOTIFY_REMINDER_PERIOD, Duration.ofDays(1))).hasMessageContaining(Settings.NOTIFY_REMINDER_PERIOD);
    assertThatThrownBy(() -> AzureServices.notifyCustomerEngineers(
        Map.of(Settings.NOTIFY_CUSTOMER_ENGINEERS, "ce@example.com, not-an-address"), List.of(NotifyFixtures.ON_TIME),
        com.pulse.domain.tenant.TenantDirectory.ownedBy(List.of("ce@example.com")), new InMemoryNotificationStateStore(),
        new com.pulse.adapter.local.InMemoryHeldDigestStore(), email -> { }, Clock.systemUTC()))
        .hasMessageContaining("not-an-address");
  }

  @Test
  void aMissingRequiredSecretFailsStartUpWithItsName() {
    Map<String, String> env = Map.of("PULSE_SECRET_WAREHOUSE_JDBC_URL", "jdbc:sqlserver://dw.example.net");
    assertThat(AzureServices.secretSource(env, credential, Clock.systemUTC(), List.of("warehouse-jdbc-url"))
        .secret("warehouse-jdbc-url")).startsWith("jdbc:sqlserver:");
    assertThatThrownBy(() -> AzureServices.secretSource(env, credential, Clock.systemUTC(),
        List.of("warehouse-jdbc-url", "warehouse-replica-url")))
        .isInstanceOf(IllegalStateException.class).hasMessage("missing secrets: warehouse-replica-url");
  }

  @Test
  void durationsDefaultAndParse() {
    assertThat(AzureServices.duration(Map.of(), Settings.METRIC_FRESHNESS_GRACE, Duration.ofHours(1)))
        .isEqualTo(Duration.ofHours(1));
    assertThat(AzureServices.duration(Map.of(Settings.METRIC_FRESHNESS_GRACE, "PT45M"), Settings.METRIC_FRESHNESS_GRACE,
        Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(45));
  }
}
