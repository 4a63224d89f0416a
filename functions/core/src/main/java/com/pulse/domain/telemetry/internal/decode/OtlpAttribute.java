package com.pulse.domain.telemetry.internal.decode;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
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
  private static final int KV_KEY = 1 << 3 | ProtobufWire.LEN;
  private static final int KV_VALUE = 2 << 3 | ProtobufWire.LEN;
  private static final int ANY_STRING = 1 << 3 | ProtobufWire.LEN;
  private static final int ANY_INT = 3 << 3;

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

  /**
   * Reads one length-delimited protobuf {@code KeyValue} at the stream position: its key, and its value
   * if a string ({@code AnyValue} field 1) or an int ({@code AnyValue} field 3); other values leave
   * {@link #NONE}.
   *
   * @throws java.io.IOException if the body is malformed
   */
  void readProtobuf(CodedInputStream in) throws IOException {
    reset();
    int limit = in.pushLimit(in.readRawVarint32());
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == KV_KEY) {
        keyLength = in.readRawVarint32();
        keyOffset = in.getTotalBytesRead();
        in.skipRawBytes(keyLength);
      } else if (tag == KV_VALUE) {
        int valueLimit = in.pushLimit(in.readRawVarint32());
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
          if (t == ANY_STRING) {
            valueKind = STRING;
            valueLength = in.readRawVarint32();
            valueOffset = in.getTotalBytesRead();
            in.skipRawBytes(valueLength);
          } else if (t == ANY_INT) {
            valueKind = INT;
            intValue = in.readInt64();
          } else {
            ProtobufWire.skip(in, t);
          }
        }
        in.popLimit(valueLimit);
      } else {
        ProtobufWire.skip(in, tag);
      }
    }
    in.popLimit(limit);
  }

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
