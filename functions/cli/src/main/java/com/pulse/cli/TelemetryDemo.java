package com.pulse.cli;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.pulse.adapter.local.FileDeadLetterStore;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.aggregate.Granularity;
import com.pulse.domain.telemetry.aggregate.LatencySketches;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.query.MergedWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The telemetry part of {@code pulse demo}: generates a seeded stream of all three signals as Capture
 * Avro under {@code <localDir>/telemetry/capture} (traces hub: Pulse JSON and OTLP spans of every kind;
 * logs and metrics hubs: OTLP from the OpenTelemetry SDK), replays it through the aggregation use
 * cases (dead letters to
 * {@code <localDir>/deadletter.jsonl}) and returns the final windows plus chart series per service
 * (requests per minute, error %, p95 latency from merged sketches) for the HTML report.
 */
public final class TelemetryDemo {
  private TelemetryDemo() {}

  /**
   * One minute of one service, all tenants and operations merged.
   *
   * @param minute window start, UTC
   * @param requests requests in the minute
   * @param errorPercent failed requests, percent of requests
   * @param p95Ms 95th percentile latency, ms
   */
  public record ServicePoint(Instant minute, long requests, double errorPercent, double p95Ms) {}

  /** Chart series of one service, ordered by minute. */
  public record ServiceSeries(String service, List<ServicePoint> points) {}

  /**
   * One chart in the shape of the report's line charts ({@code HtmlReport.addLineChart(title,
   * subtitle, labels, series, yLabel)}): one label per minute (ISO-8601 UTC, {@code HH:mm} order),
   * one series per service with one value per label ({@code null} where the service had no request).
   *
   * @param title chart title
   * @param subtitle unit and scope
   * @param labels x-axis labels
   * @param series service to values
   * @param yLabel y-axis title
   */
  public record Chart(String title, String subtitle, List<String> labels, Map<String, List<Double>> series, String yLabel) {}

  /**
   * @param captureDir where the stream was written
   * @param generated what the generator wrote (traces hub: Pulse JSON and OTLP spans)
   * @param generatedLogs what the logs generator wrote (logs hub, OpenTelemetry SDK)
   * @param generatedMetrics what the metrics generator wrote (metrics hub, OpenTelemetry SDK)
   * @param replay replay totals and final per-partition documents
   * @param minuteWindows final minute windows merged across partitions
   * @param charts per-service series for charts
   */
  public record Result(Path captureDir, TelemetryGenerator.Output generated, TelemetryLogGenerator.Output generatedLogs,
      MetricsGenerator.Output generatedMetrics, TelemetryReplay.Result replay, List<MergedWindow> minuteWindows,
      List<ServiceSeries> charts) {

    /** Requests per minute, error % and p95 latency per service, ready for the HTML report. */
    public List<Chart> reportCharts() {
      java.util.SortedSet<Instant> minutes = new java.util.TreeSet<>();
      charts.forEach(s -> s.points().forEach(p -> minutes.add(p.minute())));
      List<String> labels = minutes.stream().map(m -> m.toString().substring(11, 16)).toList();
      Map<String, List<Double>> requests = new java.util.LinkedHashMap<>();
      Map<String, List<Double>> errors = new java.util.LinkedHashMap<>();
      Map<String, List<Double>> p95 = new java.util.LinkedHashMap<>();
      for (ServiceSeries s : charts) {
        Map<Instant, ServicePoint> byMinute = new TreeMap<>();
        s.points().forEach(p -> byMinute.put(p.minute(), p));
        List<Double> r = new ArrayList<>();
        List<Double> e = new ArrayList<>();
        List<Double> l = new ArrayList<>();
        for (Instant m : minutes) {
          ServicePoint p = byMinute.get(m);
          r.add(p == null ? null : (double) p.requests());
          e.add(p == null ? null : p.errorPercent());
          l.add(p == null ? null : p.p95Ms());
        }
        requests.put(s.service(), r);
        errors.put(s.service(), e);
        p95.put(s.service(), l);
      }
      return List.of(
          new Chart("Telemetry: requests per minute", "all tenants, per service (minute windows merged across partitions)",
              labels, requests, "requests/min"),
          new Chart("Telemetry: error rate", "failed requests, percent of requests per minute", labels, errors, "%"),
          new Chart("Telemetry: p95 latency", "DDSketch (1% relative accuracy) merged across tenants, operations and partitions",
              labels, p95, "ms"));
    }
  }

  /** OTLP logs requests per minute of the demo's logs hub stream. */
  static final int LOG_EVENTS_PER_MINUTE = 10;

  /** Start of the demo stream. */
  public static final Instant START = Instant.parse("2026-11-20T08:00:00Z");
  /** End of the demo stream (exclusive): the instant its SLOs are evaluated at. */
  public static final Instant END = START.plus(Duration.ofHours(2));
  /**
   * The known outage of the demo stream: 60 % of tenant-0's checkout requests fail from 09:20 to the
   * end of the stream, which the SLO burn-rate rules must catch (fast and slow burn).
   */
  public static final TelemetryGenerator.Outage OUTAGE = new TelemetryGenerator.Outage(0, "checkout",
      Instant.parse("2026-11-20T09:20:00Z"), END, 0.6);

  /**
   * Runs the demo: 2 hours of telemetry from 08:00 UTC of 2026-11-20, 4 partitions, 12 tenants, with
   * the {@link #OUTAGE}; {@value #LOG_EVENTS_PER_MINUTE} OTLP logs requests per minute and the SDK's
   * metrics of every service instance beside it.
   *
   * @param localDir local data folder (e.g. {@code .pulse})
   * @param seed generator seed
   * @param clock clock for document timestamps
   * @throws UncheckedIOException if files cannot be written
   */
  public static Result run(Path localDir, long seed, Clock clock) {
    Path capture = localDir.resolve("telemetry/capture");
    deleteRecursively(capture);
    TelemetryGenerator.Options options =
        new TelemetryGenerator.Options(seed, START, Duration.between(START, END), 4, 12, 120);
    TelemetryGenerator.Output generated = new TelemetryGenerator(options, List.of(OUTAGE)).writeTo(capture);
    TelemetryLogGenerator.Output logs = new TelemetryLogGenerator(options, LOG_EVENTS_PER_MINUTE).writeTo(capture);
    MetricsGenerator.Output metrics = new MetricsGenerator(options).writeTo(capture);
    TelemetryReplay.Result replay = new TelemetryReplay(LatenessPolicy.of(Duration.ofMinutes(5)), clock,
        new FileDeadLetterStore(localDir.resolve("deadletter.jsonl")))
        .replay(List.of(capture), null, TelemetryReplay.DEFAULT_BATCH_SIZE);
    return new Result(capture, generated, logs, metrics, replay, replay.windows(Granularity.MINUTE),
        charts(replay.documents()));
  }

  /** Per-service minute series of requests from minute window documents of any partitions. */
  public static List<ServiceSeries> charts(List<WindowDocument> documents) {
    Map<String, Map<Instant, List<WindowDocument>>> byService = new TreeMap<>();
    for (WindowDocument d : documents) {
      if (d.granularity().equals(Granularity.MINUTE.iso()) && d.dependency() == null) {
        byService.computeIfAbsent(d.service(), k -> new TreeMap<>()).computeIfAbsent(d.windowStart(), k -> new ArrayList<>()).add(d);
      }
    }
    List<ServiceSeries> out = new ArrayList<>();
    byService.forEach((service, minutes) -> {
      List<ServicePoint> points = new ArrayList<>();
      minutes.forEach((minute, docs) -> {
        DDSketch sketch = LatencySketches.newSketch();
        long count = 0;
        long errors = 0;
        for (WindowDocument d : docs) {
          sketch.mergeWith(LatencySketches.deserialize(d.latencySketch()));
          count += d.count();
          errors += d.errorCount();
        }
        points.add(new ServicePoint(minute, count, count == 0 ? 0 : 100.0 * errors / count, LatencySketches.quantile(sketch, 0.95)));
      });
      points.sort(Comparator.comparing(ServicePoint::minute));
      out.add(new ServiceSeries(service, points));
    });
    return out;
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir, e);
    }
  }
}
