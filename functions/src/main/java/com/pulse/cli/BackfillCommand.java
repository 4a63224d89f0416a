package com.pulse.cli;

import com.pulse.app.MetricOutcome;
import com.pulse.app.RunSummary;
import com.pulse.config.Settings;
import com.pulse.functions.CompositionRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pulse backfill}: recomputes every window of the chosen metrics inside {@code [from, to)}
 * through the configured store and export (app settings; locally the JSON-lines export), overwriting
 * points by id.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
    description = "Recompute the windows inside [from, to) into the configured store and export.")
final class BackfillCommand implements Callable<Integer> {
  @Option(names = "--from", required = true, description = "Inclusive start: ISO date or instant.")
  String from;

  @Option(names = "--to", required = true, description = "Exclusive end: ISO date or instant.")
  String to;

  @Option(names = "--metric", description = "Metric name (repeatable; default: all).")
  List<String> metrics = new ArrayList<>();

  @Option(names = "--catalog", description = "Catalog YAML file (default: app setting CATALOG_PATH or the packaged catalog).")
  Path catalog;

  @Option(names = "--warehouse-url", description = "JDBC URL (default: app setting WAREHOUSE_JDBC_URL or the local DuckDB file).")
  String warehouseUrl;

  @Override
  public Integer call() {
    Map<String, String> overrides = new HashMap<>();
    overrides.put(Settings.WAREHOUSE_JDBC_URL, warehouseUrl);
    overrides.put(Settings.CATALOG_PATH, catalog == null ? null : catalog.toString());
    CompositionRoot root = CliSupport.root(overrides);
    RunSummary summary = root.metricRunner().backfill(metrics, CliSupport.instant(from), CliSupport.instant(to));
    for (MetricOutcome o : summary.outcomes()) {
      System.out.printf("%-24s %-10s %4d windows %8d points%s%n", o.metric(), o.status(), o.windows().size(), o.points(),
          o.error() == null ? "" : "  " + o.error());
    }
    System.out.println(summary);
    return summary.metricsFailed() == 0 ? 0 : 1;
  }
}
