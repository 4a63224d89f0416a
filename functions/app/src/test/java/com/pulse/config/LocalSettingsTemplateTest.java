package com.pulse.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code functions/app/local.settings.template.json} agrees with the {@link Setting} table: it lists
 * every setting and nothing else but the host's own, repeats no default differently, passes
 * {@link PulseConfig#parse}, and holds no secret.
 */
class LocalSettingsTemplateTest {
  private static final Path TEMPLATE = Path.of("functions/app/local.settings.template.json");
  /** Read by the local Functions host (Core Tools), not by Pulse. */
  private static final Set<String> HOST_OWNED = Set.of("FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage");
  /** Shapes of credentials that must never be committed. */
  private static final Pattern SECRET = Pattern.compile(
      "(?i)(AccountKey=|SharedAccessKey|SharedAccessSignature|sig=|password=|pwd=|InstrumentationKey=|client_secret)");

  private static Map<String, String> values() throws IOException {
    JsonNode values = new ObjectMapper().readTree(TEMPLATE.toFile()).get("Values");
    Map<String, String> map = new LinkedHashMap<>();
    values.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  @Test
  void theTemplateListsExactlyTheSettingsOfTheTable() throws IOException {
    Set<String> keys = values().keySet();
    assertThat(keys).as("every Setting in the template").containsAll(Arrays.stream(Setting.values()).map(Setting::key).toList());
    assertThat(keys).as("no template key outside the Setting table and the host's own")
        .allMatch(k -> HOST_OWNED.contains(k) || Setting.byKey(k).isPresent());
  }

  @Test
  void theTemplateRepeatsEachDefaultExactlyAndParses() throws IOException {
    Map<String, String> values = values();
    for (Setting setting : Setting.values()) {
      setting.defaultValue().ifPresent(d -> assertThat(values.get(setting.key()))
          .as("%s: the template shows the table's default (change it in Setting, not here)", setting.key())
          .isIn(d, ""));
    }
    assertThat(PulseConfig.parse(values).localDir()).isEqualTo(Path.of(Setting.PULSE_LOCAL_DIR.defaultValue().orElseThrow()));
  }

  @Test
  void templateHoldsNoSecrets() throws Exception {
    JsonNode values = new ObjectMapper().readTree(TEMPLATE.toFile()).get("Values");
    for (Iterator<String> it = values.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      assertThat(values.get(key).asText()).as(key).doesNotContainPattern(SECRET);
    }
  }
}
