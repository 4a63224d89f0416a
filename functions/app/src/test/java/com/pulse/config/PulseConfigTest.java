package com.pulse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.pulse.config.InvalidConfigurationException.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PulseConfigTest {
  @Test
  void noSettingsIsLocalModeWithTheTableDefaults() {
    PulseConfig config = PulseConfig.parse(Map.of());

    assertThat(config.cosmos()).isEmpty();
    assertThat(config.export()).isEmpty();
    assertThat(config.keyVault()).isEmpty();
    assertThat(config.notifications().acsEndpoint()).isEmpty();
    assertThat(config.warehouse().jdbcUrl()).isEmpty();
    assertThat(config.warehouse().queryMaxAttempts()).isEqualTo(com.pulse.app.RetryPolicy.DEFAULT.maxAttempts());
    assertThat(config.warehouse().maxCatchUpWindows()).isEqualTo(24);
    assertThat(config.telemetry().allowedLateness()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.notifications().reminderPeriod()).isEqualTo(Duration.ofDays(1));
    assertThat(config.notifications().freshnessGrace()).isEqualTo(Duration.ofHours(1));
    assertThat(config.notifications().customerEngineers()).isEmpty();
    assertThat(config.localDir()).isEqualTo(Path.of(".pulse"));
  }

  @Test
  void everyDefaultOfTheTableFollowsItsOwnRule() {
    for (Setting setting : Setting.values()) {
      setting.defaultValue().ifPresent(d -> assertThat(setting.type().parse(d)).as(setting.key()).isNotNull());
    }
  }

  @Test
  void azureSettingsSelectTheAzureAdaptersWithTypedValues() {
    PulseConfig config = PulseConfig.parse(Map.of(
        "COSMOS_ENDPOINT", "https://cosmos-pulse.documents.azure.com:443/",
        "COSMOS_CREATE_IF_MISSING", "TRUE",
        "COSMOS_CONNECTION_MODE", "Gateway",
        "METRICS_OUT_NAMESPACE", "evhns-pulse.servicebus.windows.net",
        "KEY_VAULT_URI", "https://kv-pulse.vault.azure.net/",
        "KEY_VAULT_REFRESH_INTERVAL", " PT30M ",
        "ACS_ENDPOINT", "https://acs-pulse.europe.communication.azure.com",
        "EMAIL_SENDER_ADDRESS", "DoNotReply@pulse.example.com",
        "NOTIFY_CUSTOMER_ENGINEERS", "ce@example.com, ,oncall@example.com",
        "PULSE_SECRET_WAREHOUSE_URL", "jdbc:sqlserver://s"));

    assertThat(config.cosmos()).contains(new PulseConfig.Cosmos("https://cosmos-pulse.documents.azure.com:443/", "pulse", true, "gateway"));
    assertThat(config.export()).contains(new PulseConfig.Export("evhns-pulse.servicebus.windows.net", "metrics-out"));
    assertThat(config.keyVault()).contains(new PulseConfig.KeyVault("https://kv-pulse.vault.azure.net/", Duration.ofMinutes(30)));
    assertThat(config.notifications().acsEndpoint()).contains("https://acs-pulse.europe.communication.azure.com");
    assertThat(config.notifications().customerEngineers()).containsExactly("ce@example.com", "oncall@example.com");
    assertThat(config.localSecrets()).containsOnlyKeys("PULSE_SECRET_WAREHOUSE_URL");
  }

  @Test
  void blankValuesCountAsUnset() {
    assertThat(PulseConfig.parse(Map.of("COSMOS_ENDPOINT", "  ", "TELEMETRY_ALLOWED_LATENESS", "")).cosmos()).isEmpty();
    assertThat(PulseConfig.parse(Map.of("CATALOG_PATH", "")).warehouse().catalogPath()).isEqualTo(Optional.empty());
  }

  @Test
  void everyProblemIsReportedAtOnceWithNameValueAndRule() {
    Map<String, String> settings = Map.of(
        "METRICS_MAX_CATCHUP_WINDOWS", "many",
        "TELEMETRY_ALLOWED_LATENESS", "5 minutes",
        "NOTIFY_REMINDER_PERIOD", "PT0S",
        "COSMOS_CREATE_IF_MISSING", "yes",
        "COSMOS_CONNECTION_MODE", "tcp",
        "WAREHOUSE_JDBC_URL", "jdbc:postgresql://h/db",
        "NOTIFY_CUSTOMER_ENGINEERS", "ce@example.com, not-an-address",
        "ACS_ENDPOINT", "https://acs.example",
        "WAREHOUSE_METRICS_SCHEDULE", "hourly");

    InvalidConfigurationException e = catchThrowableOfType(() -> PulseConfig.parse(settings),
        InvalidConfigurationException.class);

    assertThat(e.problems()).extracting(Problem::setting).containsExactly(
        "WAREHOUSE_METRICS_SCHEDULE", "WAREHOUSE_JDBC_URL", "METRICS_MAX_CATCHUP_WINDOWS", "TELEMETRY_ALLOWED_LATENESS",
        "COSMOS_CREATE_IF_MISSING", "COSMOS_CONNECTION_MODE", "EMAIL_SENDER_ADDRESS", "NOTIFY_REMINDER_PERIOD",
        "NOTIFY_CUSTOMER_ENGINEERS");
    assertThat(e.getMessage()).startsWith("9 invalid app settings (see docs/CONFIGURATION.md):\n")
        .contains("\n  METRICS_MAX_CATCHUP_WINDOWS='many': a whole number from 1 to 1000")
        .contains("\n  TELEMETRY_ALLOWED_LATENESS='5 minutes': an ISO-8601 duration >= 0 such as PT5M")
        .contains("\n  NOTIFY_REMINDER_PERIOD='PT0S': an ISO-8601 duration > 0")
        .contains("\n  COSMOS_CONNECTION_MODE='tcp': direct or gateway")
        .contains("\n  EMAIL_SENDER_ADDRESS (unset): required when ACS_ENDPOINT is set");
  }

  @Test
  void holdingDefaultsToTheUseCasesPolicyAndChecksItsBounds() {
    assertThat(PulseConfig.parse(Map.of()).telemetry().deferral())
        .isEqualTo(com.pulse.app.telemetry.DeferralPolicy.DEFAULT);
    assertThat(PulseConfig.parse(Map.of("TELEMETRY_HOLD_MAX_EVENTS", "256", "TELEMETRY_HOLD_MAX_MIB", "2",
        "TELEMETRY_HOLD_MAX_AGE", "PT30S", "TELEMETRY_HOLD_MAX_SERIES", "1000")).telemetry().deferral())
        .isEqualTo(new com.pulse.app.telemetry.DeferralPolicy(256, 256, 2L << 20, java.time.Duration.ofSeconds(30),
            1000));
    assertThatThrownBy(() -> PulseConfig.parse(Map.of("TELEMETRY_HOLD_MAX_EVENTS", "100",
        "TELEMETRY_HOLD_MAX_AGE", "PT0S", "TELEMETRY_HOLD_MAX_SERIES", "10")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("TELEMETRY_HOLD_MAX_EVENTS='100': a whole number from 256 to 1000000")
        .hasMessageContaining("TELEMETRY_HOLD_MAX_SERIES='10': a whole number from 256 to 10000000")
        .hasMessageContaining("TELEMETRY_HOLD_MAX_AGE='PT0S'");
  }

  @Test
  void negativeDurationsBreakTheRuleOfTheOneDurationParser() {
    assertThatThrownBy(() -> PulseConfig.parse(Map.of("TELEMETRY_ALLOWED_LATENESS", "-PT1M")))
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining(">= 0");
    assertThat(PulseConfig.parse(Map.of("TELEMETRY_ALLOWED_LATENESS", "PT0S")).telemetry().allowedLateness()).isZero();
    assertThat(PulseConfig.parse(Map.of("TELEMETRY_ALLOWED_LATENESS", "PT30S")).telemetry().allowedLateness())
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void everyKeyIsUniqueAndFoundByName() {
    assertThat(List.of(Setting.values())).extracting(Setting::key).doesNotHaveDuplicates();
    assertThat(Setting.byKey("TelemetryHub__fullyQualifiedNamespace")).contains(Setting.TELEMETRY_HUB_FULLY_QUALIFIED_NAMESPACE);
    assertThat(Setting.byKey("NOPE")).isEmpty();
  }
}
