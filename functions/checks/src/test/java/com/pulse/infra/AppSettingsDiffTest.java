package com.pulse.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class AppSettingsDiffTest {

  @Test
  void connectionPrefixIsSatisfiedByIdentityBasedSettingsAndJustifiesThem() {
    AppSettingsDiff diff = AppSettingsDiff.of(
        Set.of("TelemetryHub", "COSMOS_ENDPOINT"),
        Set.of("TelemetryHub__fullyQualifiedNamespace", "TelemetryHub__credential", "COSMOS_ENDPOINT"),
        Map.of(), Map.of());

    assertThat(diff.isEmpty()).isTrue();
  }

  @Test
  void reportsBothDirections() {
    AppSettingsDiff diff = AppSettingsDiff.of(
        Set.of("KEY_VAULT_URI", "OtherHub", "LOCAL_DIR"),
        Set.of("TYPO_KEY_VAULT_URI", "OtherHubX__clientId", "AzureWebJobsStorage__accountName"),
        Map.of("AzureWebJobsStorage__accountName", "host storage"),
        Map.of("LOCAL_DIR", "local mode"));

    assertThat(diff.missingInBicep()).containsExactly("KEY_VAULT_URI", "OtherHub");
    assertThat(diff.unusedInBicep()).containsExactly("OtherHubX__clientId", "TYPO_KEY_VAULT_URI");
  }
}
