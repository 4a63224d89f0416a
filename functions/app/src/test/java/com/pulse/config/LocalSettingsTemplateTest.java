package com.pulse.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code functions/app/local.settings.template.json} lists every {@link Settings} name and no secret. */
class LocalSettingsTemplateTest {
  private static final Path TEMPLATE = Path.of("functions/app/local.settings.template.json");
  /** Shapes of credentials that must never be committed. */
  private static final Pattern SECRET = Pattern.compile(
      "(?i)(AccountKey=|SharedAccessKey|SharedAccessSignature|sig=|password=|pwd=|InstrumentationKey=|client_secret)");

  private static List<String> settingNames() throws IllegalAccessException {
    List<String> names = new ArrayList<>();
    for (Field f : Settings.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        names.add((String) f.get(null));
      }
    }
    return names;
  }

  @Test
  void everySettingIsInTheTemplate() throws Exception {
    JsonNode values = new ObjectMapper().readTree(TEMPLATE.toFile()).get("Values");
    List<String> keys = new ArrayList<>();
    values.fieldNames().forEachRemaining(keys::add);
    for (String name : settingNames()) {
      // An identity-based connection prefix (e.g. "TelemetryHub") appears as "<prefix>__fullyQualifiedNamespace".
      assertThat(keys).as("template key for setting %s", name)
          .anyMatch(k -> k.equals(name) || k.startsWith(name + "__"));
    }
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
