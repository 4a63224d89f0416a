package com.pulse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulse.adapter.json.JsonMappers;
import com.pulse.adapter.local.InMemoryMetricStore;
import com.pulse.app.MetricRunner;
import com.pulse.app.RunSummary;
import com.pulse.app.port.MetricExport;
import com.pulse.domain.export.MetricPointRecord;
import com.pulse.domain.export.TelemetryWindowRecord;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.functions.CompositionRoot;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pulse metrics}: computes every window of each metric inside {@code [from, to)} and prints
 * the points (nothing is stored or exported). Catalog and warehouse come from the composition root,
 * as for {@code backfill}, so the same settings and flags select them.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
    description = "Compute metric points for every window inside [from, to) and print them.")
final class MetricsCommand implements Callable<Integer> {
  @Mixin WindowRangeOptions range;

  @Option(names = "--format", defaultValue = "table", description = "table or jsonl (one MetricPoints row per line).")
  String format;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("table") && !format.equals("jsonl")) {
      throw new IllegalArgumentException("--format must be table or jsonl, got " + format);
    }
    CompositionRoot root = CliSupport.root(range.settingOverrides());
    InMemoryMetricStore store = new InMemoryMetricStore();
    MetricRunner runner = MetricRunner.builder(root.catalog(), root.warehouse(), store, NO_EXPORT)
        .clock(root.clock()).maxCatchUpWindows(Integer.MAX_VALUE).build();
    RunSummary summary = runner.backfill(range.metrics, range.fromInstant(), range.toInstant());
    ObjectMapper json = JsonMappers.iso();
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

  /** Prints only: the points are not exported. */
  private static final MetricExport NO_EXPORT = new MetricExport() {
    @Override
    public void exportPoints(List<MetricPointRecord> records) {}

    @Override
    public void exportWindows(List<TelemetryWindowRecord> records) {}
  };
}
