package com.pulse.cli;

import com.pulse.domain.query.MergedWindow;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The telemetry part of the {@code pulse demo} output: one line of totals and a table per service
 * (tenants, minutes, requests, error %, peak requests per minute, p95 latency range over the
 * minutes), from a {@link TelemetryDemo.Result}. Stateless.
 */
final class TelemetryDemoTable {
  private TelemetryDemoTable() {}

  /** One sentence of totals, e.g. for the report section. */
  static String summary(TelemetryDemo.Result r) {
    return String.format("%,d events over %d Capture files replayed through the Event Hub handler: %,d requests "
            + "in %,d minute windows (merged across partitions), %,d events dead-lettered (%,d malformed generated), "
            + "%,d window document writes, %,d skipped as already applied.",
        r.replay().events(), r.replay().files(), r.replay().requests(), r.minuteWindows().size(),
        r.replay().deadLettered(), r.generated().malformed(), r.replay().documentsWritten(), r.replay().documentsSkipped());
  }

  /** Prints the totals and the per-service table to {@code out}. */
  static void print(PrintStream out, TelemetryDemo.Result r) {
    Map<String, Set<String>> tenants = new TreeMap<>();
    for (MergedWindow w : r.minuteWindows()) {
      tenants.computeIfAbsent(w.service(), s -> new TreeSet<>()).add(w.tenantId());
    }
    out.printf("%nTelemetry demo: %,d events in %d Capture files replayed through the Event Hub handler%n",
        r.replay().events(), r.replay().files());
    out.printf("  %,d requests in %,d minute windows; %,d dead-lettered (%,d malformed generated); "
            + "%,d window document writes, %,d skipped as already applied%n%n",
        r.replay().requests(), r.minuteWindows().size(), r.replay().deadLettered(), r.generated().malformed(),
        r.replay().documentsWritten(), r.replay().documentsSkipped());
    String fmt = "%-16s %7s %7s %12s %8s %11s %19s%n";
    out.printf(fmt, "SERVICE", "TENANTS", "MINUTES", "REQUESTS", "ERRORS", "PEAK REQ/M", "P95 MS (MIN-MAX)");
    for (TelemetryDemo.ServiceSeries s : r.charts()) {
      long requests = 0;
      double errors = 0;
      long peak = 0;
      double p95Min = Double.POSITIVE_INFINITY;
      double p95Max = 0;
      for (TelemetryDemo.ServicePoint p : s.points()) {
        requests += p.requests();
        errors += p.errorPercent() * p.requests() / 100.0;
        peak = Math.max(peak, p.requests());
        p95Min = Math.min(p95Min, p.p95Ms());
        p95Max = Math.max(p95Max, p.p95Ms());
      }
      out.printf(fmt, s.service(), tenants.getOrDefault(s.service(), Set.of()).size(), s.points().size(),
          String.format("%,d", requests), String.format("%.2f%%", requests == 0 ? 0 : 100.0 * errors / requests),
          String.format("%,d", peak), s.points().isEmpty() ? "-" : String.format("%.1f-%.1f", p95Min, p95Max));
    }
  }
}
