package com.pulse.domain.telemetry.internal.decode;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The one rule that turns an OTLP span into a Pulse record, fed by both OTLP decoders (protobuf and
 * JSON): they only find the span's fields and the attributes named here, {@link #emit} decides.
 * Attribute names follow the OpenTelemetry semantic conventions (stable HTTP and database
 * conventions, v1.26+; the older names are accepted where instrumentations still send them).
 *
 * <ul>
 *   <li>{@code SERVER} (2) and {@code CONSUMER} (5): a <b>request</b>; operation = {@code http.route},
 *       else the span name; error = status ERROR or {@code http.response.status_code}
 *       (old: {@code http.status_code}) {@code >= 500}; user = {@code user.id}, else {@code enduser.id}.
 *   <li>{@code CLIENT} (3) and {@code PRODUCER} (4): a <b>dependency call</b>; operation = the span
 *       name; error = status ERROR, {@code error.type} present, or an HTTP status {@code >= 400}
 *       (for a client, 4xx is a failed call). Dependency, first that applies:
 *       {@code peer.service} (the name the caller gives the remote service);
 *       {@code db.system.name} (old: {@code db.system}) [{@code /db.namespace} (old: {@code db.name})];
 *       {@code messaging.system} [{@code /messaging.destination.name}];
 *       {@code rpc.system} [{@code /rpc.service}];
 *       {@code server.address} (old: {@code net.peer.name});
 *       else {@code unknown}.
 *   <li>{@code INTERNAL} (1) and {@code UNSPECIFIED} (0, which the specification says to treat as
 *       INTERNAL) and unknown kinds: an <b>internal span</b>, counted only.
 * </ul>
 *
 * Start = {@code start_time_unix_nano} / 10^6 (ms, must be {@code > 0}); latency = (end − start) /
 * 10^6 ms (an end before the start rejects the event). Mutable holder of one span's fields, reset per
 * span; not thread-safe.
 */
final class SpanMapping {
  static final int KIND_UNSPECIFIED = 0;
  static final int KIND_INTERNAL = 1;
  static final int KIND_SERVER = 2;
  static final int KIND_CLIENT = 3;
  static final int KIND_PRODUCER = 4;
  static final int KIND_CONSUMER = 5;
  static final int STATUS_ERROR = 2;
  static final String UNKNOWN_DEPENDENCY = "unknown";

  // attribute ids: indexes into NAMES
  static final int HTTP_ROUTE = 0;
  static final int USER_ID = 1;
  static final int ENDUSER_ID = 2;
  static final int HTTP_RESPONSE_STATUS_CODE = 3;
  static final int HTTP_STATUS_CODE = 4;
  static final int PEER_SERVICE = 5;
  static final int DB_SYSTEM_NAME = 6;
  static final int DB_SYSTEM = 7;
  static final int DB_NAMESPACE = 8;
  static final int DB_NAME = 9;
  static final int MESSAGING_SYSTEM = 10;
  static final int MESSAGING_DESTINATION_NAME = 11;
  static final int RPC_SYSTEM = 12;
  static final int RPC_SERVICE = 13;
  static final int SERVER_ADDRESS = 14;
  static final int NET_PEER_NAME = 15;
  static final int ERROR_TYPE = 16;

  /** The attribute names the rule reads, by id. */
  static final String[] NAMES = {
    "http.route", "user.id", "enduser.id", "http.response.status_code", "http.status_code", "peer.service",
    "db.system.name", "db.system", "db.namespace", "db.name", "messaging.system", "messaging.destination.name",
    "rpc.system", "rpc.service", "server.address", "net.peer.name", "error.type",
  };
  private static final byte[][] UTF8 = new byte[NAMES.length][];
  private static final Map<String, Integer> IDS = new HashMap<>();

  static {
    for (int i = 0; i < NAMES.length; i++) {
      UTF8[i] = NAMES[i].getBytes(StandardCharsets.UTF_8);
      IDS.put(NAMES[i], i);
    }
  }

  String name;
  int kind;
  long startNanos;
  long endNanos;
  int statusCode;
  private long httpStatus;
  private final String[] strings = new String[NAMES.length];
  /**
   * {@code user.id} and {@code enduser.id} (indexes 0 and 1) held as ranges of the body when their
   * value is ASCII ({@link #asciiUser}): start, or -1 when absent or held in {@link #strings}.
   */
  private final int[] userFrom = {-1, -1};
  private final int[] userCount = new int[2];
  private byte[] userBytes;

  /** Clears the fields for the next span. */
  void reset() {
    name = "";
    kind = KIND_UNSPECIFIED;
    startNanos = 0;
    endNanos = 0;
    statusCode = 0;
    httpStatus = 0;
    java.util.Arrays.fill(strings, null);
    userFrom[0] = -1;
    userFrom[1] = -1;
  }

  /** The id of attribute {@code key}, or -1 if the rule does not read it. */
  static int idOf(String key) {
    Integer id = key == null ? null : IDS.get(key);
    return id == null ? -1 : id;
  }

  /** The id of the attribute whose UTF-8 key is {@code body[offset, offset + length)}, or -1. */
  static int idOf(byte[] body, int offset, int length) {
    for (int i = 0; i < UTF8.length; i++) {
      byte[] k = UTF8[i];
      if (k.length == length && java.util.Arrays.equals(body, offset, offset + length, k, 0, length)) {
        return i;
      }
    }
    return -1;
  }

  /** True if attribute {@code id} is read as an integer (HTTP status codes), else as a string. */
  static boolean isInt(int id) {
    return id == HTTP_RESPONSE_STATUS_CODE || id == HTTP_STATUS_CODE;
  }

  /** Records a string attribute. */
  void string(int id, String value) {
    if (id >= 0 && !isInt(id)) {
      strings[id] = value;
      if (id == USER_ID || id == ENDUSER_ID) {
        userFrom[id - USER_ID] = -1; // a later value replaces an earlier range
      }
    }
  }

  /**
   * Records {@code user.id} or {@code enduser.id} ({@code id}) as the ASCII bytes {@code body[from,
   * from + count)}: user ids are only hashed, so no string is made for them (see
   * {@link RequestBuffer#asciiUserOfLast}).
   */
  void asciiUser(int id, byte[] body, int from, int count) {
    strings[id] = null;
    userFrom[id - USER_ID] = from;
    userCount[id - USER_ID] = count;
    userBytes = body;
  }

  /** Records an integer attribute. */
  void integer(int id, long value) {
    if (isInt(id)) {
      httpStatus = Math.max(httpStatus, value);
    }
  }

  /**
   * Applies the rule to the span held: buffers a request, a dependency call or an internal span
   * (tenant and service follow from the resource, see {@link RequestBuffer#attribute}).
   *
   * @param resourceIndex position of the span's resource, for messages
   * @throws IllegalArgumentException if the start is missing or the span ends before it starts
   */
  void emit(RequestBuffer buffer, int resourceIndex) {
    boolean statusError = statusCode == STATUS_ERROR;
    if (kind == KIND_SERVER || kind == KIND_CONSUMER) {
      String operation = strings[HTTP_ROUTE] != null ? strings[HTTP_ROUTE] : name;
      long start = startMillis(resourceIndex);
      double latency = latencyMs(resourceIndex);
      boolean error = statusError || httpStatus >= 500;
      int user = strings[USER_ID] != null || userFrom[0] >= 0 ? USER_ID : ENDUSER_ID;
      buffer.add(null, null, operation, start, latency, error, strings[user]);
      if (userFrom[user - USER_ID] >= 0) {
        buffer.asciiUserOfLast(userBytes, userFrom[user - USER_ID], userCount[user - USER_ID]);
      }
    } else if (kind == KIND_CLIENT || kind == KIND_PRODUCER) {
      buffer.addDependency(dependency(), name, startMillis(resourceIndex), latencyMs(resourceIndex),
          statusError || strings[ERROR_TYPE] != null || httpStatus >= 400);
    } else {
      startMillis(resourceIndex); // a span has a start: an OTLP metrics or logs body read as traces fails here
      buffer.addInternal();
    }
  }

  private String dependency() {
    if (strings[PEER_SERVICE] != null) {
      return strings[PEER_SERVICE];
    }
    String db = first(DB_SYSTEM_NAME, DB_SYSTEM);
    if (db != null) {
      return qualified(db, first(DB_NAMESPACE, DB_NAME));
    }
    if (strings[MESSAGING_SYSTEM] != null) {
      return qualified(strings[MESSAGING_SYSTEM], strings[MESSAGING_DESTINATION_NAME]);
    }
    if (strings[RPC_SYSTEM] != null) {
      return qualified(strings[RPC_SYSTEM], strings[RPC_SERVICE]);
    }
    String address = first(SERVER_ADDRESS, NET_PEER_NAME);
    return address != null ? address : UNKNOWN_DEPENDENCY;
  }

  private String first(int id, int fallback) {
    return strings[id] != null ? strings[id] : strings[fallback];
  }

  private static String qualified(String system, String detail) {
    return detail == null || detail.isEmpty() ? system : system + '/' + detail;
  }

  private long startMillis(int resourceIndex) {
    if (startNanos <= 0) {
      throw new IllegalArgumentException(
          "resourceSpans[" + resourceIndex + "]: span without a valid startTimeUnixNano: " + startNanos
              + " (an OTLP metrics or logs request on the traces hub?)");
    }
    return startNanos / 1_000_000L;
  }

  private double latencyMs(int resourceIndex) {
    long nanos = endNanos - startNanos;
    if (nanos < 0) {
      throw new IllegalArgumentException(
          "resourceSpans[" + resourceIndex + "]: span ends before it starts (start "
              + startNanos + " ns, end " + endNanos + " ns)");
    }
    return nanos / 1_000_000.0;
  }
}
