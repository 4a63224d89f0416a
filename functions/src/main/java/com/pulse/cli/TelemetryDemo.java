package com.pulse.cli;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.pulse.adapter.local.FileDeadLetterStore;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.aggregate.Granularity;
import com.pulse.domain.telemetry.aggregate.LatencySketches;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.aggregate.WindowSummary;
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
 * The telemetry part of {@code pulse demo}: generates a seeded stream as Capture Avro under
 * {@code <localDir>/telemetry/capture}, replays it through the aggregation handler (dead letters to
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
   * @param captureDir where the stream was written
   * @param generated what the generator wrote
   * @param replay replay totals and final per-partition documents
   * @param minuteWindows final minute windows merged across partitions
   * @param charts per-service series for charts
   */
  public record Result(Path captureDir, TelemetryGenerator.Output generated, TelemetryReplay.Result replay,
      List<WindowSummary> minuteWindows, List<ServiceSeries> charts) {}

  /**
   * Runs the demo: 2 hours of telemetry from 08:00 UTC of 2026-11-20, 4 partitions, 12 tenants.
   *
   * @param localDir local data folder (e.g. {@code .pulse})
   * @param seed generator seed
   * @param clock clock for document timestamps
   * @throws UncheckedIOException if files cannot be written
   */
  public static Result run(Path localDir, long seed, Clock clock) {
    Path capture = localDir.resolve("telemetry/capture");
    deleteRecursively(capture);
    TelemetryGenerator.Output generated = new TelemetryGenerator(new TelemetryGenerator.Options(
        seed, Instant.parse("2026-11-20T08:00:00Z"), Duration.ofHours(2), 4, 12, 120)).writeTo(capture);
    TelemetryReplay.Result replay = new TelemetryReplay(LatenessPolicy.of(Duration.ofMinutes(5)), clock,
        new FileDeadLetterStore(localDir.resolve("deadletter.jsonl")))
        .replay(List.of(capture), null, TelemetryReplay.DEFAULT_BATCH_SIZE);
    return new Result(capture, generated, replay, replay.windows(Granularity.MINUTE), charts(replay.documents()));
  }

  /** Per-service minute series from minute window documents of any partitions. */
  public static List<ServiceSeries> charts(List<WindowDocument> documents) {
    Map<String, Map<Instant, List<WindowDocument>>> byService = new TreeMap<>();
    for (WindowDocument d : documents) {
      if (d.granularity().equals(Granularity.MINUTE.iso())) {
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
