package com.pulse.adapter.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.app.telemetry.TelemetryEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureAvroTest {
  @TempDir Path dir;

  @Test
  void writesAndReadsTheCaptureSchemaWithPartitionFromThePath() {
    TelemetryEvent a = new TelemetryEvent("{\"x\":1}".getBytes(StandardCharsets.UTF_8), 41, "1024",
        Instant.parse("2026-11-20T10:00:02Z"), "application/json", Map.of("content-type", "application/json", "k", "v"));
    TelemetryEvent b = new TelemetryEvent(new byte[] {0, 1, 2}, 42, "2048",
        Instant.parse("2026-11-20T22:15:59Z"), "application/x-protobuf", Map.of());
    Path file = dir.resolve("ns/telemetry/3/2026/11/20/10/00/00.avro");
    CaptureAvro.write(file, List.of(a, b));

    assertThat(CaptureFormat.partitionFromPath(file)).isEqualTo("3");
    List<CapturedEvent> back = CaptureAvro.read(file, "3");
    assertThat(back).hasSize(2);
    TelemetryEvent b2 = back.get(1).event();
    assertThat(b2.body()).isEqualTo(b.body());
    assertThat(b2.sequenceNumber()).isEqualTo(42);
    assertThat(b2.offset()).isEqualTo("2048");
    assertThat(b2.enqueuedTime()).isEqualTo(b.enqueuedTime());
    assertThat(b2.contentType()).isEqualTo("application/x-protobuf");
    assertThat(back.get(0).event().properties()).containsEntry("k", "v");
    assertThat(CaptureAvro.SCHEMA.getFullName()).isEqualTo("Microsoft.ServiceBus.Messaging.EventData");
  }

  @Test
  void parsesCaptureAndIsoEnqueuedTimes() {
    assertThat(CaptureFormat.parseEnqueuedTime("11/20/2026 10:00:02 PM")).isEqualTo(Instant.parse("2026-11-20T22:00:02Z"));
    assertThat(CaptureFormat.parseEnqueuedTime("2026-11-20T22:00:02.5Z")).isEqualTo(Instant.parse("2026-11-20T22:00:02.5Z"));
    assertThatThrownBy(() -> CaptureFormat.parseEnqueuedTime("noon")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jsonLinesFormRoundTripsAndNamesTheBadLine() throws Exception {
    TelemetryEvent a = new TelemetryEvent("{}".getBytes(StandardCharsets.UTF_8), 7, "0", Instant.parse("2026-11-20T10:00:00Z"),
        "application/json", Map.of());
    Path file = dir.resolve("events.jsonl");
    Files.writeString(file, CaptureJsonLines.line("5", a) + "\n\n{\"SequenceNumber\":\"x\"}\n");
    assertThatThrownBy(() -> CaptureJsonLines.read(file, null)).hasMessageContaining("events.jsonl:3");
    Files.writeString(file, CaptureJsonLines.line("5", a) + "\n");
    CapturedEvent back = CaptureJsonLines.read(file, null).get(0);
    assertThat(back.partition()).isEqualTo("5");
    assertThat(back.event().contentType()).isEqualTo("application/json");
    assertThat(back.event().sequenceNumber()).isEqualTo(7);
  }
}
