package com.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryGeneratorTest {
  @TempDir Path dir;

  private static TelemetryGenerator.Options options(long seed) {
    return new TelemetryGenerator.Options(seed, Instant.parse("2026-11-20T08:30:00Z"), Duration.ofMinutes(45), 3, 5, 40);
  }

  @Test
  void sameSeedSameRecordsDifferentSeedDifferentStream() throws Exception {
    TelemetryGenerator.Output a = new TelemetryGenerator(options(9)).writeTo(dir.resolve("a"));
    TelemetryGenerator.Output b = new TelemetryGenerator(options(9)).writeTo(dir.resolve("b"));
    TelemetryGenerator.Output c = new TelemetryGenerator(options(10)).writeTo(dir.resolve("c"));
    assertThat(a.events()).isEqualTo(b.events());
    assertThat(a.requests()).isEqualTo(b.requests()).isNotEqualTo(c.requests());
    // 08:30-09:15 spans two hours: one Capture file per partition and hour, in the Capture path layout
    assertThat(a.files()).hasSize(6).allSatisfy(f -> assertThat(dir.resolve("a").relativize(f).toString())
        .matches("pulse/telemetry/[0-2]/2026/11/20/0[89]/00/00\\.avro"));
    for (int i = 0; i < a.files().size(); i++) {
      var left = com.pulse.adapter.capture.CaptureAvro.read(a.files().get(i), "x");
      var right = com.pulse.adapter.capture.CaptureAvro.read(b.files().get(i), "x");
      assertThat(left).hasSameSizeAs(right);
      for (int j = 0; j < left.size(); j++) {
        assertThat(left.get(j).event().body()).isEqualTo(right.get(j).event().body());
        assertThat(left.get(j).event().sequenceNumber()).isEqualTo(j == 0 ? left.get(0).event().sequenceNumber() : left.get(j - 1).event().sequenceNumber() + 1);
      }
    }
    assertThat(Files.size(a.files().get(0))).isPositive();
  }
}
