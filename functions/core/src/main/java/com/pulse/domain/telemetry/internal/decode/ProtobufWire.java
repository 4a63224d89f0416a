package com.pulse.domain.telemetry.internal.decode;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;

/**
 * Protobuf wire-format steps the OTLP protobuf decoders share (https://protobuf.dev/programming-guides/encoding/).
 * Each throws {@link IOException} ({@link InvalidProtocolBufferException} for a malformed body) from the
 * {@link CodedInputStream} it reads. Stateless.
 */
final class ProtobufWire {
  static final int LEN = 2;

  /** Reads the messages of one repeated field. */
  @FunctionalInterface
  interface MessageReader {
    /** Reads one message; {@code in} is limited to it. */
    void read(CodedInputStream in) throws IOException;
  }

  private ProtobufWire() {}

  /** Skips the field of {@code tag}. */
  static void skip(CodedInputStream in, int tag) throws IOException {
    if (!in.skipField(tag)) {
      throw new InvalidProtocolBufferException("unexpected end-group tag " + tag);
    }
  }

  /**
   * Reads the length-delimited message at the stream position and, within it, each field of
   * {@code tag} (a length-delimited message) with {@code reader}; other fields are skipped.
   */
  static void nested(CodedInputStream in, int tag, MessageReader reader) throws IOException {
    int limit = in.pushLimit(in.readRawVarint32());
    each(in, tag, reader);
    in.popLimit(limit);
  }

  /**
   * Reads each field of {@code tag} (a length-delimited message) up to the current limit with
   * {@code reader}; other fields are skipped.
   */
  static void each(CodedInputStream in, int tag, MessageReader reader) throws IOException {
    for (int t = in.readTag(); t != 0; t = in.readTag()) {
      if (t == tag) {
        int inner = in.pushLimit(in.readRawVarint32());
        reader.read(in);
        in.popLimit(inner);
      } else {
        skip(in, t);
      }
    }
  }

  /**
   * The dead-letter reason for a request of {@code signal} that failed with {@code failure}: a body
   * of another signal names the hub it belongs on ({@link OtlpShape#misrouted}); else a malformed
   * body ({@link IOException}) is {@code "malformed OTLP protobuf: ..."} and an
   * {@link IllegalArgumentException} keeps its message.
   */
  static IllegalArgumentException rejected(byte[] body, OtlpShape.Signal signal, Exception failure) {
    String reason = failure instanceof IOException
        ? "malformed OTLP protobuf: " + (failure instanceof InvalidProtocolBufferException ? failure.getMessage() : failure)
        : failure.getMessage();
    String misrouted = OtlpShape.misrouted(body, signal, reason);
    return new IllegalArgumentException(misrouted != null ? misrouted : reason, failure);
  }

  /** A length-delimited string field as a cached {@link String}, checked against the enclosing limit. */
  static String string(CodedInputStream in, byte[] body, StringCache cache) throws IOException {
    int length = in.readRawVarint32();
    if (length < 0 || length > in.getBytesUntilLimit() && in.getBytesUntilLimit() >= 0) {
      throw new InvalidProtocolBufferException("string of " + length + " bytes past the end of its message");
    }
    String s = cache.get(body, in.getTotalBytesRead(), length);
    in.skipRawBytes(length);
    return s;
  }
}
