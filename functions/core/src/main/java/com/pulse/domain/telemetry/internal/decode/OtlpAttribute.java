package com.pulse.domain.telemetry.internal.decode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The last OTLP {@code KeyValue} read from a protobuf body, as byte ranges into that body (no copy),
 * plus the resource attribute names the OTLP decoders read. Mutable, reused for every
 * attribute; not thread-safe.
 */
final class OtlpAttribute {
  static final int NONE = 0;
  static final int STRING = 1;
  static final int INT = 2;

  /** Semantic-conventions default when a resource has no {@code service.name}. */
  static final String UNKNOWN_SERVICE = "unknown_service";

  static final byte[] TENANT_ID = utf8("tenant.id");
  static final byte[] SERVICE_NAME = utf8("service.name");

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

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
