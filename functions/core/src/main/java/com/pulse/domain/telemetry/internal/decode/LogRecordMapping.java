package com.pulse.domain.telemetry.internal.decode;

import com.pulse.domain.telemetry.log.Severity;

/**
 * The one rule that turns an OTLP {@code LogRecord} into a Pulse log record, fed by both OTLP logs
 * decoders (protobuf and JSON):
 *
 * <ul>
 *   <li>time = {@code time_unix_nano}, else (0: unknown) {@code observed_time_unix_nano}, the rule
 *       the logs data model recommends to consumers that keep one timestamp
 *       (https://opentelemetry.io/docs/specs/otel/logs/data-model/#field-observedtimestamp); a record
 *       with neither rejects the event;
 *   <li>severity = {@code severity_number} as sent ({@code severity_text} is not interpreted: the
 *       data model defines the buckets by number);
 *   <li>message (ERROR and FATAL only): a string {@code body}, else the {@code event_name}, else
 *       {@code (<type> body)} for a body of another {@code AnyValue} type ({@code (kvlist body)},
 *       {@code (int body)}, ...), else {@code (no body)}.
 * </ul>
 *
 * Mutable holder of one record's fields, reset per record; not thread-safe.
 */
final class LogRecordMapping {
  static final String NO_BODY = "(no body)";

  long timeNanos;
  long observedNanos;
  int severityNumber;
  /** The string body, or null. */
  String body;
  /** The AnyValue type of a non-string body ({@code "kvlist"}, ...), or null. */
  String bodyType;
  String eventName;

  void reset() {
    timeNanos = 0;
    observedNanos = 0;
    severityNumber = 0;
    body = null;
    bodyType = null;
    eventName = null;
  }

  /** True if the record's message is used: its severity keeps templates. */
  boolean needsMessage() {
    Severity s = Severity.ofNumber(severityNumber);
    return s != null && s.keepsTemplates();
  }

  /**
   * Buffers the record held (tenant and service follow from its resource).
   *
   * @param resourceIndex position of the record's resource, for messages
   * @throws IllegalArgumentException if the record has no time
   */
  void emit(LogBuffer buffer, int resourceIndex) {
    long nanos = timeNanos > 0 ? timeNanos : observedNanos;
    if (nanos <= 0) {
      throw new IllegalArgumentException("resourceLogs[" + resourceIndex
          + "]: log record without a valid timeUnixNano or observedTimeUnixNano");
    }
    buffer.add(severityNumber, nanos / 1_000_000L, needsMessage() ? message() : null);
  }

  private String message() {
    if (body != null) {
      return body;
    }
    if (eventName != null && !eventName.isEmpty()) {
      return eventName;
    }
    return bodyType != null ? "(" + bodyType + " body)" : NO_BODY;
  }
}
