package com.pulse.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.WindowVersion;
import com.pulse.domain.telemetry.aggregate.Granularity;
import com.pulse.domain.telemetry.aggregate.LatencySketches;
import com.pulse.domain.telemetry.metric.MetricSeries;
import com.pulse.domain.telemetry.metric.MetricWindowDocument;
import com.pulse.domain.telemetry.metric.MetricWindowVersion;
import com.pulse.domain.telemetry.metric.MetricWindows;
import com.pulse.domain.telemetry.metric.SeriesStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The bytes of {@link AdxRows}: field names in order, values that read back to the domain values
 * (doubles to the identical {@code double}, instants as {@link Instant#toString()}), and the same
 * bytes from many threads at once. The field names against the ADX mappings: {@code AdxMappingContractTest}.
 */
class AdxRowsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant START = Instant.parse("2026-11-21T06:01:00Z");

  @Test
  void windowRowHasTheMappingFieldsInOrderWithTheDomainValues() throws IOException {
    WindowVersion v = version(1, 12.5, 48.25, 103.0, START.plusSeconds(65).plusMillis(120),
        new int[] {-3, 0, 150, 5_000}, new long[] {1, 2, 3, 4});
    JsonNode row = JSON.readTree(AdxRows.windowRow(v));

    assertThat(names(row)).containsExactly("id", "tenantId", "service", "operation", "dependency", "granularity",
        "windowStart", "windowEnd", "partition", "count", "errorCount", "lateCount", "latencySumMs", "p50Ms", "p95Ms",
        "p99Ms", "distinctUsers", "sketchGamma", "sketchZeroCount", "sketchBins", "lastSequenceNumber", "version",
        "updatedAt");
    WindowDocument d = v.document();
    assertThat(row.get("id").asText()).isEqualTo(d.id());
    assertThat(row.get("dependency").asText()).isEmpty();
    assertThat(row.get("windowStart").asText()).isEqualTo("2026-11-21T06:01:00Z");
    assertThat(row.get("windowEnd").asText()).isEqualTo("2026-11-21T06:02:00Z");
    assertThat(row.get("updatedAt").asText()).isEqualTo("2026-11-21T06:02:05.120Z");
    assertThat(row.get("count").isIntegralNumber()).isTrue();
    assertThat(row.get("count").asLong()).isEqualTo(d.count());
    assertThat(row.get("latencySumMs").asDouble()).isEqualTo(d.latencySumMs());
    assertThat(row.get("p95Ms").asDouble()).isEqualTo(48.25);
    assertThat(row.get("sketchGamma").isFloatingPointNumber()).isTrue();
    assertThat(row.get("sketchGamma").asDouble()).isEqualTo(LatencySketches.GAMMA);
    assertThat(row.get("sketchBins").toString()).isEqualTo("{\"-3\":1,\"0\":2,\"150\":3,\"5000\":4}");
    assertThat(row.get("lastSequenceNumber").asLong()).isEqualTo(d.lastSequenceNumber());
    assertThat(row.get("version").asLong()).isEqualTo(d.version());
  }

  @Test
  void doublesReadBackToTheIdenticalDouble() throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 15_000; i++) {
      double[] values = {anyFiniteDouble(random), random.nextDouble() * 60_000,
          Math.round(random.nextDouble() * 1e6) / 1e3};
      WindowVersion v = version(i, values[0], values[1], values[2], START, new int[0], new long[0]);
      String row = new String(AdxRows.windowRow(v), StandardCharsets.UTF_8);
      JsonNode node = JSON.readTree(row);
      for (int q = 0; q < 3; q++) {
        String field = new String[] {"p50Ms", "p95Ms", "p99Ms"}[q];
        String text = node.get(field).asText();
        assertThat(Double.doubleToRawLongBits(Double.parseDouble(text)))
            .as("%s written as %s", values[q], text).isEqualTo(Double.doubleToRawLongBits(values[q]));
        assertThat(node.get(field).doubleValue()).isEqualTo(values[q]);
      }
    }
  }

  @Test
  void sketchBinValuesReadBackToTheIdenticalDouble() throws IOException {
    for (int k = -1_000; k <= 1_500; k++) {
      double value = 2 * Math.pow(LatencySketches.GAMMA, k) / (LatencySketches.GAMMA + 1);
      JsonNode row = JSON.readTree(AdxRows.windowRow(version(k, value, value, value, START, new int[0], new long[0])));
      assertThat(Double.parseDouble(row.get("p99Ms").asText())).isEqualTo(value);
    }
  }

  @Test
  void pointRowWritesInstantsAsInstantToString() throws IOException {
    MetricPoint point = MetricPoint.create("churn_rate", "t1", Map.of("plan", "pro"), START, START.plusSeconds(86_400),
        Map.of("rate", 0.031), "ratio", Instant.parse("2026-11-21T00:15:03.120Z"), "run-7");
    JsonNode row = JSON.readTree(AdxRows.pointRow(point));
    assertThat(row.get("windowStart").asText()).isEqualTo(START.toString());
    assertThat(row.get("computedAt").asText()).isEqualTo("2026-11-21T00:15:03.120Z");
    assertThat(row.get("values").get("rate").asDouble()).isEqualTo(0.031);
  }

  @Test
  void rowsAreTheSameFromManyThreads() throws Exception {
    List<WindowVersion> versions = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 200; i++) {
      versions.add(version(i, random.nextDouble() * 100, random.nextDouble() * 1_000, random.nextDouble() * 10_000,
          START.plusMillis(random.nextInt(1_000_000)), new int[] {i, i + 1}, new long[] {i + 1L, 1}));
    }
    List<String> expected = versions.stream().map(v -> new String(AdxRows.windowRow(v), StandardCharsets.UTF_8)).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(pool.submit(() -> {
          List<String> rows = new ArrayList<>();
          for (int round = 0; round < 20; round++) {
            rows.clear();
            versions.forEach(v -> rows.add(new String(AdxRows.windowRow(v), StandardCharsets.UTF_8)));
          }
          return rows;
        }));
      }
      for (Future<List<String>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRowThatFailsHalfWrittenLeavesTheNextRowWhole() throws IOException {
    Instant start = Instant.parse("2026-11-21T10:00:00Z");
    MetricWindowDocument d = new MetricWindowDocument(MetricWindows.idOf("t1", Granularity.MINUTE, start, "3"), "t1",
        MetricWindowDocument.SIGNAL, "PT1M", start, start.plusSeconds(60), "3", 1, 0, 0,
        List.of(new MetricSeries("checkout", "queue.depth", "1", MetricWindows.GAUGE, Map.of(), 1, 0, 4.0, 4.0, 4.0,
            4.0, 1L, 0, false, new byte[0])), 42, 2, start.plusSeconds(65));
    MetricWindowVersion broken = new MetricWindowVersion(d, List.of(new SeriesStats(0, 0, 0, 0, null, null)));
    WindowVersion v = version(1, 1.5, 2.5, 3.5, START, new int[] {1}, new long[] {1});
    String expected = new String(AdxRows.windowRow(v), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> AdxRows.metricSeriesRow(broken, 0)).isInstanceOf(NullPointerException.class);

    assertThat(new String(AdxRows.windowRow(v), StandardCharsets.UTF_8)).isEqualTo(expected).startsWith("{\"id\":");
    JsonNode row = JSON.readTree(AdxRows.metricSeriesRow(MetricWindows.versionOf(d), 0));
    assertThat(row.get("metric").asText()).isEqualTo("queue.depth");
    assertThat(row.get("mean").asDouble()).isEqualTo(4.0);
  }

  private static double anyFiniteDouble(SplittableRandom random) {
    double d;
    do {
      d = Double.longBitsToDouble(random.nextLong());
    } while (!Double.isFinite(d));
    return d;
  }

  private static List<String> names(JsonNode row) {
    List<String> names = new ArrayList<>();
    row.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static WindowVersion version(int i, double p50, double p95, double p99, Instant updatedAt, int[] keys,
      long[] counts) {
    WindowDocument d = new WindowDocument("id-" + i, "tenant-" + i % 7, "checkout", "GET /api/v1/op" + i, null, "PT1M",
        START, START.plusSeconds(60), "3", 10 + i, 1, 2, 1234.5 + i, new byte[0], new byte[0], 99L + i, 4, updatedAt);
    return new WindowVersion(d, p50, p95, p99, 17, 0, keys, counts);
  }
}
