package com.pulse.adapter.json;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte-level pieces of the direct ADX row writers ({@code AdxRows.WindowRowWriter},
 * {@link MetricRowWriter}, {@link LogRowWriter}): each writes into a buffer the caller sized, at an offset, and returns
 * where it ended, giving the bytes Jackson's generator of {@link AdxRows#factory()} writes for the
 * same value (compact, UTF-8). Stateless; thread-safe.
 */
final class RowBytes {
  /**
   * {@code ,"key":} for every key of {@link AdxRows#BIN_KEYS}, back to back: the one of slot
   * {@code s} (key {@code s - KEY_OFFSET}) from {@code KEY_AT[s]} to {@code KEY_AT[s + 1]}; the first
   * bin of an object skips the comma.
   */
  private static final byte[] KEY_TEXT;
  private static final int[] KEY_AT = new int[AdxRows.BIN_KEYS.length + 1];

  static {
    StringBuilder text = new StringBuilder();
    for (int slot = 0; slot < AdxRows.BIN_KEYS.length; slot++) {
      KEY_AT[slot] = text.length();
      text.append(",\"").append(AdxRows.BIN_KEYS[slot].getValue()).append("\":");
    }
    KEY_AT[AdxRows.BIN_KEYS.length] = text.length();
    KEY_TEXT = ascii(text.toString());
  }

  /** Bytes of a long at most: {@code -9223372036854775808}. */
  static final int LONG_BYTES = 20;
  /** Bytes of a bin key member at most: {@code ,"-9223372036854775808":}. */
  static final int KEY_BYTES = 4 + LONG_BYTES;

  private static final byte[] BEFORE_WINDOW_START = ascii("\",\"windowStart\":\"");
  private static final byte[] BEFORE_WINDOW_END = ascii("\",\"windowEnd\":\"");
  private static final byte[] BEFORE_PARTITION = ascii("\",\"partition\":\"");
  /**
   * {@code ,"sketchGamma":<gamma>,"sketchZeroCount":}: the sketch fields every row with a latency or
   * value sketch has, {@code sketchGamma} a constant ({@code AdxRows.GAMMA_TEXT}).
   */
  static final byte[] BEFORE_SKETCH_ZERO_COUNT =
      ascii(",\"sketchGamma\":" + AdxRows.GAMMA_TEXT.getValue() + ",\"sketchZeroCount\":");
  /** Bytes of {@link #window} besides its three values. */
  static final int WINDOW_BYTES = BEFORE_WINDOW_START.length + BEFORE_WINDOW_END.length + BEFORE_PARTITION.length;

  private RowBytes() {}

  /**
   * The fields every window row has after its {@code granularity} string, up to the partition's
   * closing quote: {@code ","windowStart":"<start>","windowEnd":"<end>","partition":"<partition>},
   * at {@code at}; {@code start} and {@code end} are instant texts as the generator writes them
   * ({@code AdxRows.INSTANTS}). Returns the end, or -1 as {@link #text} (the partition is not plain,
   * or {@code at} is -1: a string before it was not).
   */
  static int window(byte[] b, int at, byte[] start, byte[] end, String partition) {
    if (at < 0) {
      return at;
    }
    int p = raw(b, raw(b, at, BEFORE_WINDOW_START), start);
    p = raw(b, raw(b, p, BEFORE_WINDOW_END), end);
    return text(b, p, BEFORE_PARTITION, partition);
  }

  /**
   * The member name of a sketch bin, {@code "key":}, preceded by a comma unless it is the
   * {@code first} member of its object, at {@code at}; returns the end (at most {@link #KEY_BYTES}
   * written). A key of the cached range ({@link AdxRows#BIN_KEYS}) is one copy.
   */
  static int binKey(byte[] b, int at, long key, boolean first) {
    int p = at;
    long slot = key + AdxRows.KEY_OFFSET;
    if (slot >= 0 && slot < AdxRows.BIN_KEYS.length) {
      int from = first ? KEY_AT[(int) slot] + 1 : KEY_AT[(int) slot];
      int length = KEY_AT[(int) slot + 1] - from;
      System.arraycopy(KEY_TEXT, from, b, p, length);
      return p + length;
    }
    if (!first) {
      b[p++] = ',';
    }
    b[p++] = '"';
    p = NumberOutput.outputLong(key, b, p);
    b[p++] = '"';
    b[p++] = ':';
    return p;
  }

  /**
   * {@code before}, then {@code s}, at {@code at}; returns the end, or -1 when a char of {@code s}
   * is not plain (the generator would escape it or encode it in more bytes) or {@code at} is -1.
   */
  static int text(byte[] b, int at, byte[] before, String s) {
    if (at < 0) {
      return at;
    }
    int p = raw(b, at, before);
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
        return -1;
      }
      b[p++] = (byte) c;
    }
    return p;
  }

  /** {@code bytes} at {@code at}; returns the end. */
  static int raw(byte[] b, int at, byte[] bytes) {
    System.arraycopy(bytes, 0, b, at, bytes.length);
    return at + bytes.length;
  }

  /** The chars of {@code ascii} (all below 0x80, e.g. number text) as bytes at {@code at}; returns the end. */
  static int ascii(byte[] b, int at, String ascii) {
    int p = at;
    for (int i = 0, n = ascii.length(); i < n; i++) {
      b[p++] = (byte) ascii.charAt(i);
    }
    return p;
  }

  /** {@code text} (ASCII) as bytes. */
  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * A row writer's byte buffer, kept between rows: it starts at 1 KiB and doubles to the bound of the
   * largest row its writer wrote, up to {@link #MAX_BYTES}. Not thread-safe (one per writer).
   */
  static final class Buffer {
    /** Rows bounded above this go to the generator (the doubling stays far from overflow). */
    static final long MAX_BYTES = 1 << 30;
    private byte[] bytes = new byte[1_024];

    /**
     * The buffer, grown if it cannot hold {@code bound} bytes, holding its first {@code used} bytes
     * as they were; null if {@code bound} exceeds {@link #MAX_BYTES} (the caller leaves the row to
     * the generator).
     */
    byte[] reserve(long bound, int used) {
      if (bound > MAX_BYTES) {
        return null;
      }
      if (bytes.length < bound) {
        int size = bytes.length;
        while (size < bound) {
          size <<= 1;
        }
        bytes = Arrays.copyOf(bytes, size);
      }
      return bytes;
    }
  }
}
