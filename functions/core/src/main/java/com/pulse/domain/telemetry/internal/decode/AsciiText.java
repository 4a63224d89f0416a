package com.pulse.domain.telemetry.internal.decode;

import java.nio.charset.StandardCharsets;

/**
 * A {@link CharSequence} over ASCII bytes of an event body ({@code bytes[start, start + length)},
 * one character per byte: UTF-8 and UTF-16 agree below 0x80), so a value that is only hashed (a
 * user id) reaches its sink without a {@link String} being made or looked up in a cache. Mutable and
 * reused: it is valid only until the next {@link #set}, which a
 * {@link com.pulse.domain.telemetry.RequestSink} documents as "for the duration of the call".
 * {@link #toString()} copies. Not thread-safe.
 */
final class AsciiText implements CharSequence {
  private byte[] bytes = new byte[0];
  private int start;
  private int length;

  /**
   * Points the view at {@code text[from, from + count)}, which must be ASCII (every byte
   * {@code 0x00..0x7F}); not checked here (the caller has: a plain string of {@link PlainJsonString},
   * or {@link #isAscii}).
   *
   * @return this
   */
  AsciiText set(byte[] text, int from, int count) {
    this.bytes = text;
    this.start = from;
    this.length = count;
    return this;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("index " + index + ", length " + length);
    }
    return (char) bytes[start + index];
  }

  @Override
  public CharSequence subSequence(int from, int to) {
    return toString().substring(from, to);
  }

  /** True if every byte of {@code bytes[offset, offset + length)} is ASCII ({@code 0x00..0x7F}). */
  static boolean isAscii(byte[] bytes, int offset, int length) {
    for (int i = offset, end = offset + length; i < end; i++) {
      if (bytes[i] < 0) { // bytes are signed: 0x80..0xFF are negative
        return false;
      }
    }
    return true;
  }

  /** A new string of the text (Latin-1 is exact for ASCII). */
  @Override
  public String toString() {
    return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
  }
}
