package com.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.config.Setting;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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
  private static final Path ROOT = Path.of("").toAbsolutePath().normalize();

  @Test
  void committedConfigurationDocumentMatchesTheSettingTable() throws IOException {
    Path document = ROOT.resolve(ConfigurationMarkdown.DOCUMENT);
    assertThat(document).as("docs/CONFIGURATION.md is generated: run `./mvnw -q test-compile exec:java "
        + "-Dexec.args=\"docs configuration\"`").exists();
    assertThat(Files.readString(document, StandardCharsets.UTF_8))
        .as("docs/CONFIGURATION.md is stale: regenerate it with `./mvnw -q test-compile exec:java "
            + "-Dexec.args=\"docs configuration\"` and commit it")
        .isEqualTo(ConfigurationMarkdown.render());
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
