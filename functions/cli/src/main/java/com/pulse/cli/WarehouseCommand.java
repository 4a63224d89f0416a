package com.pulse.cli;

import com.pulse.adapter.identity.AzureCredentials;
import com.pulse.adapter.jdbc.SqlServerConnectionSource;
import com.pulse.adapter.jdbc.SqlServerReaderGrant;
import com.pulse.adapter.jdbc.TpchJdbcLoader;
import com.pulse.adapter.local.TpchDuckDbLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pulse warehouse init}: generates the TPC-H warehouse, embedded (DuckDB) or remote (JDBC). */
@Command(name = "warehouse", description = "Manage the warehouse.", subcommands = WarehouseCommand.Init.class)
final class WarehouseCommand implements Runnable {
  @Spec
  CommandSpec spec;

  /** Prints usage when called without a subcommand. */
  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * {@code pulse warehouse init [--path FILE | --jdbc-url URL [--reader-name N --reader-client-id ID]]}.
   * With {@code --jdbc-url} it is idempotent: a database that has all 8 tables is left as it is, so
   * the azd postprovision hook can run it on every provisioning.
   */
  @Command(name = "init", mixinStandardHelpOptions = true,
      description = {"Generate TPC-H (all 8 tables) with io.trino.tpch into a new DuckDB file, or into a",
          "database through JDBC (Azure SQL with an Entra token from DefaultAzureCredential)."})
  static final class Init implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scale-factor", defaultValue = "0.01", description = "TPC-H scale factor (default ${DEFAULT-VALUE}; 1 = 6 M line items).")
    double scaleFactor;

    @ArgGroup(exclusive = true)
    Target target = new Target();

    @Option(names = "--reader-name", description = "With --jdbc-url (SQL Server): make this Entra principal (the function identity's name) a db_datareader.")
    String readerName;

    @Option(names = "--reader-client-id", description = "Client id of --reader-name (its SID).")
    UUID readerClientId;

    @Option(names = "--batch-rows", defaultValue = "" + TpchJdbcLoader.DEFAULT_BATCH_ROWS, description = "Rows per JDBC batch (default ${DEFAULT-VALUE}).")
    int batchRows;

    static final class Target {
      @Option(names = "--path", description = "DuckDB file to create (default .pulse/tpch-sf0.01.duckdb).")
      Path path;

      @Option(names = "--jdbc-url", description = {"Database to fill, e.g. the WAREHOUSE_JDBC_URL azd output",
          "(jdbc:sqlserver://...;databaseName=tpch;encrypt=true, no password) or jdbc:duckdb:FILE."})
      String jdbcUrl;
    }

    @Override
    public Integer call() throws SQLException {
      PrintWriter out = spec.commandLine().getOut();
      if ((readerName == null) != (readerClientId == null)) {
        throw new IllegalArgumentException("--reader-name and --reader-client-id go together");
      }
      if (target.jdbcUrl == null) {
        if (readerName != null) {
          throw new IllegalArgumentException("--reader-name needs --jdbc-url (a SQL Server database)");
        }
        Path path = target.path != null ? target.path : Path.of(".pulse/tpch-sf0.01.duckdb");
        long started = System.nanoTime();
        List<Long> rows = TpchDuckDbLoader.load(path, scaleFactor);
        out.printf("TPC-H SF %s -> %s: %,d rows in 8 tables in %.1f s%n", scaleFactor, path,
            rows.stream().mapToLong(Long::longValue).sum(), (System.nanoTime() - started) / 1e9);
        return 0;
      }
      try (Connection c = open(target.jdbcUrl)) {
        loadIfAbsent(c, out);
        if (readerName != null) {
          if (!target.jdbcUrl.startsWith("jdbc:sqlserver:")) {
            throw new IllegalArgumentException("--reader-name works on SQL Server only: " + target.jdbcUrl);
          }
          new SqlServerReaderGrant(readerName, readerClientId).apply(c);
          out.printf("%s (client id %s) reads the warehouse (db_datareader)%n", readerName, readerClientId);
        }
      }
      return 0;
    }

    private void loadIfAbsent(Connection c, PrintWriter out) throws SQLException {
      List<String> existing = TpchJdbcLoader.existingTables(c);
      if (existing.size() == TpchJdbcLoader.tableNames().size()) {
        out.println("TPC-H is already loaded (8 tables); nothing to do");
        return;
      }
      if (!existing.isEmpty()) {
        throw new IllegalArgumentException("the database holds only some TPC-H tables " + existing
            + " (an interrupted load?): drop them and run warehouse init again");
      }
      long started = System.nanoTime();
      List<Long> rows = TpchJdbcLoader.load(c, scaleFactor, batchRows);
      out.printf("TPC-H SF %s -> %s: %,d rows in 8 tables in %.1f s%n", scaleFactor, redact(target.jdbcUrl),
          rows.stream().mapToLong(Long::longValue).sum(), (System.nanoTime() - started) / 1e9);
    }

    /** SQL Server with an Entra token (and bulk-copy batches); any other URL through DriverManager. */
    private static Connection open(String url) throws SQLException {
      if (url.startsWith("jdbc:sqlserver:")) {
        String bulk = url.contains("useBulkCopyForBatchInsert") ? url
            : url + (url.endsWith(";") ? "" : ";") + "useBulkCopyForBatchInsert=true";
        return new SqlServerConnectionSource(bulk, AzureCredentials.create(null), Clock.systemUTC()).open();
      }
      return DriverManager.getConnection(url);
    }

    private static String redact(String url) {
      int semicolon = url.indexOf(';');
      return semicolon < 0 ? url : url.substring(0, semicolon);
    }
  }
}
