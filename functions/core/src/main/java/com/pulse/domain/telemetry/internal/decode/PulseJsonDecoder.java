package com.pulse.domain.telemetry.internal.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
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
 * Reading (docs/TELEMETRY.md, "Decoding"): the fields are expected in the order above and matched by
 * their bytes ({@link JsonParser#nextFieldName(SerializableString)}); a field out of that order is
 * found by name, so any order decodes the same and a repeated field keeps its last value. Plain
 * string values are read from the body bytes ({@link PlainJsonString}), others through Jackson.
 *
 * <p>Not thread-safe: it owns string caches and writes into a shared buffer.
 */
final class PulseJsonDecoder {
  /** Outcome of {@link #decodeObject} when the object turns out to be an OTLP request. */
  static final int OTLP = -1;

  // field ids: the usual order of the fields (TELEMETRY.md, the producers' order), then the others
  private static final int TENANT_ID = 0;
  private static final int SERVICE = 1;
  private static final int OPERATION = 2;
  private static final int TIMESTAMP = 3;
  private static final int DURATION_MS = 4;
  private static final int STATUS = 5;
  private static final int USER_ID = 6;
  private static final int TRACEPARENT = 7;
  private static final int RESOURCE_SPANS = 8;
  private static final int OTHER = 9;
  private static final int END = 10;

  /**
   * The field names by id, in the usual order: each is first matched against the body's bytes
   * ({@link JsonParser#nextFieldName(SerializableString)}), skipping the symbol-table lookup; a field
   * out of this order is found by name.
   */
  private static final SerializableString[] USUAL_ORDER = {
    new SerializedString("tenantId"), new SerializedString("service"), new SerializedString("operation"),
    new SerializedString("timestamp"), new SerializedString("durationMs"), new SerializedString("status"),
    new SerializedString("userId"), new SerializedString("traceparent"),
  };

  private final RequestBuffer buffer;
  private final StringCache names = new StringCache(StringCache.NAME_SLOTS);
  private final StringCache users = new StringCache(16384);
  private final PlainJsonString plain = new PlainJsonString();
  private final IsoInstant instants = new IsoInstant();

  PulseJsonDecoder(RequestBuffer buffer) {
    this.buffer = buffer;
  }

  /**
   * Decodes a top-level array of events; the parser is on its {@code START_ARRAY}.
   *
   * @param body the bytes the parser reads (from offset 0)
   * @throws IllegalArgumentException on an invalid event (message names its index and field)
   * @throws IOException from Jackson on malformed JSON
   */
  void decodeArray(JsonParser p, byte[] body) throws IOException {
    int index = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException(
            "event " + index + ": expected a JSON object, found " + t);
      }
      if (decodeObject(p, body, index, firstToken(p)) == OTLP) {
        throw new IllegalArgumentException(
            "event " + index + ": OTLP 'resourceSpans' inside a Pulse event array");
      }
      index++;
    }
  }

  /**
   * Decodes one event object whose first token after {@code START_OBJECT} is {@code first}.
   *
   * @param body the bytes the parser reads (from offset 0)
   * @param index position of the event in its body, for error messages
   * @return 1, or {@link #OTLP} if a top-level {@code resourceSpans} field was met (the caller
   *     restarts as OTLP/JSON)
   * @throws IllegalArgumentException on an invalid event
   * @throws IOException from Jackson on malformed JSON
   */
  int decodeObject(JsonParser p, byte[] body, int index, JsonToken first) throws IOException {
    String tenant = null;
    String service = null;
    String operation = null;
    String user = null;
    int userFrom = -1; // the user id's bytes in the body when plain, else -1 (then: user)
    int userCount = 0;
    long timestamp = Long.MIN_VALUE;
    double duration = Double.NaN;
    int status = -1;
    for (int field = fieldOf(p, first); field != END; field = nextField(p, field + 1)) {
      JsonToken v = p.nextToken();
      switch (field) {
        case TENANT_ID:
          tenant = v == JsonToken.VALUE_NULL ? null : text(p, body, v, index, "tenantId", names);
          break;
        case SERVICE:
          service = text(p, body, v, index, "service", names);
          break;
        case OPERATION:
          operation = text(p, body, v, index, "operation", names);
          break;
        case USER_ID: // only hashed downstream: a plain id goes on as its bytes, with no string made
          user = null;
          userFrom = -1;
          if (v == JsonToken.VALUE_STRING && plain.locate(p, body)) {
            userFrom = plain.start();
            userCount = plain.length();
          } else if (v != JsonToken.VALUE_NULL) {
            user = decodedText(p, v, index, "userId", users);
          }
          break;
        case TIMESTAMP:
          timestamp = timestamp(p, body, v, index);
          break;
        case DURATION_MS:
          duration = duration(p, v, index);
          break;
        case STATUS:
          status = status(p, body, v, index);
          break;
        case RESOURCE_SPANS:
          return OTLP;
        default: // traceparent (W3C trace context; not needed for aggregation, so not decoded) and unknown fields
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
    if (userFrom >= 0) {
      buffer.asciiUserOfLast(body, userFrom, userCount);
    }
    return 1;
  }

  /**
   * Moves to the first token inside an object (the parser on its {@code START_OBJECT}), as
   * {@link JsonParser#nextToken()} does, matching the usual first field ({@code tenantId}) by its bytes.
   *
   * @return the token the parser is now on
   */
  static JsonToken firstToken(JsonParser p) throws IOException {
    p.nextFieldName(USUAL_ORDER[TENANT_ID]);
    return p.currentToken();
  }

  /**
   * Moves to the next field, trying the one of id {@code expected} first.
   *
   * @return the id of the field the parser is now on, or {@link #END} at the end of the object
   */
  private static int nextField(JsonParser p, int expected) throws IOException {
    if (expected < USUAL_ORDER.length) {
      if (p.nextFieldName(USUAL_ORDER[expected])) {
        return expected;
      }
      return fieldOf(p, p.currentToken());
    }
    return fieldOf(p, p.nextToken());
  }

  /** The id of the field {@code t} names, or {@link #END} if {@code t} is not a field name. */
  private static int fieldOf(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.FIELD_NAME) {
      return END;
    }
    String name = p.currentName();
    if (name.equals("tenantId")) { // the usual first field; Jackson interns names, so no hash is needed
      return TENANT_ID;
    }
    switch (name) {
      case "tenantId":
        return TENANT_ID;
      case "service":
        return SERVICE;
      case "operation":
        return OPERATION;
      case "timestamp":
        return TIMESTAMP;
      case "durationMs":
        return DURATION_MS;
      case "status":
        return STATUS;
      case "userId":
        return USER_ID;
      case "traceparent":
        return TRACEPARENT;
      case "resourceSpans":
        return RESOURCE_SPANS;
      default:
        return OTHER;
    }
  }

  private String text(JsonParser p, byte[] body, JsonToken v, int index, String field, StringCache cache)
      throws IOException {
    if (v == JsonToken.VALUE_STRING && plain.locate(p, body)) {
      return cache.get(body, plain.start(), plain.length());
    }
    return decodedText(p, v, index, field, cache);
  }

  /** The string value as Jackson decodes it (escapes, non-ASCII), for one that is not plain. */
  private String decodedText(JsonParser p, JsonToken v, int index, String field, StringCache cache) throws IOException {
    if (v != JsonToken.VALUE_STRING) {
      throw wrongType(index, field, "a string", v);
    }
    return cache.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
  }

  private long timestamp(JsonParser p, byte[] body, JsonToken v, int index) throws IOException {
    if (v == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    if (v != JsonToken.VALUE_STRING) {
      throw wrongType(index, "timestamp", "an ISO-8601 string or epoch milliseconds", v);
    }
    try {
      if (plain.locate(p, body)) {
        return instants.parseEpochMillis(body, plain.start(), plain.length());
      }
      return instants.parseEpochMillis(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
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

  /** 0 for {@code "ok"}, 1 for {@code "error"} (any case). */
  private int status(JsonParser p, byte[] body, JsonToken v, int index) throws IOException {
    if (v != JsonToken.VALUE_STRING) {
      throw wrongType(index, "status", "\"ok\" or \"error\"", v);
    }
    if (plain.locate(p, body)) {
      if (matchesAscii(body, plain.start(), plain.length(), "ok")) {
        return 0;
      }
      if (matchesAscii(body, plain.start(), plain.length(), "error")) {
        return 1;
      }
    } else {
      char[] c = p.getTextCharacters();
      int off = p.getTextOffset();
      int len = p.getTextLength();
      if (matches(c, off, len, "ok")) {
        return 0;
      }
      if (matches(c, off, len, "error")) {
        return 1;
      }
    }
    throw new IllegalArgumentException(
        "event " + index + ": status must be \"ok\" or \"error\", was \"" + p.getText() + "\"");
  }

  /** ASCII {@code b[off, off + len)} equals {@code lower} ignoring case ({@code lower} is lower-case letters). */
  private static boolean matchesAscii(byte[] b, int off, int len, String lower) {
    if (len != lower.length()) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if ((b[off + i] | 0x20) != lower.charAt(i)) {
        return false;
      }
    }
    return true;
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
