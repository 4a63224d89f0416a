package com.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.config.Setting;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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

  @Test
  void checkReportsAStaleDocumentAndWritingFixesIt(@TempDir Path dir) throws IOException {
    Path output = dir.resolve("CONFIGURATION.md");
    Files.writeString(output, "# outdated\n");

    assertThat(run("configuration", "--check", "--output", output.toString())).isEqualTo(1);
    assertThat(run("configuration", "--output", output.toString())).isZero();
    assertThat(run("configuration", "--check", "--output", output.toString())).isZero();
  }

  private static int run(String... args) {
    CommandLine cli = new CommandLine(new DocsCommand());
    cli.setOut(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }
}
