package com.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code pulse docs <document> [--check]}: each generated document is written, then found fresh. */
final class DocsCommandTest {

  static Stream<Arguments> documents() {
    return Stream.of(
        Arguments.of("metrics", (Supplier<String>) DocsCommand::renderPackagedCatalog),
        Arguments.of("configuration", (Supplier<String>) ConfigurationMarkdown::render));
  }

  @ParameterizedTest
  @MethodSource("documents")
  void checkReportsAStaleDocumentAndWritingFixesIt(String document, Supplier<String> expected, @TempDir Path dir)
      throws IOException {
    Path output = dir.resolve(document + ".md");
    Files.writeString(output, "# outdated\n");
    StringWriter out = new StringWriter();

    assertThat(run(out, document, "--check", "--output", output.toString())).isEqualTo(1);
    assertThat(out.toString()).contains(output + " is stale: run `docs " + document + "` and commit it");
    assertThat(run(out, document, "--output", output.toString())).isZero();
    assertThat(run(out, document, "--check", "--output", output.toString())).isZero();
    assertThat(out.toString()).contains(output + " is up to date");
    assertThat(Files.readString(output, StandardCharsets.UTF_8)).isEqualTo(expected.get());
  }

  private static int run(StringWriter out, String... args) {
    CommandLine cli = new CommandLine(new DocsCommand());
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }
}
