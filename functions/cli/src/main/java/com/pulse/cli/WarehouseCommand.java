package com.pulse.cli;

import com.pulse.adapter.local.TpchDuckDbLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pulse warehouse init}: generates the embedded TPC-H warehouse. */
@Command(name = "warehouse", description = "Manage the embedded warehouse.", subcommands = WarehouseCommand.Init.class)
final class WarehouseCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  /** Prints usage when called without a subcommand. */
  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code pulse warehouse init --scale-factor SF --path FILE}. */
  @Command(name = "init", mixinStandardHelpOptions = true,
      description = "Generate TPC-H (all 8 tables) with io.trino.tpch into a new DuckDB file.")
  static final class Init implements Callable<Integer> {
    @Option(names = "--scale-factor", defaultValue = "0.01", description = "TPC-H scale factor (default ${DEFAULT-VALUE}; 1 = 6 M line items).")
    double scaleFactor;

    @Option(names = "--path", defaultValue = ".pulse/tpch-sf0.01.duckdb", description = "DuckDB file to create (default ${DEFAULT-VALUE}).")
    Path path;

    @Override
    public Integer call() {
      long started = System.nanoTime();
      List<Long> rows = TpchDuckDbLoader.load(path, scaleFactor);
      System.out.printf("TPC-H SF %s -> %s: %,d rows in 8 tables in %.1f s%n", scaleFactor, path,
          rows.stream().mapToLong(Long::longValue).sum(), (System.nanoTime() - started) / 1e9);
      return 0;
    }
  }
}
