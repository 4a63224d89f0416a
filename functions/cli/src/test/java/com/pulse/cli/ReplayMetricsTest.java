package com.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code telemetry generate} writes OTLP metrics from the real OpenTelemetry SDK (cumulative protobuf
 * and delta JSON instances, kafka-exporter shaped: no content type) for the metrics hub, and
 * {@code replay --format jsonl} prints one {@code signal = "metric"} record per series and window
 * whose counter increases add up exactly to what the SDK was given, across a restart (a cumulative
 * reset) and both temporalities.
 */
class ReplayMetricsTest {
  @TempDir Path dir;

  @Test
  void generatedSdkMetricsReplayToExactCounterIncreasesAndEveryType() throws Exception {
    TelemetryGenerator.Options options =
        new TelemetryGenerator.Options(3, Instant.parse("2026-11-20T08:10:00Z"), Duration.ofMinutes(40), 2, 3, 10);
    MetricsGenerator.Output generated = new MetricsGenerator(options).writeTo(dir.resolve("gen"));
    assertThat(generated.files()).allSatisfy(f -> assertThat(f.toString()).contains("otlp_metrics"));

    String out = ReplayRuns.replay("--input", dir.resolve("gen").toString(), "--format", "jsonl", "--granularity", "PT1H");

    ObjectMapper json = new ObjectMapper();
    List<JsonNode> records = new ArrayList<>();
    for (String line : out.strip().split("\n")) {
      records.add(json.readTree(line));
    }
    assertThat(records).allSatisfy(r -> assertThat(r.get("signal").asText()).isEqualTo("metric"));
    assertThat(records).extracting(r -> r.get("type").asText()).contains("sum", "gauge", "histogram");
    Map<String, Long> increases = new HashMap<>();
    for (JsonNode r : records) {
      Set<String> keys = new TreeSet<>();
      for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
        keys.add(it.next());
      }
      Set<String> common = Set.of("signal", "tenantId", "service", "windowStart", "windowEnd", "granularity", "metric",
          "unit", "type", "attributes");
      assertThat(keys).containsAll(common);
      keys.removeAll(common);
      switch (r.get("type").asText()) {
        case "sum" -> {
          assertThat(keys).containsExactlyInAnyOrder("increase", "ratePerSecond");
          increases.merge(r.get("tenantId").asText(), Math.round(r.get("increase").asDouble()), Long::sum);
        }
        case "gauge" -> assertThat(keys).containsExactlyInAnyOrder("last", "min", "max", "mean");
        case "histogram" -> {
          assertThat(keys).containsExactlyInAnyOrder("count", "sum", "min", "max", "p50", "p95", "p99");
          assertThat(r.get("p50").asDouble()).isLessThanOrEqualTo(r.get("p95").asDouble());
          assertThat(r.get("p95").asDouble()).isLessThanOrEqualTo(r.get("p99").asDouble());
        }
        default -> assertThat(keys).containsExactlyInAnyOrder("count", "sum");
      }
    }
    // two instances per service: one cumulative (restarted once: a reset), one delta; every order counted once
    assertThat(increases).isEqualTo(generated.ordersPlaced());

    String table = ReplayRuns.replay("--input", dir.resolve("gen").toString());
    assertThat(table).contains("metrics hub:").contains("0 dead-lettered").contains("0 baseline").contains("0 stale");
  }
}
