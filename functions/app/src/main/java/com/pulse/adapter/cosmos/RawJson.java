package com.pulse.adapter.cosmos;

import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * JSON text, as UTF-8 bytes, for a raw write ({@code JsonGenerator.writeRaw}/{@code writeRawValue}):
 * how the window documents' JSON ({@link TenantWindowJson}, {@link SeriesListJson}) hands Jackson
 * pieces it wrote once and keeps. Only the "unquoted" operations, which raw writes use, are supported:
 * they give the bytes as they are to a byte generator, and the text they decode to (UTF-8) to a
 * character one. Implementations are immutable.
 */
abstract class RawJson implements SerializableString {
  /** Bytes of the text. */
  abstract int length();

  /** Copies the text into {@code buffer} at {@code offset}, which has room for {@link #length()}. */
  abstract void append(byte[] buffer, int offset);

  @Override
  public byte[] asUnquotedUTF8() {
    byte[] out = new byte[length()];
    append(out, 0);
    return out;
  }

  /** The text the bytes decode to (UTF-8). */
  @Override
  public String getValue() {
    return new String(asUnquotedUTF8(), StandardCharsets.UTF_8);
  }

  @Override
  public int charLength() {
    return getValue().length();
  }

  @Override
  public int appendUnquotedUTF8(byte[] buffer, int offset) {
    int n = length();
    if (offset + n > buffer.length) {
      return -1;
    }
    append(buffer, offset);
    return n;
  }

  /**
   * Copies the text as chars if it is ASCII and fits; -1 otherwise, so that a character generator
   * writes {@link #getValue()} instead.
   */
  @Override
  public int appendUnquoted(char[] buffer, int offset) {
    int n = length();
    if (offset + n > buffer.length) {
      return -1;
    }
    byte[] b = asUnquotedUTF8();
    for (int i = 0; i < n; i++) {
      if (b[i] < 0) {
        return -1;
      }
      buffer[offset + i] = (char) b[i];
    }
    return n;
  }

  @Override
  public int writeUnquotedUTF8(OutputStream out) throws IOException {
    byte[] b = asUnquotedUTF8();
    out.write(b);
    return b.length;
  }

  @Override
  public int putUnquotedUTF8(ByteBuffer buffer) {
    int n = length();
    if (buffer.remaining() < n) {
      return -1;
    }
    buffer.put(asUnquotedUTF8());
    return n;
  }

  /** Not a raw-value operation. */
  @Override
  public char[] asQuotedChars() {
    throw new UnsupportedOperationException("raw JSON");
  }

  /** Not a raw-value operation. */
  @Override
  public byte[] asQuotedUTF8() {
    throw new UnsupportedOperationException("raw JSON");
  }

  /** Not a raw-value operation. */
  @Override
  public int appendQuotedUTF8(byte[] buffer, int offset) {
    throw new UnsupportedOperationException("raw JSON");
  }

  /** Not a raw-value operation. */
  @Override
  public int appendQuoted(char[] buffer, int offset) {
    throw new UnsupportedOperationException("raw JSON");
  }

  /** Not a raw-value operation. */
  @Override
  public int writeQuotedUTF8(OutputStream out) {
    throw new UnsupportedOperationException("raw JSON");
  }

  /** Not a raw-value operation. */
  @Override
  public int putQuotedUTF8(ByteBuffer buffer) {
    throw new UnsupportedOperationException("raw JSON");
  }

  @Override
  public String toString() {
    return getValue();
  }

  /** JSON text held as its bytes. Immutable. */
  static class OfBytes extends RawJson {
    private final byte[] bytes;

    /** @param bytes the text, UTF-8; not copied (and not to be changed) */
    OfBytes(byte[] bytes) {
      this.bytes = bytes;
    }

    /** The bytes; not to be changed. */
    final byte[] bytes() {
      return bytes;
    }

    @Override
    final int length() {
      return bytes.length;
    }

    @Override
    final void append(byte[] buffer, int offset) {
      System.arraycopy(bytes, 0, buffer, offset, bytes.length);
    }

    /** The bytes themselves (Jackson only reads them). */
    @Override
    public final byte[] asUnquotedUTF8() {
      return bytes;
    }
  }
}
