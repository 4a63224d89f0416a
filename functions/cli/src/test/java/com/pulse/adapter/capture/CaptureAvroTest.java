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

  /**
   * Random records (every property value type, null values, long and non-ASCII strings, null and empty
   * bodies, content types in either map, blank or as bytes) read by the record reader of the Capture
   * schema and, from a file whose writer schema has one more field, by Avro's generic reader with
   * schema resolution: both give the same events.
   */
  @Test
  void theCaptureRecordReaderAndTheGenericReaderGiveTheSameEvents() throws Exception {
    java.util.Random random = new java.util.Random(7);
    org.apache.avro.Schema extended = new org.apache.avro.Schema.Parser().parse(CaptureAvro.SCHEMA.toString()
        .replace("{\"name\":\"Body\"", "{\"name\":\"Extra\",\"type\":\"string\"},{\"name\":\"Body\""));
    List<org.apache.avro.generic.GenericRecord> plain = new java.util.ArrayList<>();
    List<org.apache.avro.generic.GenericRecord> withExtra = new java.util.ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      Map<String, Object> system = new java.util.LinkedHashMap<>();
      system.put("x-opt-sequence-number", (long) i);
      system.put("x-opt-enqueued-time", 1_795_000_000_000L + i);
      switch (random.nextInt(5)) {
        case 0 -> system.put("content-type", "application/json");
        case 1 -> system.put("content-type", java.nio.ByteBuffer.wrap("application/x-protobuf".getBytes(StandardCharsets.UTF_8)));
        case 2 -> system.put("content-type", " ");
        case 3 -> system.put("x-opt-partition-key", "tenant-" + random.nextInt(3));
        default -> { }
      }
      Map<String, Object> properties = new java.util.LinkedHashMap<>();
      for (int k = random.nextInt(4); k > 0; k--) {
        String key = random.nextInt(6) == 0 ? "contentType" : "p" + random.nextInt(5);
        properties.put(key, switch (random.nextInt(6)) {
          case 0 -> random.nextLong();
          case 1 -> random.nextDouble();
          case 2 -> "v\u00e9" + "x".repeat(random.nextInt(2) == 0 ? 3 : 300);
          case 3 -> java.nio.ByteBuffer.wrap(new byte[] {(byte) random.nextInt(), 2, 3});
          case 4 -> null;
          default -> "application/json";
        });
      }
      byte[] body = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(400)];
      random.nextBytes(body);
      for (org.apache.avro.Schema schema : List.of(CaptureAvro.SCHEMA, extended)) {
        org.apache.avro.generic.GenericRecord r = new org.apache.avro.generic.GenericData.Record(schema);
        r.put("SequenceNumber", 100L + i);
        r.put("Offset", Long.toString(4096L * i));
        r.put("EnqueuedTimeUtc", "11/20/2026 10:0" + (i / 1000) + ":0" + (i % 10) + " PM");
        r.put("SystemProperties", system);
        r.put("Properties", properties);
        r.put("Body", random.nextInt(7) == 0 && body.length == 0 ? null : java.nio.ByteBuffer.wrap(body));
        if (schema == extended) {
          r.put("Extra", "ignored");
          withExtra.add(r);
        } else {
          plain.add(r);
        }
      }
    }
    Path fast = write(dir.resolve("fast.avro"), CaptureAvro.SCHEMA, plain);
    Path generic = write(dir.resolve("generic.avro"), extended, withExtra);

    List<CapturedEvent> a = CaptureAvro.read(fast, "1");
    List<CapturedEvent> b = CaptureAvro.read(generic, "1");
    assertThat(a).hasSize(2_000).hasSameSizeAs(b);
    for (int i = 0; i < a.size(); i++) {
      TelemetryEvent x = a.get(i).event();
      TelemetryEvent y = b.get(i).event();
      assertThat(x.body()).as("body %d", i).isEqualTo(y.body());
      assertThat(x.sequenceNumber()).isEqualTo(y.sequenceNumber()).isEqualTo(100L + i);
      assertThat(x.offset()).isEqualTo(y.offset()).isEqualTo(Long.toString(4096L * i));
      assertThat(x.enqueuedTime()).isEqualTo(y.enqueuedTime());
      assertThat(x.contentType()).as("content type %d", i).isEqualTo(y.contentType());
      assertThat(x.properties()).as("properties %d", i).isEqualTo(y.properties());
    }
    assertThat(a).extracting(e -> e.event().contentType()).contains("application/json", "application/x-protobuf", null);
    assertThat(a).extracting(e -> e.event().properties().size()).contains(0, 1, 2, 3);
  }

  private static Path write(Path file, org.apache.avro.Schema schema, List<org.apache.avro.generic.GenericRecord> records)
      throws java.io.IOException {
    try (org.apache.avro.file.DataFileWriter<org.apache.avro.generic.GenericRecord> writer =
        new org.apache.avro.file.DataFileWriter<>(new org.apache.avro.generic.GenericDatumWriter<>(schema))) {
      writer.setCodec(org.apache.avro.file.CodecFactory.deflateCodec(6));
      writer.create(schema, file.toFile());
      for (org.apache.avro.generic.GenericRecord r : records) {
        writer.append(r);
      }
    }
    return file;
  }
}
