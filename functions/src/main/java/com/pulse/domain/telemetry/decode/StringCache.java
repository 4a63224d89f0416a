package com.pulse.domain.telemetry.decode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small direct-mapped cache from text (a {@code char[]} range from Jackson, or a UTF-8
 * {@code byte[]} range from protobuf) to an equal {@link String}, so the few distinct tenants,
 * services, operations and users of a stream are not re-allocated for every request. A hit allocates
 * nothing; a miss creates the string and replaces whatever occupied its slot, so the memory is
 * bounded by {@code capacity} entries whatever the cardinality. Not thread-safe.
 */
final class StringCache {
  /** Longer texts are not cached (they are rare and would pin memory). */
  private static final int MAX_CACHED_LENGTH = 128;

  private final int mask;
  private final String[] strings;
  private final byte[][] utf8;

  /**
   * @param capacity number of slots, a power of two
   * @throws IllegalArgumentException if {@code capacity} is not a positive power of two
   */
  StringCache(int capacity) {
    if (capacity <= 0 || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
    }
    this.mask = capacity - 1;
    this.strings = new String[capacity];
    this.utf8 = new byte[capacity][];
  }

  /** The string equal to {@code chars[offset, offset + length)}. */
  String get(char[] chars, int offset, int length) {
    if (length > MAX_CACHED_LENGTH) {
      return new String(chars, offset, length);
    }
    int h = 0;
    for (int i = offset, end = offset + length; i < end; i++) {
      h = 31 * h + chars[i];
    }
    int slot = spread(h) & mask;
    String s = strings[slot];
    if (s != null && s.length() == length && s.hashCode() == h && equals(s, chars, offset)) {
      return s;
    }
    s = new String(chars, offset, length);
    strings[slot] = s;
    utf8[slot] = null;
    return s;
  }

  /** The string decoded (UTF-8) from {@code bytes[offset, offset + length)}. */
  String get(byte[] bytes, int offset, int length) {
    if (length > MAX_CACHED_LENGTH) {
      return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
    int h = 0;
    for (int i = offset, end = offset + length; i < end; i++) {
      h = 31 * h + bytes[i];
    }
    int slot = spread(h) & mask;
    byte[] key = utf8[slot];
    if (key != null
        && key.length == length
        && Arrays.equals(key, 0, length, bytes, offset, offset + length)) {
      return strings[slot];
    }
    String s = new String(bytes, offset, length, StandardCharsets.UTF_8);
    strings[slot] = s;
    utf8[slot] = Arrays.copyOfRange(bytes, offset, offset + length);
    return s;
  }

  private static boolean equals(String s, char[] chars, int offset) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (s.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }
}
