package com.pulse.app.telemetry;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One Event Hubs event as the trigger delivers it (body plus its system metadata). The body array is
 * not copied; treat it as immutable.
 *
 * @param body raw event body
 * @param sequenceNumber Event Hubs sequence number within the partition ({@code x-opt-sequence-number})
 * @param offset Event Hubs offset ({@code x-opt-offset}), as a string; may be null when unknown
 * @param enqueuedTime enqueue time ({@code x-opt-enqueued-time}), UTC
 * @param contentType the event's content type ({@code content-type}), or null when absent
 * @param properties application properties as strings (empty when none)
 */
public record TelemetryEvent(
    byte[] body, long sequenceNumber, String offset, Instant enqueuedTime, String contentType, Map<String, String> properties) {

  /** @throws NullPointerException if body, enqueuedTime or properties is null */
  public TelemetryEvent {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(enqueuedTime, "enqueuedTime");
    properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
  }

  /**
   * The content type of an event: the AMQP {@code content-type} message property (EventData
   * {@code ContentType}; the Functions host and Event Hubs Capture list it among the system
   * properties), else an application property named {@code content-type} (any case) or
   * {@code contentType}, for producers that can only set application properties; null when none.
   *
   * @param systemProperties system properties (may be null)
   * @param properties application properties as strings (may be null)
   */
  public static String contentTypeOf(Map<String, ?> systemProperties, Map<String, String> properties) {
    Object amqp = systemProperties == null ? null : systemProperties.get("content-type");
    if (amqp != null && !amqp.toString().isBlank()) {
      return amqp.toString();
    }
    if (properties != null) {
      for (Map.Entry<String, String> e : properties.entrySet()) {
        if (e.getKey().equalsIgnoreCase("content-type") || e.getKey().equals("contentType")) {
          return e.getValue();
        }
      }
    }
    return null;
  }
}
