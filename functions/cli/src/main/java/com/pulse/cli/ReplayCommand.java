package com.pulse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.adapter.local.FileDeadLetterStore;
import com.pulse.domain.query.MergedWindow;
import com.pulse.domain.telemetry.log.MergedLogSeries;
import com.pulse.domain.telemetry.aggregate.Granularity;
import com.pulse.domain.telemetry.metric.MetricSeries;
import com.pulse.domain.telemetry.metric.MetricSeriesMerger;
import com.pulse.domain.telemetry.metric.MetricWindows;
import com.pulse.functions.CompositionRoot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pulse replay --input PATH... [--partition P] [--format table|jsonl]}: replays Event Hubs
 * Capture Avro files (or their JSON-lines form) through the aggregation handler and prints the final
 * windows merged across partitions. Exit code 0; 2 on bad input (picocli usage errors and
 * unreadable files).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay recorded telemetry (Event Hubs Capture Avro or JSON lines) and print the final windows.")
public final class ReplayCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Output formats. */
  public enum Format { table, jsonl }

  @Spec private CommandSpec spec;

  @Option(names = "--input", required = true, arity = "1..*", description = "Capture .avro / .jsonl files or directories.")
  private List<Path> inputs;

  @Option(names = "--partition", description = "Partition id for files whose path/records do not name one.")
  private String partition;

  @Option(names = "--format", defaultValue = "table", description = "table or jsonl (default: ${DEFAULT-VALUE}).")
  private Format format;

  @Option(names = "--granularity", defaultValue = "PT1M", description = "PT1M (minute windows) or PT1H (hourly roll-ups).")
  private String granularity;

  @Option(names = "--batch-size", defaultValue = "" + TelemetryReplay.DEFAULT_BATCH_SIZE,
      description = "Events per batch (default: ${DEFAULT-VALUE}; the function takes " + TelemetryReplay.HOST_BATCH_SIZE
          + "; the windows are the same for any size).")
  private int batchSize;

  private final Supplier<TelemetryReplay> replays;

  /**
   * Local defaults: lateness from {@code TELEMETRY_ALLOWED_LATENESS}, dead letters in
   * {@code --dead-letters} (default {@code .pulse/deadletter.jsonl}).
   */
  public ReplayCommand() {
    this.replays = () -> {
      CompositionRoot root = CliSupport.root(Map.of());
      return new TelemetryReplay(root.latenessPolicy(), root.clock(), new FileDeadLetterStore(deadLetterFile),
          root.metricDimensions());
    };
  }

  @Option(names = "--dead-letters", defaultValue = ".pulse/deadletter.jsonl", description = "Dead-letter file (default: ${DEFAULT-VALUE}).")
  private Path deadLetterFile;

  /** @param replays creates the replay (policy, clock, dead-letter store) */
  public ReplayCommand(Supplier<TelemetryReplay> replays) {
    this.replays = Objects.requireNonNull(replays, "replays");
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    TelemetryReplay.Result result;
    Granularity windowSize;
    try {
      windowSize = Granularity.ofIso(granularity);
      result = replays.get().replay(inputs, partition, batchSize);
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      spec.commandLine().getErr().println("replay: " + e.getMessage());
      return 2;
    }
    List<MergedWindow> windows = result.windows(windowSize);
    List<MergedWindow> dependencies = result.dependencyWindows(windowSize);
    List<MergedLogSeries> logs = result.logSeries(windowSize);
    List<MetricSeriesMerger.MergedSeries> metrics = result.metricSeries(windowSize);
    if (format == Format.jsonl) {
      windows.forEach(w -> out.println(jsonLine(w, windowSize)));
      dependencies.forEach(d -> out.println(jsonLine(d, windowSize)));
      logs.forEach(l -> out.println(jsonLine(l)));
      metrics.forEach(m -> out.println(jsonLine(m, windowSize)));
    } else {
      if (!metrics.isEmpty()) {
        printMetrics(out, metrics);
      }
      printTable(out, windows);
      if (!dependencies.isEmpty()) {
        printDependencies(out, dependencies);
      }
      if (!logs.isEmpty()) {
        printLogs(out, logs);
      }
      out.printf("%d files, %d events, %d requests, %d dependency calls, %d internal spans, %d log records, "
              + "%d dead-lettered, %d late, %d expired, %d out of range, %d document writes, %d skipped (already applied)%n",
          result.files(), result.events(), result.requests(), result.dependencies(), result.internalSpans(),
          result.logRecords(), result.deadLettered(), result.late(), result.expired(), result.outOfRange(),
          result.documentsWritten(), result.documentsSkipped());
      TelemetryReplay.MetricTotals m = result.metrics();
      if (m.events() > 0) {
        out.printf("metrics hub: %d events, %d dead-lettered, %d data points, %d aggregated, %d late, %d expired, "
                + "%d out of range, %d baseline, %d stale, %d stream limit, %d duplicate, %d overflow, %d series limit%n",
            m.events(), m.deadLettered(), m.points(), m.aggregated(), m.late(), m.expired(), m.outOfRange(), m.baseline(),
            m.stale(), m.streamLimit(), m.duplicate(), m.overflow(), m.seriesLimit());
      }
    }
    out.flush();
    return 0;
  }

  /** The fields every jsonl record has: {@code signal, tenantId, service, windowStart, windowEnd, granularity}. */
  private static ObjectNode record(String signal, String tenantId, String service, java.time.Instant start,
      java.time.Instant end, Granularity granularity) {
    ObjectNode n = JSON.createObjectNode();
    n.put("signal", signal);
    n.put("tenantId", tenantId);
    n.put("service", service);
    n.put("windowStart", start.toString());
    n.put("windowEnd", end.toString());
    n.put("granularity", granularity.iso());
    return n;
  }

  /**
   * The jsonl form of one window: {@code signal = "request"} with users and late count, or
   * {@code signal = "dependency"} with the dependency (docs/OPENTELEMETRY.md); an empty window's
   * percentiles print 0.
   */
  static String jsonLine(MergedWindow w, Granularity granularity) {
    boolean dependency = w.dependency() != null;
    ObjectNode n = record(dependency ? "dependency" : "request", w.tenantId(), w.service(), w.windowStart(),
        w.windowEnd(), granularity);
    if (dependency) {
      n.put("dependency", w.dependency());
    }
    n.put("operation", w.operation());
    n.put("count", w.count());
    n.put("errorCount", w.errorCount());
    n.put("p50Ms", orZero(w.p50Ms()));
    n.put("p95Ms", orZero(w.p95Ms()));
    n.put("p99Ms", orZero(w.p99Ms()));
    if (!dependency) {
      n.put("distinctUsers", w.distinctUsers());
      n.put("lateCount", w.lateCount());
    }
    return n.toString();
  }

  /**
   * The jsonl form of one log series: {@code signal = "log"}, {@code severity} ({@code TRACE} ...
   * {@code FATAL}, {@code UNSPECIFIED}), {@code count}, and for ERROR/FATAL {@code topTemplates}
   * ({@code [{template, count}]}, most frequent first) and {@code otherTemplateCount}.
   */
  static String jsonLine(MergedLogSeries l) {
    ObjectNode n = record("log", l.tenantId(), l.service(), l.windowStart(), l.windowEnd(),
        Granularity.ofIso(l.granularity()));
    n.put("severity", l.severity());
    n.put("count", l.count());
    if (com.pulse.domain.telemetry.log.Severity.ofName(l.severity()).keepsTemplates()) {
      var top = n.putArray("topTemplates");
      l.templates().forEach(t -> top.addObject().put("template", t.template()).put("count", t.count()));
      n.put("otherTemplateCount", l.otherTemplateCount());
    }
    return n.toString();
  }

  /**
   * The jsonl form of one metric series ({@code signal = "metric"}): {@code metric}, {@code unit},
   * {@code type}, {@code attributes}, and by type {@code increase} and {@code ratePerSecond} (sum),
   * {@code last}, {@code min}, {@code max}, {@code mean} (gauge), {@code count}, {@code sum},
   * {@code min}, {@code max}, {@code p50}, {@code p95}, {@code p99} (histogram), {@code count} and
   * {@code sum} (summary); values in the metric's unit (docs/OPENTELEMETRY.md).
   */
  static String jsonLine(MetricSeriesMerger.MergedSeries m, Granularity granularity) {
    MetricSeries s = m.series();
    ObjectNode n = record("metric", m.tenantId(), s.service(), m.windowStart(), m.windowEnd(), granularity);
    n.put("metric", s.metric());
    n.put("unit", s.unit());
    n.put("type", s.type());
    ObjectNode attributes = n.putObject("attributes");
    new java.util.TreeMap<>(s.attributes()).forEach(attributes::put);
    switch (s.type()) {
      case MetricWindows.SUM -> {
        n.put("increase", s.increase());
        n.put("ratePerSecond", m.ratePerSecond());
      }
      case MetricWindows.GAUGE -> {
        n.put("last", s.last());
        n.put("min", s.min());
        n.put("max", s.max());
        n.put("mean", m.mean());
      }
      case MetricWindows.HISTOGRAM -> {
        n.put("count", s.count());
        n.put("sum", s.sum());
        n.put("min", s.min());
        n.put("max", s.max());
        n.put("p50", m.p50());
        n.put("p95", m.p95());
        n.put("p99", m.p99());
      }
      default -> {
        n.put("count", s.count());
        n.put("sum", s.sum());
      }
    }
    return n.toString();
  }

  private static void printLogs(PrintWriter out, List<MergedLogSeries> logs) {
    String fmt = "%-20s %-12s %-16s %-11s %8s  %s%n";
    out.printf(fmt, "windowStart", "tenant", "service", "severity", "records", "top template");
    for (MergedLogSeries l : logs) {
      out.printf(fmt, l.windowStart(), l.tenantId(), l.service(), l.severity(), l.count(),
          l.templates().isEmpty() ? "" : l.templates().get(0).template() + " (" + l.templates().get(0).count() + ")");
    }
  }

  private static void printMetrics(PrintWriter out, List<MetricSeriesMerger.MergedSeries> metrics) {
    String fmt = "%-20s %-12s %-10s %-32s %-9s %-40s %s%n";
    out.printf(fmt, "windowStart", "tenant", "service", "metric", "type", "attributes", "values");
    for (MetricSeriesMerger.MergedSeries m : metrics) {
      MetricSeries s = m.series();
      String values = switch (s.type()) {
        case MetricWindows.SUM -> String.format("increase=%s rate/s=%.3f", s.increase(), m.ratePerSecond());
        case MetricWindows.GAUGE -> String.format("last=%s min=%s max=%s mean=%s", s.last(), s.min(), s.max(), m.mean());
        case MetricWindows.HISTOGRAM -> String.format("count=%d sum=%s p50=%s p95=%s p99=%s", s.count(), s.sum(), m.p50(),
            m.p95(), m.p99());
        default -> String.format("count=%d sum=%s", s.count(), s.sum());
      };
      out.printf(fmt, m.windowStart(), m.tenantId(), s.service(), s.metric(), s.type(), new java.util.TreeMap<>(s.attributes()),
          values + (s.unit().isEmpty() ? "" : " " + s.unit()));
    }
  }

  private static void printDependencies(PrintWriter out, List<MergedWindow> dependencies) {
    String fmt = "%-20s %-12s %-10s %-20s %-24s %8s %7s %9s %9s %9s%n";
    out.printf(fmt, "windowStart", "tenant", "service", "dependency", "operation", "calls", "errors", "p50 ms", "p95 ms",
        "p99 ms");
    for (MergedWindow d : dependencies) {
      out.printf(fmt, d.windowStart(), d.tenantId(), d.service(), d.dependency(), d.operation(), d.count(), d.errorCount(),
          String.format("%.1f", orZero(d.p50Ms())), String.format("%.1f", orZero(d.p95Ms())),
          String.format("%.1f", orZero(d.p99Ms())));
    }
  }

  private static void printTable(PrintWriter out, List<MergedWindow> windows) {
    String fmt = "%-20s %-12s %-10s %-24s %8s %7s %9s %9s %9s %7s %5s%n";
    out.printf(fmt, "windowStart", "tenant", "service", "operation", "count", "errors", "p50 ms", "p95 ms", "p99 ms", "users", "late");
    for (MergedWindow w : windows) {
      out.printf(fmt, w.windowStart(), w.tenantId(), w.service(), w.operation(), w.count(), w.errorCount(),
          String.format("%.1f", orZero(w.p50Ms())), String.format("%.1f", orZero(w.p95Ms())), String.format("%.1f", orZero(w.p99Ms())),
          w.distinctUsers(), w.lateCount());
    }
  }

  /** An empty window (no latency) prints 0 ms, as the replay output always did. */
  private static double orZero(Double ms) {
    return ms == null ? 0 : ms;
  }
}
