package com.pulse.cli;

import com.pulse.domain.telemetry.aggregate.TenantWindows;
import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.app.notify.NotifyCustomerEngineers;
import com.pulse.app.slo.EvaluateSloBurnRates;
import com.pulse.app.slo.SloObserver;
import com.pulse.app.slo.TenantSloReader;
import com.pulse.domain.notify.Finding;
import com.pulse.domain.slo.BurnRateEvaluator;
import com.pulse.domain.slo.BurnRateRule;
import com.pulse.domain.slo.SloStatus;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.tenant.TenantDirectory;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The telemetry-SLO part of {@code pulse demo}: evaluates every tenant's SLOs at the end of the demo
 * stream ({@link EvaluateSloBurnRates}, slow burns into the digests), and the burn rates of the
 * outage tenant every 5 minutes across the stream for the report's timeline.
 */
final class SloDemo {
  private SloDemo() {}

  /**
   * @param run the evaluation at the end of the stream
   * @param timelineLabels evaluation instants of the timeline (HH:mm)
   * @param timeline burn-rate series of the outage SLO, per window
   * @param timelineSlo SLO name of the timeline
   */
  record Result(EvaluateSloBurnRates.Result run, List<String> timelineLabels, Map<String, List<Double>> timeline,
      String timelineSlo) {}

  static Result run(List<WindowDocument> documents, TenantDirectory tenants, NotifyCustomerEngineers notify) {
    InMemoryWindowStore windows = new InMemoryWindowStore();
    TenantWindows.documentsOf(documents).forEach(windows::create);
    TreeSet<String> seen = new TreeSet<>();
    documents.forEach(d -> seen.add(d.tenantId()));
    BurnRateEvaluator evaluator = new BurnRateEvaluator(BurnRateRule.DEFAULTS);
    EvaluateSloBurnRates.Result run = new EvaluateSloBurnRates(windows, tenants, evaluator, notify, SloObserver.NOOP,
        Clock.fixed(TelemetryDemo.END, ZoneOffset.UTC)).run(seen);

    String tenant = "tenant-" + TelemetryDemo.OUTAGE.tenant();
    TenantSloReader reader = new TenantSloReader(windows, tenants, evaluator);
    String sloName = tenants.slosOf(tenant).stream().filter(s -> s.service().equals(TelemetryDemo.OUTAGE.service()))
        .map(s -> s.name()).findFirst().orElse(tenants.slosOf(tenant).isEmpty() ? "" : tenants.slosOf(tenant).get(0).name());
    List<String> labels = new ArrayList<>();
    Map<String, List<Double>> series = new LinkedHashMap<>();
    for (BurnRateRule r : BurnRateRule.DEFAULTS) {
      series.put("burn " + r.longWindow().toString().substring(2).toLowerCase(Locale.ROOT), new ArrayList<>());
      series.put("burn " + r.shortWindow().toString().substring(2).toLowerCase(Locale.ROOT), new ArrayList<>());
    }
    series.put("fast threshold (14.4x)", new ArrayList<>());
    series.put("slow threshold (6x)", new ArrayList<>());
    for (Instant at = TelemetryDemo.START.plus(Duration.ofMinutes(5)); !at.isAfter(TelemetryDemo.END);
        at = at.plus(Duration.ofMinutes(5))) {
      Instant when = at;
      reader.evaluate(tenant, at).stream().filter(e -> e.status().slo().name().equals(sloName)).findFirst()
          .ifPresent(e -> {
            labels.add(when.toString().substring(11, 16));
            for (BurnRateRule r : BurnRateRule.DEFAULTS) {
              series.get("burn " + r.longWindow().toString().substring(2).toLowerCase(Locale.ROOT))
                  .add(round(e.status().burnRates().get(r.longWindow().toString())));
              series.get("burn " + r.shortWindow().toString().substring(2).toLowerCase(Locale.ROOT))
                  .add(round(e.status().burnRates().get(r.shortWindow().toString())));
            }
            series.get("fast threshold (14.4x)").add(BurnRateRule.FAST.threshold());
            series.get("slow threshold (6x)").add(BurnRateRule.SLOW.threshold());
          });
    }
    return new Result(run, labels, series, sloName);
  }

  static void print(PrintStream out, Result r, TenantDirectory tenants) {
    EvaluateSloBurnRates.Result run = r.run();
    out.printf("%nTelemetry SLOs at %s (%d statuses, tenants without telemetry left out; rules: fast 1h/5m >= 14.4x pages on-call, slow 6h/30m >= 6x goes to the digest)%n",
        run.evaluatedAt(), run.statuses().size());
    out.printf("%-10s %-24s %-24s %8s %9s %7s %7s %7s %7s %-10s%n", "TENANT", "NAME", "SLO", "SLI", "BUDGET", "1h", "5m",
        "6h", "30m", "FIRING");
    for (SloStatus s : run.statuses()) {
      if (s.requests() == 0) {
        continue;
      }
      Map<String, Double> b = s.burnRates();
      out.printf(Locale.ROOT, "%-10s %-24.24s %-24.24s %8s %8.1f%% %6.1fx %6.1fx %6.1fx %6.1fx %-10s%n", s.tenantId(),
          tenants.displayName(s.tenantId()), s.slo().name(), s.sli() == null ? "-" : String.format(Locale.ROOT, "%.4f", s.sli()),
          100 * s.budgetRemaining(), b.get("PT1H"), b.get("PT5M"), b.get("PT6H"), b.get("PT30M"),
          s.firing().isEmpty() ? "-" : String.join(",", s.firing()));
    }
    out.println("Fast burns (page on-call via the pulse-slo-fast-burn alert):");
    if (run.pages().isEmpty()) {
      out.println("  none");
    }
    for (Finding f : run.pages()) {
      out.printf("  %s %s %s: %s%n", f.tenantId(), f.metric(), f.dimensions(), f.detail());
    }
    out.printf("Slow burns into the owners' digests: %d finding(s); digest emails sent: %d%n", run.digested().size(),
        run.notification().emailsSent());
  }

  private static Double round(Double v) {
    return v == null ? null : Math.round(v * 10) / 10.0;
  }
}
