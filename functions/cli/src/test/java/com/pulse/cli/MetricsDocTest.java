package com.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.domain.catalog.CatalogLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
}
