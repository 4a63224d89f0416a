package com.pulse.cli;

import com.pulse.config.Setting;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options shared by {@code metrics} and {@code backfill} (a picocli mixin): which metrics, which
 * windows ({@code [from, to)}), and the catalog and warehouse settings they override. Not thread-safe
 * (picocli fills it once per command line).
 */
final class WindowRangeOptions {
  @Option(names = "--from", required = true, description = "Inclusive start: ISO date or instant.")
  String from;

  @Option(names = "--to", required = true, description = "Exclusive end: ISO date or instant.")
  String to;

  @Option(names = "--metric", description = "Metric name (repeatable; default: all).")
  List<String> metrics = new ArrayList<>();

  @Option(names = "--catalog", description = "Catalog YAML file (default: app setting CATALOG_PATH or the packaged catalog).")
  Path catalog;

  @Option(names = "--warehouse-url",
      description = "JDBC URL (default: app setting WAREHOUSE_JDBC_URL or the local DuckDB file .pulse/tpch-sf0.01.duckdb).")
  String warehouseUrl;

  /** Inclusive start. @throws IllegalArgumentException if {@code --from} is neither an ISO date nor an instant */
  Instant fromInstant() {
    return CliSupport.instant(from);
  }

  /** Exclusive end. @throws IllegalArgumentException if {@code --to} is neither an ISO date nor an instant */
  Instant toInstant() {
    return CliSupport.instant(to);
  }

  /** The settings these options override (absent options are null, so the environment's value stays). */
  Map<String, String> settingOverrides() {
    Map<String, String> overrides = new HashMap<>();
    overrides.put(Setting.WAREHOUSE_JDBC_URL.key(), warehouseUrl);
    overrides.put(Setting.CATALOG_PATH.key(), catalog == null ? null : catalog.toString());
    return overrides;
  }
}
