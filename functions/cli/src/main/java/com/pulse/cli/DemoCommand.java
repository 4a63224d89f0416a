package com.pulse.cli;

import com.pulse.adapter.local.JsonLinesExport;
import com.pulse.adapter.local.TpchDuckDbLoader;
import com.pulse.app.MetricOutcome;
import com.pulse.app.MetricRunner;
import com.pulse.app.RunSummary;
import com.pulse.app.notify.NotifyCustomerEngineers;
import com.pulse.cli.report.HtmlReport;
import com.pulse.cli.report.MetricSeries;
import com.pulse.cli.report.TenantViews;
import com.pulse.cli.serve.LocalSnapshot;
import com.pulse.domain.slo.SloStatus;
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
import picocli.CommandLine.Mixin;
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
  /**
   * Metrics whose data ends earlier than the order calendar, with the as-of date the demo uses for
   * them: TPC-H flags returns (l_returnflag R) only on line items received by 1995-06-17; later
   * items carry N (not yet known), so return metrics after mid-1995 would be all zero.
   */
  static final Map<String, String> DATA_HORIZONS = Map.of(
      "return_rate", "1995-07-01", "revenue_lost_to_returns", "1995-07-01");

  @Mixin
  LocalDirOption localDir;

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
    Path dir = localDir.resolve();
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
      Instant metricAsOf = DATA_HORIZONS.containsKey(m.name()) && asOf.equals(TPCH_AS_OF)
          ? CliSupport.instant(DATA_HORIZONS.get(m.name())) : asOfInstant;
      plan.put(m, WindowPlanner.lastClosed(m.window(), m.settle(), metricAsOf, history));
    }
    RunSummary summary = runner.run(plan);
    List<MetricPoint> points = summary.points();
    NotifyCustomerEngineers.Result digest = root.notifySloBreaches().afterRun(points);

    HtmlReport report = new HtmlReport("Pulse — customer metrics and telemetry (TPC-H, as of " + asOf + ")", Instant.now(root.clock()));
    report.addSection("Warehouse metrics", summary + ". Each chart shows the newest " + history
        + " closed windows of a metric across all tenants (TPC-H customers): for ratios and averages the "
        + "distribution of the per-tenant values (p10 to p90, the SLO target applies to each tenant), for "
        + "counts and amounts the total. Return metrics end in mid-1995, where TPC-H's return flags end.");
    Map.Entry<List<List<String>>, Integer> breaching = TenantViews.breaching(runner.catalog().metrics(), points,
        root.tenants(), 20);
    report.addTable("Breaching tenants (newest window of each SLO metric)", breaching.getValue()
        + " breaching tenant points; the first " + breaching.getKey().size() + " by severity, then distance past the target.",
        List.of("tenant", "name", "owners", "metric", "dimensions", "value", "objective", "window"), breaching.getKey());
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
      addChart(report, s, points);
    }
    out.printf("%n%s%nSLO digest: %d emails to %s%n", summary, digest.emailsSent(),
        dir.resolve("outbox").toAbsolutePath());

    Files.deleteIfExists(dir.resolve(CompositionRoot.DEAD_LETTER_FILE));
    TelemetryDemo.Result telemetry = TelemetryDemo.run(dir, seed, root.clock());
    TelemetryDemoTable.print(out, telemetry);
    new LocalSnapshot(points, telemetry.replay().documents()).write(dir);
    SloDemo.Result slo = SloDemo.run(telemetry.replay().documents(), root.tenants(), root.notifyCustomerEngineers());
    SloDemo.print(out, slo, root.tenants());
    report.addSection("Telemetry SLOs", "Objectives per tier from the tenants file; error budget over the SLO period, "
        + "burn rate = bad fraction / budget. Fast burn (1 h and 5 min both >= 14.4x) pages on-call; slow burn "
        + "(6 h and 30 min both >= 6x) goes to the owner's digest (Google SRE workbook, Alerting on SLOs). "
        + "The demo stream carries a known outage: 60 % of tenant-0's checkout requests fail from 09:20.");
    report.addTable("SLO status at " + slo.run().evaluatedAt() + " (lowest budget first)",
        "tenants with telemetry; the others' SLOs have no requests yet",
        List.of("tenant", "name", "SLO", "objective", "SLI", "budget left", "1h", "5m", "6h", "30m", "firing"),
        slo.run().statuses().stream().filter(st -> st.requests() > 0)
            .sorted(java.util.Comparator.comparingDouble(SloStatus::budgetRemaining))
            .map(st -> List.of(st.tenantId(), root.tenants().displayName(st.tenantId()), st.slo().name(), st.slo().describe(),
                st.sli() == null ? "-" : String.format(java.util.Locale.ROOT, "%.4f", st.sli()),
                String.format(java.util.Locale.ROOT, "%.1f%%", 100 * st.budgetRemaining()),
                burn(st, "PT1H"), burn(st, "PT5M"), burn(st, "PT6H"), burn(st, "PT30M"),
                st.firing().isEmpty() ? "-" : String.join(", ", st.firing()))).toList());
    Map<String, List<Double>> budget = new LinkedHashMap<>();
    List<String> budgetLabels = new java.util.ArrayList<>();
    List<Double> budgetValues = new java.util.ArrayList<>();
    slo.run().statuses().stream().filter(st -> st.slo().name().equals("availability") && st.requests() > 0).forEach(st -> {
      budgetLabels.add(st.tenantId());
      budgetValues.add(Math.round(1000 * st.budgetRemaining()) / 10.0);
    });
    budget.put("availability: error budget left (%)", budgetValues);
    report.addBarChart("Error budget left per tenant (availability SLO)", "100 % = untouched, below 0 = overspent; "
        + "2 hours of telemetry against a 30-day budget", budgetLabels, budget, "%");
    report.addLineChart("Burn rate of tenant-0 " + slo.timelineSlo() + " over the stream",
        "evaluated every 5 minutes; a rule fires when both its windows are at or above its threshold",
        slo.timelineLabels(), slo.timeline(), "x budget");
    report.addTenantExplorer(TenantViews.explorer(plan, points, slo.run().statuses(), root.tenants()));
    report.addSection("Telemetry", TelemetryDemoTable.summary(telemetry));
    for (TelemetryDemo.Chart c : telemetry.reportCharts()) {
      report.addLineChart(c.title(), c.subtitle(), c.labels(), c.series(), c.yLabel());
    }
    report.addTable("Dependency calls", "CLIENT and PRODUCER spans per calling service and dependency over the "
        + "2 hours, all tenants; latency of the worst hour (hourly windows merged across partitions).",
        SignalTables.DEPENDENCY_HEADERS, SignalTables.dependencies(telemetry.replay(), 15));
    report.addTable("Error logs", "OTLP log records of severity ERROR and FATAL from the logs hub: the most frequent "
        + "message templates (numbers, ids and quoted values masked) per service.",
        SignalTables.LOG_HEADERS, SignalTables.errorTemplates(telemetry.replay(), 15));
    report.addTable("Resource and application metrics", "OTLP metrics from the metrics hub (OpenTelemetry SDK, "
        + "cumulative and delta), per service over the 2 hours, all tenants and kept attributes together.",
        SignalTables.METRIC_HEADERS, SignalTables.metrics(telemetry.replay(), 40));

    Path reportFile = dir.resolve("report.html");
    report.write(reportFile);
    out.printf("%nreport: %s%nexport: %s%ndead letters: %s%n", reportFile.toAbsolutePath(),
        dir.resolve("export").resolve(JsonLinesExport.POINTS_FILE).toAbsolutePath(),
        dir.resolve(CompositionRoot.DEAD_LETTER_FILE).toAbsolutePath());
    out.printf("digests: %s (one per customer engineer per run; dedup state in %s, so a second demo re-sends nothing new)%n",
        dir.resolve("outbox").toAbsolutePath(), dir.resolve("notifications").toAbsolutePath());
    out.printf("%nTry the API locally:  ./mvnw -q test-compile exec:java -Dexec.args=\"serve\"%n"
        + "  then: curl -s http://127.0.0.1:7071/api/tenants/tenant-0/slos   (or open http://127.0.0.1:7071/)%n");
    return summary.metricsFailed() == 0 ? 0 : 1;
  }

  /** Compact number text: grouped integers from 10,000 up, four significant digits below. */
  private static String number(double v) {
    return Math.abs(v) >= 10_000 ? String.format("%,.0f", v) : String.format("%.4g", v);
  }

  private static String burn(SloStatus s, String window) {
    return String.format(java.util.Locale.ROOT, "%.1fx", s.burnRates().getOrDefault(window, 0.0));
  }

  private static void addChart(HtmlReport report, MetricSeries s, List<MetricPoint> points) {
    MetricDefinition m = s.metric();
    List<String> labels = s.windows().stream().map(w -> w.start().toString().substring(0, 10)).toList();
    Map<String, List<Double>> series;
    if (s.aggregation().equals("sum") && m.slo() == null) {
      series = new LinkedHashMap<>();
      series.put("sum of " + s.valueColumn() + " over tenants", s.headline());
    } else {
      series = TenantViews.distribution(m, s.windows(), points);
    }
    String subtitle = m.description() + " Window " + m.window().iso() + ", unit " + m.unit()
        + (m.slo() == null ? "" : ", SLO " + m.slo() + " (breaching tenants in the newest window: "
            + s.breaches().get(s.breaches().size() - 1) + ")")
        + (m.owners().isEmpty() ? "" : ", owners " + String.join(", ", m.owners()));
    report.addLineChart(m.title() + " (" + m.name() + ")", subtitle, labels, series, m.unit());
  }
}
