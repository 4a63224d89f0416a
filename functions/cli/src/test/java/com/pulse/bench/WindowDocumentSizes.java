package com.pulse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.adapter.capture.CaptureAvro;
import com.pulse.adapter.capture.CaptureFormat;
import com.pulse.adapter.capture.CapturedEvent;
import com.pulse.adapter.cosmos.CosmosDocuments;
import com.pulse.adapter.cosmos.CosmosStores;
import com.pulse.adapter.json.JsonMappers;
import com.pulse.adapter.local.FileDeadLetterStore;
import com.pulse.cli.TelemetryReplay;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.aggregate.Granularity;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.aggregate.WindowDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Storage size report for docs/PERFORMANCE.md: bytes per event of a Capture directory (event bodies,
 * by content type, and the Avro files) against bytes per stored window document after replaying it
 * through {@link TelemetryReplay} (the real {@code AggregateBatch}, batches of 256 as in host.json).
 * A document's size is its Cosmos DB JSON as the adapter stores it ({@link CosmosDocuments#toDocument}
 * plus the minute-window {@code ttl}), without the service's system properties ({@code _rid},
 * {@code _etag}, {@code _ts}, ...); the export size is the {@code AdxRows} window row. Also
 * prints window-document writes per 1,000 events and per 1,000 requests.
 *
 * <p>Since window documents hold every series of a tenant window ({@code TenantWindowDocument}),
 * the sizes this prints are those of one series in the one-series JSON form of the earlier layout
 * (what its results in docs/PERFORMANCE.md measured); {@code EndToEndThroughput} prints the sizes
 * of the stored tenant-window documents.
 *
 * <p>Usage (after {@code pulse demo}, which writes the seeded demo stream):
 * {@code java -cp ... com.pulse.bench.WindowDocumentSizes .pulse/telemetry/capture}. Deterministic
 * for a given capture: sizes do not depend on machine load.
 */
public final class WindowDocumentSizes {
  private WindowDocumentSizes() {}

  /**
   * @param args the Capture directory
   * @throws Exception if the capture cannot be read
   */
  public static void main(String[] args) throws Exception {
    Path capture = Path.of(args.length > 0 ? args[0] : ".pulse/telemetry/capture");
    List<Path> files;
    try (Stream<Path> s = Files.walk(capture)) {
      files = s.filter(p -> p.toString().endsWith(".avro")).sorted().toList();
    }
    long events = 0;
    long bodyBytes = 0;
    long fileBytes = 0;
    Map<String, long[]> byType = new TreeMap<>();
    for (Path f : files) {
      fileBytes += Files.size(f);
      for (CapturedEvent c : CaptureAvro.read(f, CaptureFormat.partitionFromPath(f))) {
        int n = c.event().body().length;
        events++;
        bodyBytes += n;
        long[] t = byType.computeIfAbsent(String.valueOf(c.event().contentType()), k -> new long[2]);
        t[0]++;
        t[1] += n;
      }
    }
    System.out.printf(Locale.ROOT, "events %,d, bodies %,d B (%.1f B/event), Capture files %,d B%n",
        events, bodyBytes, (double) bodyBytes / events, fileBytes);
    byType.forEach((type, t) -> System.out.printf(Locale.ROOT, "  %-24s %,7d events %9.1f B/event%n",
        type, t[0], (double) t[1] / t[0]));

    Path deadLetters = Files.createTempFile("pulse-dead-letters", ".jsonl");
    TelemetryReplay.Result r;
    try {
      r = new TelemetryReplay(LatenessPolicy.of(Duration.ofMinutes(5)),
          Clock.fixed(Instant.parse("2026-11-20T10:30:00Z"), ZoneOffset.UTC), new FileDeadLetterStore(deadLetters))
          .replay(List.of(capture), null, TelemetryReplay.HOST_BATCH_SIZE);
    } finally {
      Files.deleteIfExists(deadLetters);
    }
    System.out.printf(Locale.ROOT, "requests %,d (%.1f B/request), document writes %,d = %.0f per 1,000 events, %.0f per 1,000 requests%n",
        r.requests(), (double) bodyBytes / r.requests(), r.documentsWritten(),
        1000.0 * r.documentsWritten() / r.events(), 1000.0 * r.documentsWritten() / r.requests());

    ObjectMapper json = JsonMappers.iso();
    long ttlSeconds = CosmosStores.MINUTE_WINDOW_TTL.toSeconds();
    for (Granularity g : Granularity.values()) {
      List<Integer> sizes = new ArrayList<>();
      long total = 0;
      long requests = 0;
      long exportBytes = 0;
      for (WindowDocument d : r.documents()) {
        if (!d.granularity().equals(g.iso())) {
          continue;
        }
        ObjectNode stored = CosmosDocuments.toDocument(d);
        if (g == Granularity.MINUTE) {
          stored.put("ttl", ttlSeconds);
        }
        int size = json.writeValueAsBytes(stored).length;
        sizes.add(size);
        total += size;
        requests += d.count();
        exportBytes += com.pulse.adapter.json.AdxRows.windowRow(WindowDocuments.versionOf(d)).length;
      }
      if (sizes.isEmpty()) {
        continue;
      }
      Collections.sort(sizes);
      int n = sizes.size();
      System.out.printf(Locale.ROOT,
          "%s: %,d documents, %.1f requests each; stored JSON mean %.0f B, median %d B, p95 %d B, max %d B, total %,d B; export record mean %.0f B%n",
          g.iso(), n, (double) requests / n, (double) total / n, sizes.get(n / 2), sizes.get((int) (n * 0.95)),
          sizes.get(n - 1), total, (double) exportBytes / n);
    }
  }
}
