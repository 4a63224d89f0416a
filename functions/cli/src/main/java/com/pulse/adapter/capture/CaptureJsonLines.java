package com.pulse.adapter.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.app.telemetry.TelemetryEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON-lines form of Capture records: one object per line with the Capture field names,
 * {@code Body} as base64 (RFC 4648) and an optional {@code PartitionId}:
 * <pre>{@code {"SequenceNumber":12,"Offset":"4096","EnqueuedTimeUtc":"2026-11-20T10:00:02Z",
 *  "SystemProperties":{"content-type":"application/json"},"Properties":{},"Body":"eyJ0..."}}</pre>
 * Stateless; thread-safe.
 */
public final class CaptureJsonLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CaptureJsonLines() {}

  /**
   * Reads a JSON-lines file; blank lines are skipped.
   *
   * @param defaultPartition partition for lines without {@code PartitionId} (may be null)
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException naming the line if a line is not a valid record or has no partition
   */
  public static List<CapturedEvent> read(Path file, String defaultPartition) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<CapturedEvent> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        JsonNode n = JSON.readTree(lines.get(i));
        Map<String, Object> system = JSON.convertValue(n.path("SystemProperties"), Map.class);
        Map<String, String> props = new LinkedHashMap<>();
        n.path("Properties").fields().forEachRemaining(f -> props.put(f.getKey(), f.getValue().asText()));
        String partition = n.hasNonNull("PartitionId") ? n.get("PartitionId").asText() : defaultPartition;
        if (partition == null) {
          throw new IllegalArgumentException("no PartitionId and no --partition");
        }
        if (!n.path("SequenceNumber").canConvertToLong() || !n.hasNonNull("EnqueuedTimeUtc")) {
          throw new IllegalArgumentException("SequenceNumber and EnqueuedTimeUtc are required");
        }
        out.add(new CapturedEvent(partition, new TelemetryEvent(
            n.hasNonNull("Body") ? Base64.getDecoder().decode(n.get("Body").asText()) : new byte[0],
            n.get("SequenceNumber").asLong(),
            n.path("Offset").asText(null),
            CaptureFormat.parseEnqueuedTime(n.get("EnqueuedTimeUtc").asText()),
            TelemetryEvent.contentTypeOf(system, props),
            props)));
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** One JSON line for an event (used by tests and the dead-letter tools). */
  public static String line(String partition, TelemetryEvent e) {
    ObjectNode n = JSON.createObjectNode();
    n.put("PartitionId", partition);
    n.put("SequenceNumber", e.sequenceNumber());
    n.put("Offset", e.offset());
    n.put("EnqueuedTimeUtc", e.enqueuedTime().toString());
    n.set("SystemProperties", JSON.valueToTree(CaptureFormat.systemProperties(e)));
    n.set("Properties", JSON.valueToTree(e.properties()));
    n.put("Body", Base64.getEncoder().encodeToString(e.body()));
    return n.toString();
  }
}
