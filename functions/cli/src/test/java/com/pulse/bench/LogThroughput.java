package com.pulse.bench;

import com.pulse.adapter.cosmos.CosmosDocuments;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.log.LogAggregator;
import com.pulse.domain.telemetry.log.LogDecoder;
import com.pulse.domain.telemetry.log.LogDecoders;
import com.pulse.domain.telemetry.log.LogSeries;
import com.pulse.domain.telemetry.log.LogTemplateCount;
import com.pulse.domain.telemetry.log.LogWindowDocument;
import com.pulse.domain.telemetry.log.LogWindows;
import com.pulse.domain.telemetry.log.MessageTemplates;
import com.pulse.domain.telemetry.log.OtlpLogs;
import io.opentelemetry.api.logs.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * OTLP logs per CPU-second, the companion of {@link CpuTimeThroughput} for the logs path: decode only
 * (a counting sink) and decode + aggregate (the {@link LogAggregator}, minute + hour windows, templates
 * for ERROR/FATAL, steady state: windows exist after warm-up) on one thread, divided by that thread's
 * CPU time; bytes allocated per record. Then the JSON size of log window documents as Cosmos DB stores
 * them (typical and worst case). Corpus (seed 42): 40 {@code ExportLogsServiceRequest}s of 100
 * records each made by the OpenTelemetry SDK (8 tenants × 4 services, 58% INFO, 9% ERROR, 1% FATAL,
 * a dozen error message shapes), in protobuf and OTLP/JSON.
 *
 * <p>Usage: {@code java -cp ... com.pulse.bench.LogThroughput [warmupCpuMillis] [measureCpuMillis]}.
 */
public final class LogThroughput {
  private static final long T0 = Instant.parse("2026-11-20T10:00:00Z").toEpochMilli();

  private LogThroughput() {}

  public static void main(String[] args) {
    long warmup = (args.length > 0 ? Long.parseLong(args[0]) : 2_000) * 1_000_000L;
    long measure = (args.length > 1 ? Long.parseLong(args[1]) : 3_000) * 1_000_000L;
    List<OtlpLogs> requests = corpus();
    int records = requests.stream().mapToInt(r -> r.records().size()).sum();
    System.out.printf(Locale.ROOT, "%-14s %-20s %14s %12s%n", "format", "variant", "records/cpu-s", "B/record");
    for (String format : List.of("OTLP_PROTOBUF", "OTLP_JSON")) {
      List<byte[]> bodies = requests.stream().map(r -> format.equals("OTLP_JSON") ? r.json() : r.protobuf()).toList();
      LogDecoder decoder = new LogDecoders().forContentType(format.equals("OTLP_JSON") ? "application/json"
          : "application/x-protobuf");
      long[] counted = {0};
      run(format, "decodeOnly", records, warmup, measure, () -> {
        for (byte[] b : bodies) {
          decoder.decode(b, (t, s, n, time, m) -> counted[0] += n);
        }
      });
      LogAggregator aggregator = new LogAggregator(LatenessPolicy.of(Duration.ofMinutes(5)), null);
      aggregator.beginEvent(1, T0 + 60_000);
      run(format, "decodeAndAggregate", records, warmup, measure, () -> {
        for (byte[] b : bodies) {
          decoder.decode(b, aggregator);
        }
      });
      System.out.printf(Locale.ROOT, "  body bytes per record: %.0f%n",
          bodies.stream().mapToLong(b -> b.length).sum() / (double) records);
    }
    sizes();
  }

  private static List<OtlpLogs> corpus() {
    SplittableRandom r = new SplittableRandom(42);
    String[] shapes = {"payment %d declined by 'bank-%d'", "order %d failed: timeout after %dms", "user %d not found",
        "db connection reset (pool %d)", "upstream returned %d", "retry %d of 5 failed"};
    List<OtlpLogs> out = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      OtlpLogs logs = new OtlpLogs();
      var resource = OtlpLogs.resource("svc-" + r.nextInt(4), "tenant-" + r.nextInt(8));
      for (int j = 0; j < 100; j++) {
        int p = r.nextInt(100);
        Severity s = p < 2 ? Severity.UNDEFINED_SEVERITY_NUMBER : p < 5 ? Severity.TRACE : p < 20 ? Severity.DEBUG
            : p < 78 ? Severity.INFO : p < 90 ? Severity.WARN : p < 99 ? Severity.ERROR : Severity.FATAL;
        String body = s.getSeverityNumber() >= 17
            ? String.format(shapes[r.nextInt(shapes.length)], r.nextInt(100_000), r.nextInt(100))
            : "handled request " + r.nextInt(10_000) + " in " + r.nextInt(500) + " ms";
        logs.log(resource, s, body, (T0 + r.nextInt(60_000)) * 1_000_000L);
      }
      out.add(logs);
    }
    return out;
  }

  /** One row, measured as {@link CpuTimeThroughput} measures: log records per CPU-second and bytes per record. */
  private static void run(String format, String variant, int records, long warmup, long measure, Runnable pass) {
    try {
      CpuTimeThroughput.measure(format, variant, () -> {
        pass.run();
        return 0L;
      }, records, warmup, measure);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) { // a Runnable throws no checked exception
      throw new IllegalStateException(format + "." + variant + " failed", e);
    }
  }

  /** Stored JSON sizes of a typical and a worst-case minute document. */
  private static void sizes() {
    Instant start = Instant.parse("2026-11-20T10:00:00Z");
    List<LogSeries> typical = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      for (String severity : List.of("DEBUG", "INFO", "WARN")) {
        typical.add(new LogSeries("svc-" + s, severity, 1234, List.of(), 0));
      }
      List<LogTemplateCount> templates = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        templates.add(new LogTemplateCount(MessageTemplates.of("order " + t + " failed: timeout after 30ms in 'eu-west'"),
            17));
      }
      typical.add(new LogSeries("svc-" + s, "ERROR", 68, templates, 0));
    }
    List<LogSeries> worst = new ArrayList<>();
    for (int s = 0; s <= LogWindows.MAX_SERVICES; s++) {
      String service = s == LogWindows.MAX_SERVICES ? LogWindows.OTHER_SERVICES : "service-" + "x".repeat(40) + s;
      for (com.pulse.domain.telemetry.log.Severity severity : com.pulse.domain.telemetry.log.Severity.values()) {
        List<LogTemplateCount> templates = new ArrayList<>();
        for (int t = 0; severity.keepsTemplates() && t < LogWindows.MAX_TEMPLATES; t++) {
          templates.add(new LogTemplateCount("y".repeat(MessageTemplates.MAX_LENGTH) + "…", 123_456));
        }
        worst.add(new LogSeries(service, severity.name(), 1_234_567, templates, 98_765));
      }
    }
    for (var c : List.of(List.of("typical (4 services, 4 error templates each)", typical),
        List.of("worst case (101 services x 7 buckets, 10 x 161-char templates per ERROR/FATAL)", worst))) {
      @SuppressWarnings("unchecked")
      List<LogSeries> series = (List<LogSeries>) c.get(1);
      LogWindowDocument d = new LogWindowDocument(LogWindows.idOf("tenant-0", com.pulse.domain.telemetry.aggregate
          .Granularity.MINUTE, start, "3"), "tenant-0", LogWindows.SIGNAL, "PT1M", start, start.plusSeconds(60), "3",
          12345, 12, series, 987654, 42, start.plusSeconds(75));
      System.out.printf(Locale.ROOT, "document %s: %d bytes%n", c.get(0),
          CosmosDocuments.toDocument(d).toString().getBytes(StandardCharsets.UTF_8).length);
    }
  }
}
