package com.pulse.adapter.capture;

import com.pulse.app.telemetry.TelemetryEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Shared rules of the Event Hubs Capture record (https://learn.microsoft.com/azure/event-hubs/event-hubs-capture-overview):
 * fields {@code SequenceNumber} (long), {@code Offset} (string), {@code EnqueuedTimeUtc} (string,
 * .NET invariant culture {@code M/d/yyyy h:mm:ss tt}, e.g. {@code 11/20/2026 10:00:02 AM}),
 * {@code SystemProperties} and {@code Properties} (maps) and {@code Body} (bytes); and the default
 * Capture path {@code {Namespace}/{EventHub}/{PartitionId}/{Year}/{Month}/{Day}/{Hour}/{Minute}/{Second}}.
 * Stateless; thread-safe.
 */
public final class CaptureFormat {
  /** Format of {@code EnqueuedTimeUtc} written by Capture. */
  public static final DateTimeFormatter CAPTURE_TIME = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);

  private CaptureFormat() {}

  /**
   * Parses {@code EnqueuedTimeUtc}: the Capture form (seconds precision, UTC) or ISO-8601.
   *
   * @throws IllegalArgumentException if it is neither
   */
  public static Instant parseEnqueuedTime(String value) {
    String s = value.trim();
    try {
      return LocalDateTime.parse(s, CAPTURE_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notCapture) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("EnqueuedTimeUtc is neither 'M/d/yyyy h:mm:ss AM' nor ISO-8601: " + value, e);
      }
    }
  }

  /**
   * The partition id from a Capture path: the directory just above the 4-digit year directory, or
   * null when the path has no such shape.
   */
  public static String partitionFromPath(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    for (int i = abs.getNameCount() - 2; i >= 1; i--) {
      if (abs.getName(i).toString().matches("\\d{4}")) {
        return abs.getName(i - 1).toString();
      }
    }
    return null;
  }

  /** System properties Pulse writes for an event: sequence number, offset, enqueued time, content type. */
  static Map<String, Object> systemProperties(TelemetryEvent e) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("x-opt-sequence-number", e.sequenceNumber());
    if (e.offset() != null) {
      m.put("x-opt-offset", e.offset());
    }
    m.put("x-opt-enqueued-time", e.enqueuedTime().toEpochMilli());
    if (e.contentType() != null) {
      m.put("content-type", e.contentType());
    }
    return m;
  }
}
