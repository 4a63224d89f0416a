package com.pulse.domain.telemetry.internal.decode;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the text of the parser's current {@code VALUE_STRING} token directly in the UTF-8 body when
 * the string is <em>plain</em>: printable ASCII ({@code 0x20..0x7F}) without a backslash, so its
 * bytes are its text (RFC 8259 section 7: only escapes and non-ASCII need decoding). Reading those
 * bytes spares Jackson decoding the string into its text buffer (the parser then only skips it, as
 * a bare token walk does); any other string ({@code \} escapes, non-ASCII, control characters, no
 * closing quote, or a body Jackson did not read as UTF-8 bytes) is reported as not plain, and the
 * caller reads it through {@link JsonParser#getTextCharacters()}, which also reports malformed input.
 * The token's start comes from {@link JsonParser#currentTokenLocation()} (its byte offset is the
 * opening quote for a parser created on the whole body, {@code JsonFactory.createParser(byte[])}).
 * Mutable holder of the last plain string found; not thread-safe.
 */
final class PlainJsonString {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long QUOTES = ONES * '"';
  private static final long BACKSLASHES = ONES * '\\';
  private static final long SPACES = ONES * 0x20;

  private int start;
  private int end;

  /**
   * Looks for the current {@code VALUE_STRING} token of {@code p} in {@code body}, the array the
   * parser reads from offset 0.
   *
   * @return true if the string is plain: then its text is {@code body[start(), end())}
   */
  boolean locate(JsonParser p, byte[] body) throws IOException {
    long quote = p.currentTokenLocation().getByteOffset();
    if (quote < 0 || quote >= body.length || body[(int) quote] != '"') {
      return false;
    }
    int from = (int) quote + 1;
    int i = from;
    for (; i + 8 <= body.length; i += 8) {
      long special = special((long) LONGS.get(body, i));
      if (special != 0) {
        return end(body, from, i + (Long.numberOfTrailingZeros(special) >>> 3));
      }
    }
    for (; i < body.length; i++) {
      byte b = body[i];
      if (b == '"' || b < 0x20 || b == '\\') { // bytes are signed: non-ASCII is negative
        return end(body, from, i);
      }
    }
    return false;
  }

  /** The first special byte is at {@code at}: the string is plain if it is the closing quote. */
  private boolean end(byte[] body, int from, int at) {
    if (body[at] != '"') {
      return false;
    }
    start = from;
    end = at;
    return true;
  }

  /**
   * The high bit of each byte of the little-endian word {@code w} that may be special (a quote, a
   * backslash, below 0x20 or above 0x7F): exact for the lowest flagged byte, which is all the caller
   * reads (the zero-byte test of S. E. Anderson, "Bit Twiddling Hacks", can flag bytes above a true
   * hit through the borrow).
   */
  private static long special(long w) {
    long quote = w ^ QUOTES;
    long backslash = w ^ BACKSLASHES;
    long zeroQuote = (quote - ONES) & ~quote;
    long zeroBackslash = (backslash - ONES) & ~backslash;
    long control = w - SPACES; // borrows (high bit set) for bytes below 0x20
    return (zeroQuote | zeroBackslash | control | w) & HIGH_BITS;
  }

  /** Offset of the first byte of the text last located. */
  int start() {
    return start;
  }

  /** Offset just past the last byte of the text last located (its closing quote). */
  int end() {
    return end;
  }

  /** Length of the text last located, in bytes (= characters: it is ASCII). */
  int length() {
    return end - start;
  }
}
