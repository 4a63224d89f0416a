package com.pulse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulse.adapter.jdbc.DuckDbConnectionSource;
import com.pulse.adapter.jdbc.JdbcWarehouse;
import com.pulse.adapter.local.InMemoryMetricStore;
import com.pulse.app.MetricRunner;
import com.pulse.app.RetryPolicy;
import com.pulse.app.RunSummary;
import com.pulse.app.Sleeper;
import com.pulse.app.port.MetricExport;
import com.pulse.app.port.Warehouse;
import com.pulse.config.Settings;
import com.pulse.domain.catalog.Catalog;
import com.pulse.domain.catalog.CatalogLoader;
import com.pulse.domain.export.MetricPointRecord;
import com.pulse.domain.export.TelemetryWindowRecord;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.functions.CompositionRoot;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pulse metrics}: computes every window of each metric inside {@code [from, to)} and prints
 * the points (nothing is stored or exported).
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
    description = "Compute metric points for every window inside [from, to) and print them.")
final class MetricsCommand implements Callable<Integer> {
  @Option(names = "--catalog", description = "Catalog YAML file (default: the packaged sample catalog).")
  Path catalog;

  @Option(names = "--warehouse-url", description = "JDBC URL (default: ${DEFAULT-VALUE}).",
      defaultValue = "jdbc:duckdb:.pulse/tpch-sf0.01.duckdb")
  String warehouseUrl;

  @Option(names = "--from", required = true, description = "Inclusive start: ISO date or instant.")
  String from;

  @Option(names = "--to", required = true, description = "Exclusive end: ISO date or instant.")
  String to;

  @Option(names = "--metric", description = "Metric name (repeatable; default: all).")
  List<String> metrics = new ArrayList<>();

  @Option(names = "--format", defaultValue = "table", description = "table or jsonl (one MetricPoints row per line).")
  String format;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("table") && !format.equals("jsonl")) {
      throw new IllegalArgumentException("--format must be table or jsonl, got " + format);
    }
    Catalog cat = catalog == null ? CatalogLoader.loadResource(CatalogLoader.DEFAULT_RESOURCE) : CatalogLoader.load(catalog);
    InMemoryMetricStore store = new InMemoryMetricStore();
    RunSummary summary;
    if (warehouseUrl.startsWith("jdbc:duckdb:")) {
      DuckDbConnectionSource opened;
      try {
        opened = new DuckDbConnectionSource(warehouseUrl, true);
      } catch (java.sql.SQLException e) {
        System.err.println("metrics: cannot open " + warehouseUrl + ": " + e.getMessage()
            + "\n  create it first with `demo` or `warehouse init --path FILE`, or pass --warehouse-url");
        return 2;
      }
      try (DuckDbConnectionSource source = opened) {
        summary = run(cat, new JdbcWarehouse(source, warehouseUrl), store);
      }
    } else {
      CompositionRoot root = CompositionRoot.create(
          CliSupport.settings(Map.of(Settings.WAREHOUSE_JDBC_URL, warehouseUrl)), Clock.systemUTC());
      summary = run(cat, root.warehouse(), store);
    }
    ObjectMapper json = new ObjectMapper();
    for (MetricPoint p : store.allPoints()) {
      if (format.equals("jsonl")) {
        System.out.println(json.writeValueAsString(MetricPointRecord.of(p)));
      } else {
        System.out.printf("%-24s %-8s %-12s %s %s%n", p.metric(), p.tenantId(), p.windowStart().toString().substring(0, 10),
            p.dimensions(), p.values());
      }
    }
    System.err.println(summary);
    summary.outcomes().stream().filter(o -> o.error() != null).forEach(o -> System.err.println(o.metric() + ": " + o.error()));
    return summary.metricsFailed() == 0 ? 0 : 1;
  }

  private RunSummary run(Catalog cat, Warehouse warehouse, InMemoryMetricStore store) {
    MetricRunner runner = new MetricRunner(cat, warehouse, store, NO_EXPORT, Clock.systemUTC(), RetryPolicy.DEFAULT,
        Sleeper.SYSTEM, Integer.MAX_VALUE, () -> UUID.randomUUID().toString());
    return runner.backfill(metrics, CliSupport.instant(from), CliSupport.instant(to));
  }

  private static final MetricExport NO_EXPORT = new MetricExport() {
    @Override
    public void exportPoints(List<MetricPointRecord> records) {}

    @Override
    public void exportWindows(List<TelemetryWindowRecord> records) {}
  };
}
