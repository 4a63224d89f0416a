package com.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulse.adapter.capture.CaptureAvro;
import com.pulse.adapter.capture.CaptureJsonLines;
import com.pulse.app.telemetry.TelemetryEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReplayCommandTest {
  @TempDir Path dir;

  private static TelemetryEvent event(long seq, String minute, double ms, String status, String user) {
    String body = "{\"tenantId\":\"contoso\",\"service\":\"checkout\",\"operation\":\"POST /orders\",\"timestamp\":\"2026-11-20T10:"
        + minute + "Z\",\"durationMs\":" + ms + ",\"status\":\"" + status + "\",\"userId\":\"" + user + "\"}";
    return new TelemetryEvent(body.getBytes(StandardCharsets.UTF_8), seq, Long.toString(seq * 100),
        Instant.parse("2026-11-20T10:" + minute + "Z").plusSeconds(1), "application/json", Map.of());
  }

  @Test
  void printsFinalWindowsMergedAcrossPartitionsAndSkipsOverlappingReCaptures() throws Exception {
    // partition 0: three events in 10:00, one in 10:01; partition 1: one more in 10:00
    List<TelemetryEvent> p0 = List.of(event(0, "00:05", 10, "ok", "a"), event(1, "00:20", 20, "error", "b"),
        event(2, "00:40", 30, "ok", "a"), event(3, "01:10", 40, "ok", "c"));
    CaptureAvro.write(dir.resolve("ns/hub/0/2026/11/20/10/00/00.avro"), p0);
    CaptureAvro.write(dir.resolve("ns/hub/0/2026/11/20/10/00/30.avro"), p0.subList(1, 4)); // overlapping re-capture
    Files.writeString(dir.resolve("p1.jsonl"), CaptureJsonLines.line("1", event(0, "00:50", 1000, "ok", "d")) + "\n");

    String out = ReplayRuns.replay("--input", dir.toString(), "--format", "jsonl");

    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.strip().split("\n")) {
      lines.add(json.readTree(line));
    }
    assertThat(lines).hasSize(2);
    JsonNode first = lines.get(0);
    Set<String> keys = new TreeSet<>();
    for (Iterator<String> it = first.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    assertThat(keys).containsExactlyInAnyOrder("signal", "tenantId", "service", "operation", "windowStart", "windowEnd",
        "granularity", "count", "errorCount", "p50Ms", "p95Ms", "p99Ms", "distinctUsers", "lateCount");
    assertThat(first.get("signal").asText()).isEqualTo("request");
    assertThat(first.get("granularity").asText()).isEqualTo("PT1M");
    assertThat(first.get("windowStart").asText()).isEqualTo("2026-11-20T10:00:00Z");
    assertThat(first.get("windowEnd").asText()).isEqualTo("2026-11-20T10:01:00Z");
    assertThat(first.get("count").asLong()).isEqualTo(4);
    assertThat(first.get("errorCount").asLong()).isEqualTo(1);
    assertThat(first.get("distinctUsers").asLong()).isEqualTo(3);
    assertThat(first.get("p99Ms").asDouble()).as("sketches-java: value at rank floor(q·(n−1))").isCloseTo(30, org.assertj.core.data.Percentage.withPercentage(1));
    assertThat(first.get("p50Ms").asDouble()).isCloseTo(20, org.assertj.core.data.Percentage.withPercentage(1));
    assertThat(lines.get(1).get("count").asLong()).isEqualTo(1);
  }

  @Test
  void replayOfGeneratedStreamIsDeterministicAndTableShowsTotals() {
    new TelemetryGenerator(new TelemetryGenerator.Options(5, Instant.parse("2026-11-20T08:00:00Z"), Duration.ofMinutes(20), 2, 4, 30))
        .writeTo(dir.resolve("gen"));
    String once = ReplayRuns.replay("--input", dir.resolve("gen").toString(), "--format", "jsonl");
    String twice = ReplayRuns.replay("--input", dir.resolve("gen").toString(), dir.resolve("gen").toString(), "--format", "jsonl");
    assertThat(twice).isEqualTo(once);
    assertThat(once.lines().count()).isGreaterThan(20);
    String table = ReplayRuns.replay("--input", dir.resolve("gen").toString());
    assertThat(table).contains("windowStart").contains("dead-lettered");
  }

  @Test
  void unknownInputIsAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine cmd = ReplayRuns.replayCommand(Duration.ZERO);
    cmd.setErr(new PrintWriter(err));
    assertThat(cmd.execute("--input", dir.resolve("missing.avro").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("input not found");
    assertThat(cmd.execute("--input", dir.toString(), "--granularity", "P1D")).isEqualTo(2);
    assertThat(err.toString()).contains("granularity must be PT1M or PT1H");
  }
}
