package com.pulse.cli;

import com.pulse.domain.query.MergedWindow;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The telemetry part of the {@code pulse demo} output: one line of totals and a table per service
 * (tenants, minutes, requests, error %, peak requests per minute, p95 latency range over the
 * minutes), then the other signals ({@link SignalTables}: dependency calls, ERROR/FATAL log templates,
 * OTLP metrics), from a {@link TelemetryDemo.Result}. Stateless.
 */
final class TelemetryDemoTable {
  private TelemetryDemoTable() {}

  /** One sentence of totals, e.g. for the report section. */
  static String summary(TelemetryDemo.Result r) {
    return String.format("%,d events over %d Capture files replayed through the Event Hub handlers: %,d requests "
            + "in %,d minute windows (merged across partitions), %,d dependency calls, %,d OTLP log records, "
            + "%,d OTLP metric data points, %,d events dead-lettered (%,d malformed generated), "
            + "%,d window document writes, %,d skipped as already applied.",
        r.replay().events() + r.replay().metrics().events(), r.replay().files(), r.replay().requests(),
        r.minuteWindows().size(), r.replay().dependencies(), r.replay().logRecords(), r.replay().metrics().points(),
        r.replay().deadLettered() + r.replay().metrics().deadLettered(), r.generated().malformed(),
        r.replay().documentsWritten(), r.replay().documentsSkipped());
  }

  /** Prints the totals and the per-service table to {@code out}. */
  static void print(PrintStream out, TelemetryDemo.Result r) {
    Map<String, Set<String>> tenants = new TreeMap<>();
    for (MergedWindow w : r.minuteWindows()) {
      tenants.computeIfAbsent(w.service(), s -> new TreeSet<>()).add(w.tenantId());
    }
    out.printf("%nTelemetry demo: %,d events in %d Capture files of three hubs replayed through the Event Hub handlers%n",
        r.replay().events() + r.replay().metrics().events(), r.replay().files());
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
    TelemetryReplay.Result replay = r.replay();
    out.printf("%nDependency calls (CLIENT/PRODUCER spans): %,d calls, %,d internal spans counted; top by calls%n",
        replay.dependencies(), replay.internalSpans());
    printRows(out, SignalTables.DEPENDENCY_HEADERS, SignalTables.dependencies(replay, TOP));
    out.printf("%nLogs hub: %,d OTLP log records; top ERROR/FATAL message templates%n", replay.logRecords());
    printRows(out, SignalTables.LOG_HEADERS, SignalTables.errorTemplates(replay, TOP));
    out.printf("%nMetrics hub: %,d OTLP data points in %,d events, %,d aggregated; per service and metric%n",
        replay.metrics().points(), replay.metrics().events(), replay.metrics().aggregated());
    printRows(out, SignalTables.METRIC_HEADERS, SignalTables.metrics(replay, 3 * TOP));
  }

  /** Rows per signal table in the console output. */
  private static final int TOP = 8;

  /** A left-aligned table, each column as wide as its widest cell (the last column unpadded). */
  private static void printRows(PrintStream out, List<String> headers, List<List<String>> rows) {
    int[] width = new int[headers.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = headers.get(i).length();
      for (List<String> row : rows) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    StringBuilder line = new StringBuilder();
    for (List<String> row : java.util.stream.Stream.concat(java.util.stream.Stream.of(headers.stream()
        .map(h -> h.toUpperCase(java.util.Locale.ROOT)).toList()), rows.stream()).toList()) {
      line.setLength(0);
      for (int i = 0; i < row.size(); i++) {
        line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + width[i] + "s  ", row.get(i)));
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
