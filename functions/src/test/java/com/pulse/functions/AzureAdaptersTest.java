package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.adapter.cosmos.CosmosClients.ConnectionMode;
import com.pulse.config.Settings;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureAdaptersTest {
  @Test
  void withoutCosmosOrAppInsightsSettingsOnlyIdentityAndNoopTelemetryAreBuilt() {
    AzureAdapters adapters = AzureAdapters.fromSettings(Map.of(), Clock.systemUTC());
    assertThat(adapters.cosmos()).isEmpty();
    assertThat(adapters.openTelemetry()).isSameAs(OpenTelemetry.noop());
    assertThat(adapters.credential()).isNotNull();
    assertThat(adapters.telemetry()).isNotNull();
    assertThat(adapters.tracing()).isNotNull();
  }

  @Test
  void invalidSettingsAreRejectedByName() {
    assertThatThrownBy(() -> AzureAdapters.parseBoolean(Settings.COSMOS_CREATE_IF_MISSING, "yes"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("COSMOS_CREATE_IF_MISSING");
    assertThatThrownBy(() -> ConnectionMode.parse("tcp"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("COSMOS_CONNECTION_MODE");
  }

  @Test
  void defaultsAreDirectModeAndNoCreation() {
    assertThat(ConnectionMode.parse(null)).isEqualTo(ConnectionMode.DIRECT);
    assertThat(ConnectionMode.parse("Gateway")).isEqualTo(ConnectionMode.GATEWAY);
    assertThat(AzureAdapters.parseBoolean(Settings.COSMOS_CREATE_IF_MISSING, null)).isFalse();
    assertThat(AzureAdapters.parseBoolean(Settings.COSMOS_CREATE_IF_MISSING, "TRUE")).isTrue();
  }
}
