package com.pulse.cli;

import com.pulse.domain.catalog.Catalog;
import com.pulse.domain.catalog.CatalogLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pulse docs metrics}: writes {@code docs/METRICS.md} from the metric catalog (see
 * {@link MetricsMarkdown}); {@code pulse docs configuration} writes {@code docs/CONFIGURATION.md} from
 * the settings table ({@link ConfigurationMarkdown}). With {@code --check} each only reports whether
 * its file is stale.
 * Runs stand-alone too: {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=com.pulse.cli.DocsCommand
 * -Dexec.args="metrics"}. Exit codes: 0 written or up to date, 1 stale ({@code --check}), 2 usage or
 * catalog error (picocli conventions).
 */
@Command(name = "docs", mixinStandardHelpOptions = true, description = "Generate documents from the code.",
    subcommands = {DocsCommand.Metrics.class, DocsCommand.Configuration.class})
public final class DocsCommand {
  /** The packaged catalog's path in the repository, as shown in the generated document. */
  public static final String CATALOG_SOURCE = "functions/core/src/main/resources/catalog/metrics.yaml";

  /**
   * Runs the command with its own picocli instance.
   *
   * @param args e.g. {@code metrics --check}
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new DocsCommand()).execute(args));
  }

  /**
   * Renders the packaged catalog ({@link CatalogLoader#DEFAULT_RESOURCE}).
   *
   * @return the expected content of {@code docs/METRICS.md}
   * @throws com.pulse.domain.catalog.CatalogException if the packaged catalog is invalid
   */
  public static String renderPackagedCatalog() {
    Catalog catalog = CatalogLoader.loadResource(CatalogLoader.DEFAULT_RESOURCE);
    return MetricsMarkdown.render(CATALOG_SOURCE, catalog.metrics());
  }

  /** {@code docs metrics [--catalog FILE] [--output FILE] [--check]}. */
  @Command(name = "metrics", mixinStandardHelpOptions = true,
      description = "Write docs/METRICS.md from the metric catalog.")
  static final class Metrics implements Callable<Integer> {
    @Mixin
    private WriteOrCheck writeOrCheck;

    @Option(names = "--catalog", paramLabel = "FILE",
        description = "Catalog YAML file (default: the packaged " + CATALOG_SOURCE + ").")
    private Path catalog;

    @Option(names = "--output", paramLabel = "FILE", defaultValue = MetricsMarkdown.DOCUMENT,
        description = "Document to write (default: ${DEFAULT-VALUE}).")
    private Path output;

    @Override
    public Integer call() throws IOException {
      String expected = catalog == null
          ? renderPackagedCatalog()
          : MetricsMarkdown.render(catalog.toString(), CatalogLoader.load(catalog).metrics());
      return writeOrCheck.apply(output, expected);
    }
  }

  /** {@code docs configuration [--output FILE] [--check]}. */
  @Command(name = "configuration", mixinStandardHelpOptions = true,
      description = "Write docs/CONFIGURATION.md from the app settings table.")
  static final class Configuration implements Callable<Integer> {
    @Mixin
    private WriteOrCheck writeOrCheck;

    @Option(names = "--output", paramLabel = "FILE", defaultValue = ConfigurationMarkdown.DOCUMENT,
        description = "Document to write (default: ${DEFAULT-VALUE}).")
    private Path output;

    @Override
    public Integer call() throws IOException {
      return writeOrCheck.apply(output, ConfigurationMarkdown.render());
    }
  }

  /**
   * The {@code --check} option both subcommands take, and what it selects: write the document, or
   * only compare it. Messages name the command as {@code docs <subcommand>}.
   */
  static final class WriteOrCheck {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--check", description = "Do not write; exit 1 when the document is stale.")
    private boolean check;

    /**
     * Writes {@code expected} to {@code output} unless it is there already; with {@code --check}, only compares.
     *
     * @return the exit code: 0 written or up to date, 1 stale
     * @throws IOException if {@code output} cannot be read or written
     */
    int apply(Path output, String expected) throws IOException {
      PrintWriter out = mixee.commandLine().getOut();
      String actual = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
      if (check) {
        boolean fresh = actual.equals(expected);
        out.println(output + (fresh ? " is up to date" : " is stale: run `docs " + mixee.name() + "` and commit it"));
        return fresh ? 0 : 1;
      }
      if (!actual.equals(expected)) {
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, expected, StandardCharsets.UTF_8);
      }
      out.println("wrote " + output);
      return 0;
    }
  }
}
