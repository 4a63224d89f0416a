package com.pulse.functions;

import com.pulse.app.telemetry.TelemetryBatch;
import com.pulse.app.telemetry.TelemetryEvent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the Event Hubs trigger's binding data, exactly as the Java worker delivers it for
 * {@code cardinality = MANY}, into a {@link TelemetryBatch}:
 *
 * <ul>
 *   <li>{@code PartitionContext}: a {@code Map<String, Object>} with key {@code PartitionId} (the typed
 *       {@code PartitionContext} arrives null: azure-functions-java-library issue 138);
 *   <li>{@code SystemPropertiesArray}: per event a map with {@code x-opt-sequence-number} (a number;
 *       the worker's Gson may give a {@code Double}), {@code x-opt-offset} (string or number),
 *       {@code x-opt-enqueued-time} (ISO-8601 string) and the AMQP message properties such as
 *       {@code content-type};
 *   <li>{@code PropertiesArray}: per event the application properties;
 *   <li>{@code SequenceNumberArray} / {@code EnqueuedTimeUtcArray}: per-event arrays, preferred when
 *       present, with the system properties as fallback.
 * </ul>
 *
 * <p>Content type: see {@link TelemetryEvent#contentTypeOf}. Stateless; thread-safe.
 */
final class EventHubBindingData {
  static final String PARTITION_ID = "PartitionId";
  static final String SEQUENCE_NUMBER = "x-opt-sequence-number";
  static final String OFFSET = "x-opt-offset";
  static final String ENQUEUED_TIME = "x-opt-enqueued-time";

  private EventHubBindingData() {}

  /**
   * Builds the batch. Arrays may be null when the host did not send them; their lengths must match
   * {@code bodies} when present.
   *
   * @throws IllegalArgumentException if the partition id, a sequence number or an enqueued time is
   *     missing or unparsable, or array lengths differ (a host contract violation: the invocation fails)
   */
  static TelemetryBatch toBatch(
      byte[][] bodies,
      Map<String, Object> partitionContext,
      Map<String, Object>[] systemProperties,
      Map<String, Object>[] properties,
      long[] sequenceNumbers,
      String[] enqueuedTimes) {
    Object partition = partitionContext == null ? null : partitionContext.get(PARTITION_ID);
    if (partition == null) {
      throw new IllegalArgumentException("binding data PartitionContext has no PartitionId: " + partitionContext);
    }
    int n = bodies == null ? 0 : bodies.length;
    checkLength("SystemPropertiesArray", systemProperties, n);
    checkLength("PropertiesArray", properties, n);
    if (sequenceNumbers != null && sequenceNumbers.length != n) {
      throw new IllegalArgumentException("SequenceNumberArray has " + sequenceNumbers.length + " entries for " + n + " events");
    }
    checkLength("EnqueuedTimeUtcArray", enqueuedTimes, n);
    List<TelemetryEvent> events = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Map<String, Object> system = systemProperties == null || systemProperties[i] == null ? Map.of() : systemProperties[i];
      Map<String, String> app = strings(properties == null ? null : properties[i]);
      long sequence = sequenceNumbers != null ? sequenceNumbers[i] : longValue(system.get(SEQUENCE_NUMBER), SEQUENCE_NUMBER, i);
      Object enqueued = enqueuedTimes != null && enqueuedTimes[i] != null ? enqueuedTimes[i] : system.get(ENQUEUED_TIME);
      Object offset = system.get(OFFSET);
      events.add(new TelemetryEvent(
          bodies[i] == null ? new byte[0] : bodies[i],
          sequence,
          offset == null ? null : offsetString(offset),
          instant(enqueued, i),
          TelemetryEvent.contentTypeOf(system, app),
          app));
    }
    return new TelemetryBatch(partition.toString(), events);
  }

  private static Map<String, String> strings(Map<String, Object> map) {
    if (map == null) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    map.forEach((k, v) -> {
      if (k != null && v != null) {
        out.put(k, v.toString());
      }
    });
    return out;
  }

  private static long longValue(Object value, String name, int index) {
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("event " + index + ": " + name + " is not an integer: " + s, e);
      }
    }
    throw new IllegalArgumentException("event " + index + ": missing " + name);
  }

  private static String offsetString(Object offset) {
    return offset instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : offset.toString();
  }

  /** ISO-8601 with offset, or without one (the host's DateTime in UTC). */
  static Instant instant(Object value, int index) {
    if (value == null) {
      throw new IllegalArgumentException("event " + index + ": missing enqueued time");
    }
    String s = value.toString().trim();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("event " + index + ": enqueued time is not ISO-8601: " + s, e);
      }
    }
  }

  private static void checkLength(String name, Object[] array, int n) {
    if (array != null && array.length != n) {
      throw new IllegalArgumentException(name + " has " + array.length + " entries for " + n + " events");
    }
  }
}
