package com.pulse.cli;

import com.pulse.adapter.local.JsonLinesExport;
import com.pulse.adapter.local.TpchDuckDbLoader;
import com.pulse.app.MetricOutcome;
import com.pulse.app.MetricRunner;
import com.pulse.app.RunSummary;
import com.pulse.app.notify.NotifyCustomerEngineers;
import com.pulse.cli.report.HtmlReport;
import com.pulse.cli.report.MetricSeries;
import com.pulse.config.Setting;
import com.pulse.domain.catalog.MetricDefinition;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.window.Window;
import com.pulse.domain.window.WindowPlanner;
import com.pulse.functions.CompositionRoot;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pulse demo}: creates the embedded TPC-H warehouse on first use, runs the whole catalog for
 * the latest closed windows of the TPC-H calendar (as of 1998-08-02) plus some history, checks the
 * points against their SLOs (digest emails to {@code <dir>/outbox}), replays a seeded synthetic
 * telemetry stream through the Event Hub handler ({@link TelemetryDemo}), prints tables, and writes
 * the JSON-lines export and a self-contained HTML report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the sample catalog on embedded TPC-H data and replay synthetic telemetry; print tables, email SLO digests to the outbox, write .pulse/report.html.")
final class DemoCommand implements Callable<Integer> {
  /** The end of the TPC-H order calendar (latest o_orderdate). */
  static final String TPCH_AS_OF = "1998-08-02";

  @Option(names = "--dir", description = "Local data folder (default: the PULSE_LOCAL_DIR setting, see docs/CONFIGURATION.md).")
  Path dirOption;

  @Option(names = "--as-of", defaultValue = TPCH_AS_OF, description = "Windows must be closed at this date/instant (default ${DEFAULT-VALUE}).")
  String asOf;

  @Option(names = "--history", defaultValue = "12", description = "Closed windows per metric to compute, newest last (default ${DEFAULT-VALUE}).")
  int history;

  @Option(names = "--catalog", description = "Catalog YAML file (default: the packaged sample catalog).")
  Path catalog;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic telemetry stream (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws IOException {
    PrintStream out = System.out;
    Path dir = dirOption != null ? dirOption : CliSupport.config(Map.of()).localDir();
    Path db = dir.resolve(CompositionRoot.DEFAULT_WAREHOUSE_FILE);
    if (!Files.exists(db)) {
      out.println("First run: generating TPC-H SF 0.01 into " + db + " ...");
      long t = System.nanoTime();
      TpchDuckDbLoader.load(db, 0.01);
      out.printf("  done in %.1f s%n", (System.nanoTime() - t) / 1e9);
    }
    Files.deleteIfExists(dir.resolve("export").resolve(JsonLinesExport.POINTS_FILE));
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put(Setting.WAREHOUSE_JDBC_URL.key(), "jdbc:duckdb:" + db.toAbsolutePath());
    overrides.put(Setting.PULSE_LOCAL_DIR.key(), dir.toString());
    overrides.put(Setting.CATALOG_PATH.key(), catalog == null ? "" : catalog.toString());
    CompositionRoot root = CliSupport.root(overrides);
    MetricRunner runner = root.metricRunner();
    Instant asOfInstant = CliSupport.instant(asOf);

    Map<MetricDefinition, List<Window>> plan = new LinkedHashMap<>();
    for (MetricDefinition m : runner.catalog().metrics()) {
      plan.put(m, WindowPlanner.lastClosed(m.window(), m.settle(), asOfInstant, history));
    }
    RunSummary summary = runner.run(plan);
    List<MetricPoint> points = summary.points();
    NotifyCustomerEngineers.Result digest = root.notifySloBreaches().afterRun(points);

    HtmlReport report = new HtmlReport("Pulse — customer metrics and telemetry (TPC-H, as of " + asOf + ")", Instant.now(root.clock()));
    report.addSection("Warehouse metrics", summary + ". Each chart shows the newest " + history
        + " closed windows of a metric across all tenants (TPC-H customers).");
    out.printf("%nPulse demo: %d metrics over TPC-H SF 0.01, as of %s, %d windows each%n%n",
        plan.size(), asOf, history);
    out.printf("%-24s %-6s %-22s %-9s %7s %7s %16s %-22s %8s%n", "METRIC", "WINDOW", "LATEST WINDOW START", "UNIT",
        "TENANTS", "POINTS", "HEADLINE", "SLO", "BREACHES");
    for (MetricOutcome o : summary.outcomes()) {
      MetricDefinition m = runner.catalog().metric(o.metric()).orElseThrow();
      MetricSeries s = MetricSeries.of(m, plan.get(m), points);
      int last = s.windows().size() - 1;
      Double headline = s.headline().get(last);
      out.printf("%-24s %-6s %-22s %-9s %7d %7d %16s %-22s %8s%n", m.name(), m.window().iso(),
          s.windows().get(last).start(), m.unit(), s.tenants().get(last), s.points().get(last),
          headline == null ? "-" : s.aggregation() + " " + number(headline),
          m.slo() == null ? "-" : m.slo().toString(), m.slo() == null ? "-" : s.breaches().get(last).toString());
      if (o.status() == MetricOutcome.Status.FAILED) {
        out.println("  FAILED: " + o.error());
      }
      addChart(report, s);
    }
    out.printf("%n%s%nSLO digest: %d emails to %s%n", summary, digest.emailsSent(),
        dir.resolve("outbox").toAbsolutePath());

    Files.deleteIfExists(dir.resolve(CompositionRoot.DEAD_LETTER_FILE));
    TelemetryDemo.Result telemetry = TelemetryDemo.run(dir, seed, root.clock());
    TelemetryDemoTable.print(out, telemetry);
    report.addSection("Telemetry", TelemetryDemoTable.summary(telemetry));
    for (TelemetryDemo.Chart c : telemetry.reportCharts()) {
      report.addLineChart(c.title(), c.subtitle(), c.labels(), c.series(), c.yLabel());
    }

    Path reportFile = dir.resolve("report.html");
    report.write(reportFile);
    out.printf("%nreport: %s%nexport: %s%ndead letters: %s%n", reportFile.toAbsolutePath(),
        dir.resolve("export").resolve(JsonLinesExport.POINTS_FILE).toAbsolutePath(),
        dir.resolve(CompositionRoot.DEAD_LETTER_FILE).toAbsolutePath());
    return summary.metricsFailed() == 0 ? 0 : 1;
  }

  /** Compact number text: grouped integers from 10,000 up, four significant digits below. */
  private static String number(double v) {
    return Math.abs(v) >= 10_000 ? String.format("%,.0f", v) : String.format("%.4g", v);
  }

  private static void addChart(HtmlReport report, MetricSeries s) {
    MetricDefinition m = s.metric();
    List<String> labels = s.windows().stream().map(w -> w.start().toString().substring(0, 10)).toList();
    Map<String, List<Double>> series = new LinkedHashMap<>();
    series.put(s.aggregation() + " of " + s.valueColumn() + " over tenants", s.headline());
    if (m.slo() != null && m.slo().value().equals(s.valueColumn()) && s.aggregation().equals("mean")) {
      series.put("SLO target (" + m.slo().op().symbol() + ")", labels.stream().map(l -> m.slo().target()).toList());
    }
    String subtitle = m.description() + " Window " + m.window().iso() + ", unit " + m.unit()
        + (m.slo() == null ? "" : ", SLO " + m.slo() + " (breaching tenants in the newest window: "
            + s.breaches().get(s.breaches().size() - 1) + ")")
        + (m.owners().isEmpty() ? "" : ", owners " + String.join(", ", m.owners()));
    report.addLineChart(m.title() + " (" + m.name() + ")", subtitle, labels, series, m.unit());
  }
}
