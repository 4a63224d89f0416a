package com.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.domain.catalog.CatalogLoader;
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
 * {@code docs/METRICS.md} is generated from the packaged catalog and committed; this test fails when
 * the catalog changed and the document was not regenerated.
 */
final class MetricsDocTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().normalize();

  @Test
  void committedMetricsDocumentMatchesTheCatalog() throws IOException {
    GeneratedDocument.assertCommittedMatches(
        MetricsMarkdown.DOCUMENT, "docs metrics", DocsCommand.renderPackagedCatalog());
  }

  @Test
  void documentCoversEveryCatalogMetric() throws IOException {
    String document = Files.readString(ROOT.resolve(MetricsMarkdown.DOCUMENT), StandardCharsets.UTF_8);
    var metrics = CatalogLoader.loadResource(CatalogLoader.DEFAULT_RESOURCE).metrics();

    assertThat(metrics).isNotEmpty();
    for (var metric : metrics) {
      assertThat(document).contains("\n## " + metric.name() + "\n");
    }
  }

  @Test
  void checkReportsAStaleDocumentAndWritingFixesIt(@TempDir Path dir) throws IOException {
    Path output = dir.resolve("METRICS.md");
    Files.writeString(output, "# outdated\n");

    assertThat(run("metrics", "--check", "--output", output.toString())).isEqualTo(1);
    assertThat(run("metrics", "--output", output.toString())).isZero();
    assertThat(run("metrics", "--check", "--output", output.toString())).isZero();
    assertThat(Files.readString(output)).isEqualTo(DocsCommand.renderPackagedCatalog());
  }

  private static int run(String... args) {
    CommandLine cli = new CommandLine(new DocsCommand());
    cli.setOut(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }
}
