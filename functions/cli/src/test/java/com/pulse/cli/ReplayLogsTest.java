package com.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code telemetry generate --logs-per-minute} (OTLP logs made by the OpenTelemetry SDK, as the logs
 * hub's Capture) through {@code replay}: the logs become {@code signal = "log"} jsonl records, every
 * generated record is accounted for, and the span stream beside them is unchanged.
 */
class ReplayLogsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void generatedLogsReplayAsLogRecordsWithEveryRecordAccountedFor() throws Exception {
    TelemetryGenerator.Options options = new TelemetryGenerator.Options(3, Instant.parse("2026-11-20T08:50:00Z"),
        Duration.ofMinutes(20), 2, 4, 20);
    new TelemetryGenerator(options).writeTo(dir);
    String spansOnly = ReplayRuns.replay("--input", dir.toString(), "--format", "jsonl");
    TelemetryLogGenerator.Output logs = new TelemetryLogGenerator(options, 15).writeTo(dir);

    String jsonl = ReplayRuns.replay("--input", dir.toString(), "--format", "jsonl");
    List<JsonNode> records = jsonl.lines().map(l -> {
      try {
        return JSON.readTree(l);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
    List<JsonNode> logRecords = records.stream().filter(r -> r.get("signal").asText().equals("log")).toList();

    assertThat(jsonl.lines().filter(l -> !l.contains("\"signal\":\"log\"")).collect(Collectors.joining("\n")))
        .as("the span stream's records are unchanged").isEqualTo(spansOnly.strip());
    assertThat(logRecords).allSatisfy(r -> assertThat(r.fieldNames()).toIterable().contains("signal", "tenantId",
        "service", "windowStart", "windowEnd", "granularity", "severity", "count"));
    assertThat(logRecords.stream().map(r -> r.get("severity").asText()).collect(Collectors.toSet()))
        .isEqualTo(Set.of("UNSPECIFIED", "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"));
    long folded = logRecords.stream().mapToLong(r -> r.get("count").asLong()).sum();
    long errors = logRecords.stream().filter(r -> r.has("topTemplates")).mapToLong(r -> r.get("count").asLong()).sum();
    assertThat(folded).as("every generated record is in one minute window (none is late enough to expire)")
        .isEqualTo(logs.records());
    assertThat(errors).isEqualTo(logs.errorRecords());
    JsonNode error = logRecords.stream().filter(r -> r.get("severity").asText().equals("ERROR")).findFirst().orElseThrow();
    assertThat(error.get("topTemplates").get(0).get("template").asText()).doesNotContainPattern("\\d");

    String table = ReplayRuns.replay("--input", dir.toString());
    assertThat(table).contains(logs.records() + " log records").contains("top template");
  }

  @Test
  void theGenerateCommandWritesLogsWhenAsked() {
    String out = ReplayRuns.execute(new CommandLine(new TelemetryGenerateCommand()), "--output", dir.toString(), "--duration", "PT3M",
        "--events-per-minute", "5", "--logs-per-minute", "4");
    assertThat(out).contains("logs-hub Capture files").contains("12 events");
  }
}
