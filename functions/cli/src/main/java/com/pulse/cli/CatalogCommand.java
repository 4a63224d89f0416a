package com.pulse.cli;

import com.pulse.app.port.Warehouse;
import com.pulse.cli.catalog.CatalogCheck;
import com.pulse.config.Setting;
import com.pulse.domain.catalog.Catalog;
import com.pulse.domain.catalog.CatalogException;
import com.pulse.domain.catalog.CatalogLoader;
import com.pulse.domain.catalog.CatalogProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pulse catalog check}: every problem of a catalog at once, each {@code file:line: problem}. */
@Command(name = "catalog", description = "Work with the metric catalog.", subcommands = CatalogCommand.Check.class)
final class CatalogCommand implements Runnable {
  @Spec CommandSpec spec;

  /** Prints usage when called without a subcommand. */
  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * {@code pulse catalog check [--catalog FILE] [--warehouse JDBC_URL]}: loads the catalog (every
   * problem of the file), checks each metric's SQL Server text as T-SQL, and with {@code --warehouse}
   * prepares each metric's SQL there and matches its columns. Prints one {@code file:line: problem}
   * line per problem on standard error and exits 2 if there is any, 0 otherwise.
   */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Report every problem of a catalog at once (file:line), T-SQL dialect included; "
          + "with --warehouse, also SQL that does not prepare there. Exit 2 if any.")
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--catalog", description = "Catalog YAML file (default: app setting CATALOG_PATH or the packaged catalog).")
    Path catalog;

    @Option(names = "--warehouse", paramLabel = "JDBC_URL",
        description = "Also prepare every metric on this warehouse (jdbc:duckdb:FILE or jdbc:sqlserver:..., Entra ID auth).")
    String warehouse;

    @Override
    public Integer call() {
      Catalog loaded;
      try {
        loaded = load();
      } catch (CatalogException e) {
        return report(e.problems(), null);
      }
      List<CatalogProblem> problems = new ArrayList<>(CatalogCheck.dialect(loaded));
      if (warehouse != null) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put(Setting.WAREHOUSE_JDBC_URL.key(), warehouse);
        Warehouse target = CliSupport.root(overrides).warehouse();
        problems.addAll(CatalogCheck.against(loaded, target, warehouse.split(";")[0]));
      }
      return report(problems, loaded);
    }

    private Catalog load() {
      if (catalog != null) {
        return CatalogLoader.load(catalog);
      }
      Map<String, String> overrides = new HashMap<>();
      return CliSupport.root(overrides).catalog();
    }

    private int report(List<CatalogProblem> problems, Catalog loaded) {
      problems.forEach(p -> spec.commandLine().getErr().println(p));
      spec.commandLine().getErr().flush();
      String what = loaded == null ? "catalog" : "catalog " + loaded.source() + " (" + loaded.metrics().size() + " metrics"
          + (warehouse == null ? "" : ", prepared on " + warehouse.split(";")[0]) + ")";
      spec.commandLine().getOut().println(what + ": " + (problems.isEmpty() ? "ok" : problems.size() + " problem(s)"));
      spec.commandLine().getOut().flush();
      return problems.isEmpty() ? 0 : 2;
    }
  }
}
