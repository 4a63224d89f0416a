package com.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.config.Setting;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/CONFIGURATION.md} is generated from the {@link Setting} table and committed; this test
 * fails when the table changed and the document was not regenerated.
 */
final class ConfigurationDocTest {

  @Test
  void committedConfigurationDocumentMatchesTheSettingTable() throws IOException {
    GeneratedDocument.assertCommittedMatches(
        ConfigurationMarkdown.DOCUMENT, "docs configuration", ConfigurationMarkdown.render());
  }

  @Test
  void everySettingHasARowWithItsRuleAndDefault() {
    String document = ConfigurationMarkdown.render();
    for (Setting s : Setting.values()) {
      assertThat(document).contains("| `" + s.key() + "` | " + s.type().rule().replace("|", "\\|").replace("*", "\\*") + " | "
          + s.defaultValue().map(d -> "`" + d + "`").orElse("—") + " |");
    }
  }
}
