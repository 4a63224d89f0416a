package com.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.local.TpchDuckDbLoader;
import com.pulse.domain.catalog.CatalogLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pulse catalog check} and {@code pulse metrics} on the packaged catalog and on
 * {@link CatalogMutations#ALL} mutated copies of it: every problem gets a {@code file:line} message,
 * no run prints a stack trace.
 */
class CatalogCheckCommandTest {
  @TempDir static Path dir;
  private static Path tpch;
  private static String packaged;

  @BeforeAll
  static void warehouse() throws IOException {
    tpch = dir.resolve("tpch.duckdb");
    TpchDuckDbLoader.load(tpch, 0.001);
    try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(CatalogLoader.DEFAULT_RESOURCE)) {
      packaged = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void thePackagedCatalogIsCleanOnItsOwnAndOnDuckDb() {
    CliRun plain = CliRun.of("catalog", "check");
    assertThat(plain.status()).as(plain.err()).isZero();
    assertThat(plain.out()).contains("catalog/metrics.yaml (9 metrics): ok");
    CliRun prepared = CliRun.of("catalog", "check", "--warehouse", "jdbc:duckdb:" + tpch);
    assertThat(prepared.status()).as(prepared.err()).isZero();
    assertThat(prepared.out()).contains("prepared on jdbc:duckdb:").contains(": ok");
  }

  @Test
  void everyMutatedCatalogGetsFileAndLineMessagesAndNoStackTrace() throws IOException {
    List<String> failures = new ArrayList<>();
    for (CatalogMutations.Mutation m : CatalogMutations.ALL) {
      String text = m.apply(packaged);
      Path file = write(m.name(), text);
      Pattern located = Pattern.compile("^(pulse [a-z]+: )?" + Pattern.quote(file.toString()) + ":\\d+: .+");
      List<String> args = new ArrayList<>(List.of("catalog", "check", "--catalog", file.toString()));
      if (m.kind() == CatalogMutations.Kind.WAREHOUSE) {
        args.addAll(List.of("--warehouse", "jdbc:duckdb:" + tpch));
      }
      CliRun check = CliRun.of(args.toArray(String[]::new));
      List<String> lines = check.err().lines().toList();
      if (check.status() != 2 || lines.isEmpty() || !lines.stream().allMatch(l -> located.matcher(l).matches())
          || check.printedAStackTrace()) {
        failures.add("catalog check, " + m.name() + ": status " + check.status() + ", stderr:\n" + check.err());
      }
      CliRun metrics = CliRun.of("metrics", "--catalog", file.toString(), "--warehouse-url", "jdbc:duckdb:" + tpch,
          "--metric", "order_count", "--from", "1995-01-01", "--to", "1995-01-02");
      boolean expected = switch (m.kind()) {
        case LOAD -> metrics.status() == 2 && metrics.err().lines().allMatch(l -> located.matcher(l).matches());
        case WAREHOUSE -> metrics.status() == 1
            && metrics.err().lines().filter(l -> l.contains("order_count failed")).count() == 1;
        case DIALECT -> metrics.status() != 2 || metrics.err().lines().allMatch(l -> located.matcher(l).matches());
      };
      if (!expected || metrics.printedAStackTrace()) {
        failures.add("metrics, " + m.name() + ": status " + metrics.status() + ", stderr:\n" + metrics.err());
      }
    }
    assertThat(CatalogMutations.ALL).hasSizeGreaterThanOrEqualTo(60);
    assertThat(failures).isEmpty();
  }

  @Test
  void everyProblemOfOneFileIsReportedInOneRun() throws IOException {
    String text = packaged.replace("window: P1D", "window: P2W").replace("settle: P7D", "settle: P999999999D")
        .replace("AS DOUBLE PRECISION)) AS on_time_rate", "AS DOUBLE)) AS on_time_rate");
    Path file = write("three-problems", text);
    CliRun check = CliRun.of("catalog", "check", "--catalog", file.toString());
    assertThat(check.status()).isEqualTo(2);
    // load problems first; the dialect problem needs a loadable catalog, so fix those and run again
    assertThat(check.err().lines().toList()).hasSize(2).allMatch(l -> l.startsWith(file + ":"));
    Files.writeString(file, text.replace("window: P2W", "window: P1D").replace("settle: P999999999D", "settle: P7D"));
    CliRun again = CliRun.of("catalog", "check", "--catalog", file.toString());
    assertThat(again.err().lines().toList()).singleElement().asString().contains("type DOUBLE is not a T-SQL type");
  }

  @Test
  void aMissingCatalogFileIsOneClearLine() {
    Path missing = dir.resolve("nope.yaml");
    for (CliRun run : List.of(CliRun.of("catalog", "check", "--catalog", missing.toString()),
        CliRun.of("metrics", "--catalog", missing.toString(), "--from", "1995-01-01", "--to", "1995-01-02"))) {
      assertThat(run.status()).isEqualTo(2);
      assertThat(run.err().strip()).endsWith("catalog file " + missing + " does not exist or is not a file")
          .doesNotContain("\n");
      assertThat(run.printedAStackTrace()).isFalse();
    }
  }

  @Test
  void aFailingMetricFailsAloneWithOneLogLine() throws IOException {
    Path file = write("missing-table", packaged.replace("      FROM orders\n      WHERE o_orderdate",
        "      FROM order_lines\n      WHERE o_orderdate"));
    CliRun run = CliRun.of("metrics", "--catalog", file.toString(), "--warehouse-url", "jdbc:duckdb:" + tpch,
        "--from", "1995-01-01", "--to", "1995-02-01");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.printedAStackTrace()).isFalse();
    assertThat(run.err().lines().filter(l -> l.contains("metric order_count failed")).toList()).singleElement().asString()
        .contains("order_lines");
    assertThat(run.err()).contains("8 ok, 1 failed");
  }
}
