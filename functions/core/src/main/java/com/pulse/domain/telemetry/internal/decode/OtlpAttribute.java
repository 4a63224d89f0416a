package com.pulse.domain.telemetry.internal.decode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The last OTLP {@code KeyValue} read from a protobuf body, as byte ranges into that body (no copy),
 * plus the OTLP constants and span arithmetic shared by the OTLP decoders. Mutable, reused for every
 * attribute; not thread-safe.
 */
final class OtlpAttribute {
  static final int NONE = 0;
  static final int STRING = 1;
  static final int INT = 2;

  /** {@code SpanKind.SPAN_KIND_SERVER}. */
  static final int KIND_SERVER = 2;
  /** {@code SpanKind.SPAN_KIND_CONSUMER}. */
  static final int KIND_CONSUMER = 5;
  /** {@code Status.StatusCode.STATUS_CODE_ERROR}. */
  static final int STATUS_ERROR = 2;
  /** Semantic-conventions default when a resource has no {@code service.name}. */
  static final String UNKNOWN_SERVICE = "unknown_service";

  static final byte[] TENANT_ID = utf8("tenant.id");
  static final byte[] SERVICE_NAME = utf8("service.name");
  static final byte[] HTTP_ROUTE = utf8("http.route");
  static final byte[] HTTP_RESPONSE_STATUS_CODE = utf8("http.response.status_code");
  static final byte[] HTTP_STATUS_CODE = utf8("http.status_code");
  static final byte[] USER_ID = utf8("user.id");
  static final byte[] ENDUSER_ID = utf8("enduser.id");

  int keyOffset;
  int keyLength;
  int valueKind;
  int valueOffset;
  int valueLength;
  long intValue;

  void reset() {
    keyLength = 0;
    valueKind = NONE;
  }

  boolean isString() {
    return valueKind == STRING;
  }

  boolean isInt() {
    return valueKind == INT;
  }

  boolean keyIs(byte[] body, byte[] key) {
    return keyLength == key.length
        && Arrays.equals(body, keyOffset, keyOffset + keyLength, key, 0, key.length);
  }

  String stringValue(byte[] body, StringCache cache) {
    return cache.get(body, valueOffset, valueLength);
  }

  /**
   * @return the span start in epoch milliseconds (nanoseconds / 10^6, floor)
   * @throws IllegalArgumentException if the start is missing (0) or negative
   */
  static long startMillis(long startNanos, int resourceIndex) {
    if (startNanos <= 0) {
      throw new IllegalArgumentException(
          "resourceSpans[" + resourceIndex + "]: span without a valid startTimeUnixNano: " + startNanos);
    }
    return startNanos / 1_000_000L;
  }

  /**
   * @return {@code (end - start)} in milliseconds
   * @throws IllegalArgumentException if the span ends before it starts
   */
  static double latencyMs(long startNanos, long endNanos, int resourceIndex) {
    long nanos = endNanos - startNanos;
    if (nanos < 0) {
      throw new IllegalArgumentException(
          "resourceSpans[" + resourceIndex + "]: span ends before it starts (start "
              + startNanos + " ns, end " + endNanos + " ns)");
    }
    return nanos / 1_000_000.0;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
