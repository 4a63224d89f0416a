package com.pulse.app.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.adapter.local.JsonLinesExport;
import com.pulse.domain.telemetry.DeadLetter;
import com.pulse.domain.query.MergedWindow;
import com.pulse.domain.query.WindowMerger;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation at ingest through the real use case: every event ends aggregated, dead-lettered or counted. */
class IngestValidationTest {
  private static final Instant ENQUEUED = Instant.parse("2026-11-20T10:00:31Z");

  @TempDir Path exportDir;
  private final InMemoryWindowStore store = new InMemoryWindowStore();
  private final InMemoryDeadLetterStore deadLetters = new InMemoryDeadLetterStore();

  private AggregateBatch useCase(InMemoryWindowStore windows) {
    return AggregateBatch.withPulseDecoders(windows, deadLetters, new JsonLinesExport(exportDir),
        LatenessPolicy.of(Duration.ofMinutes(1)), Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC));
  }

  private static byte[] pulse(String tenantJson, String operation, String timestamp, String durationMs) {
    return ("{\"tenantId\":" + tenantJson + ",\"service\":\"s\",\"operation\":\"" + operation + "\",\"timestamp\":"
        + timestamp + ",\"durationMs\":" + durationMs + ",\"status\":\"ok\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static TelemetryEvent event(long seq, byte[] body, String contentType) {
    return new TelemetryEvent(body, seq, String.valueOf(seq), ENQUEUED, contentType, Map.of());
  }

  private static List<TelemetryEvent> thousandRequestsOf10To19Ms() {
    List<TelemetryEvent> events = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      events.add(event(i, pulse("\"t\"", "o", "\"2026-11-20T10:00:30Z\"", String.valueOf(10 + i / 100.0)),
          "application/json"));
    }
    return events;
  }

  private static MergedWindow minute(InMemoryWindowStore windows) {
    List<WindowDocument> docs = windows.listRange("t", "PT1M", Instant.EPOCH, Instant.MAX);
    return WindowMerger.merge(docs).get(0);
  }

  @Test
  void oneAbsurdDurationDoesNotMoveAnotherRequestsPercentile() {
    InMemoryWindowStore clean = new InMemoryWindowStore();
    useCase(clean).handle(new TelemetryBatch("0", thousandRequestsOf10To19Ms()));

    List<TelemetryEvent> withOutlier = thousandRequestsOf10To19Ms();
    withOutlier.add(event(1000, pulse("\"t\"", "o", "\"2026-11-20T10:00:30Z\"", "1e12"), "application/json"));
    BatchResult r = useCase(store).handle(new TelemetryBatch("0", withOutlier));

    assertThat(r.outOfRange()).isEqualTo(1);
    assertThat(r.requests()).isEqualTo(1000);
    MergedWindow expected = minute(clean);
    MergedWindow actual = minute(store);
    assertThat(actual.count()).isEqualTo(1000);
    assertThat(actual.p50Ms()).isEqualTo(expected.p50Ms()).isBetween(14.8, 15.2);
    assertThat(actual.p95Ms()).isEqualTo(expected.p95Ms()).isBetween(19.2, 19.7);
    assertThat(actual.p99Ms()).isEqualTo(expected.p99Ms()).isBetween(19.6, 20.1);
  }

  @Test
  void badIdentitiesAreDeadLetteredWithAReasonAndTheExportNeverFails() throws Exception {
    ByteArrayOutputStream loneSurrogate = new ByteArrayOutputStream();
    loneSurrogate.writeBytes("{\"tenantId\":\"acme".getBytes(StandardCharsets.UTF_8));
    loneSurrogate.writeBytes(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80});
    loneSurrogate.writeBytes("\",\"service\":\"s\",\"operation\":\"o\",\"timestamp\":\"2026-11-20T10:00:30Z\",\"durationMs\":5,\"status\":\"ok\"}"
        .getBytes(StandardCharsets.UTF_8));
    String ts = "\"2026-11-20T10:00:30Z\"";
    List<TelemetryEvent> events = List.of(
        event(1, loneSurrogate.toByteArray(), "application/json"),
        event(2, pulse("\"   \"", "o", ts, "5"), "application/json"),
        event(3, pulse("\"" + "x".repeat(100_000) + "\"", "o", ts, "5"), "application/json"),
        event(4, pulse("\"t\"", "o".repeat(1_000_000), ts, "5"), "application/json"),
        event(5, pulse("\"t\"", "\\ud800", ts, "5"), "application/json"),
        event(6, new byte[0], "application/x-protobuf"),
        event(7, pulse("\"t\"", "o", ts, "5"), "application/json"));

    BatchResult r = useCase(store).handle(new TelemetryBatch("0", events));

    assertThat(r.deadLettered()).isEqualTo(6);
    assertThat(r.requests()).isEqualTo(1);
    assertThat(deadLetters.list("0", 10)).extracting(DeadLetter::reason).containsExactly(
        "unattributable: tenant id \"acme\\ud800\" does not match [A-Za-z0-9._-]{1,128}",
        "unattributable: tenant id \"   \" does not match [A-Za-z0-9._-]{1,128}",
        "unattributable: tenant id \"" + "x".repeat(64) + "\"… (100000 characters) does not match [A-Za-z0-9._-]{1,128}",
        "operation is longer than 256 characters (1000000): \"" + "o".repeat(64) + "\"… (1000000 characters)",
        "operation is not valid Unicode (lone surrogate): \"\\ud800\"",
        "empty body");
    assertThat(Files.readAllLines(exportDir.resolve(JsonLinesExport.WINDOWS_FILE))).hasSize(2);
  }

  @Test
  void timestampsFarInTheFutureAreOutOfRangeAndAncientOnesExpired() {
    BatchResult r = useCase(store).handle(new TelemetryBatch("0", List.of(
        event(1, pulse("\"t\"", "o", "\"9999-12-31T23:59:59Z\"", "5"), "application/json"),
        event(2, pulse("\"t\"", "o", "0", "5"), "application/json"),
        event(3, pulse("\"t\"", "o", "\"2026-11-20T11:00:30Z\"", "5"), "application/json"),
        event(4, pulse("\"t\"", "o", "\"2026-11-20T11:00:32Z\"", "5"), "application/json"))));

    assertThat(r.outOfRange()).as("year 9999 and 1 h 1 s after the newest enqueued time").isEqualTo(2);
    assertThat(r.expired()).as("epoch 0").isEqualTo(1);
    assertThat(r.requests()).as("1 h after the newest enqueued time is clock skew, accepted").isEqualTo(1);
    assertThat(r.requests() + r.notAggregated() + r.deadLettered()).isEqualTo(r.events());
  }
}
