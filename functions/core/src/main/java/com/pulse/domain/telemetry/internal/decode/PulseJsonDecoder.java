package com.pulse.domain.telemetry.internal.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Streaming decoder of Pulse JSON events into a {@link RequestBuffer}. An event is an object:
 *
 * <pre>{@code
 * {"tenantId":"contoso","service":"checkout","operation":"POST /orders",
 *  "timestamp":"2026-11-21T05:41:37.123Z","durationMs":12.5,"status":"ok",
 *  "userId":"u-42","traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}
 * }</pre>
 *
 * <ul>
 *   <li>{@code tenantId}, {@code service}, {@code operation}: non-empty strings, required (a missing
 *       tenant makes the event unattributable);
 *   <li>{@code timestamp}: required, either an ISO-8601 / RFC 3339 string with an offset ({@code Z}
 *       or {@code ±hh:mm}; see {@link IsoInstant}) or an integer of epoch milliseconds UTC;
 *   <li>{@code durationMs}: required finite number {@code >= 0} (milliseconds, fractions allowed);
 *   <li>{@code status}: required, {@code "ok"} or {@code "error"} (case-insensitive);
 *   <li>{@code userId}: optional string or null; {@code traceparent} (W3C trace context): optional,
 *       accepted and not decoded (aggregation does not need it; it costs a string decode per event);
 *   <li>other fields are ignored (forward compatible).
 * </ul>
 *
 * Not thread-safe: it owns string caches and writes into a shared buffer.
 */
final class PulseJsonDecoder {
  /** Outcome of {@link #decodeObject} when the object turns out to be an OTLP request. */
  static final int OTLP = -1;

  private final RequestBuffer buffer;
  private final StringCache names = new StringCache(1024);
  private final StringCache users = new StringCache(16384);

  PulseJsonDecoder(RequestBuffer buffer) {
    this.buffer = buffer;
  }

  /**
   * Decodes a top-level array of events; the parser is on its {@code START_ARRAY}.
   *
   * @throws IllegalArgumentException on an invalid event (message names its index and field)
   * @throws IOException from Jackson on malformed JSON
   */
  void decodeArray(JsonParser p) throws IOException {
    int index = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException(
            "event " + index + ": expected a JSON object, found " + t);
      }
      if (decodeObject(p, index, p.nextToken()) == OTLP) {
        throw new IllegalArgumentException(
            "event " + index + ": OTLP 'resourceSpans' inside a Pulse event array");
      }
      index++;
    }
  }

  /**
   * Decodes one event object whose first token after {@code START_OBJECT} is {@code first}.
   *
   * @param index position of the event in its body, for error messages
   * @return 1, or {@link #OTLP} if a top-level {@code resourceSpans} field was met (the caller
   *     restarts as OTLP/JSON)
   * @throws IllegalArgumentException on an invalid event
   * @throws IOException from Jackson on malformed JSON
   */
  int decodeObject(JsonParser p, int index, JsonToken first) throws IOException {
    String tenant = null;
    String service = null;
    String operation = null;
    String user = null;
    long timestamp = Long.MIN_VALUE;
    double duration = Double.NaN;
    int status = -1;
    for (JsonToken t = first; t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      switch (field) {
        case "tenantId":
          tenant = v == JsonToken.VALUE_NULL ? null : text(p, v, index, field, names);
          break;
        case "service":
          service = text(p, v, index, field, names);
          break;
        case "operation":
          operation = text(p, v, index, field, names);
          break;
        case "userId":
          user = v == JsonToken.VALUE_NULL ? null : text(p, v, index, field, users);
          break;
        case "timestamp":
          timestamp = timestamp(p, v, index);
          break;
        case "durationMs":
          duration = duration(p, v, index);
          break;
        case "status":
          status = status(p, v, index);
          break;
        case "traceparent": // W3C trace context; not needed for aggregation, so not decoded
          p.skipChildren();
          break;
        case "resourceSpans":
          return OTLP;
        default:
          p.skipChildren();
      }
    }
    if (tenant == null || tenant.isEmpty()) {
      throw new IllegalArgumentException("unattributable: event " + index + " has no tenantId");
    }
    require(service, index, "service");
    require(operation, index, "operation");
    if (timestamp == Long.MIN_VALUE) {
      throw missing(index, "timestamp");
    }
    if (Double.isNaN(duration)) {
      throw missing(index, "durationMs");
    }
    if (status < 0) {
      throw missing(index, "status");
    }
    buffer.add(tenant, service, operation, timestamp, duration, status == 1, user);
    return 1;
  }

  private static String text(JsonParser p, JsonToken v, int index, String field, StringCache cache)
      throws IOException {
    if (v != JsonToken.VALUE_STRING) {
      throw wrongType(index, field, "a string", v);
    }
    return cache.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
  }

  private static long timestamp(JsonParser p, JsonToken v, int index) throws IOException {
    if (v == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    if (v != JsonToken.VALUE_STRING) {
      throw wrongType(index, "timestamp", "an ISO-8601 string or epoch milliseconds", v);
    }
    try {
      return IsoInstant.parseEpochMillis(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("event " + index + ": timestamp " + e.getMessage(), e);
    }
  }

  private static double duration(JsonParser p, JsonToken v, int index) throws IOException {
    if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
      throw wrongType(index, "durationMs", "a number", v);
    }
    double d = Decimal.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    if (Double.isNaN(d)) {
      d = p.getDoubleValue();
    }
    if (!(d >= 0) || Double.isInfinite(d)) {
      throw new IllegalArgumentException(
          "event " + index + ": durationMs must be finite and >= 0, was " + d);
    }
    return d;
  }

  private static int status(JsonParser p, JsonToken v, int index) throws IOException {
    if (v != JsonToken.VALUE_STRING) {
      throw wrongType(index, "status", "\"ok\" or \"error\"", v);
    }
    char[] c = p.getTextCharacters();
    int off = p.getTextOffset();
    int len = p.getTextLength();
    if (matches(c, off, len, "ok")) {
      return 0;
    }
    if (matches(c, off, len, "error")) {
      return 1;
    }
    throw new IllegalArgumentException(
        "event " + index + ": status must be \"ok\" or \"error\", was \"" + p.getText() + "\"");
  }

  private static boolean matches(char[] c, int off, int len, String lower) {
    if (len != lower.length()) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (Character.toLowerCase(c[off + i]) != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static void require(String value, int index, String field) {
    if (value == null || value.isEmpty()) {
      throw missing(index, field);
    }
  }

  private static IllegalArgumentException missing(int index, String field) {
    return new IllegalArgumentException("event " + index + ": missing required field '" + field + "'");
  }

  private static IllegalArgumentException wrongType(
      int index, String field, String expected, JsonToken actual) {
    return new IllegalArgumentException(
        "event " + index + ": field '" + field + "' must be " + expected + ", found " + actual);
  }
}
