package com.pulse.domain.telemetry.internal.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small two-way set-associative cache from text (a {@code char[]} range from Jackson, or a UTF-8
 * {@code byte[]} range from protobuf or a plain JSON string) to an equal {@link String}, so the few
 * distinct tenants, services, operations and users of a stream are not re-allocated for every
 * request. The text's hash picks a set of two adjacent slots; a hit in either allocates nothing; a
 * miss creates the string, puts it in the set's first slot and moves the first slot's entry to the
 * second (dropping the one there), so two texts whose hashes collide do not evict each other in
 * turn, and the memory is bounded by {@code capacity} entries whatever the cardinality. Not
 * thread-safe.
 */
final class StringCache {
  /**
   * Slots of a trace decoder's cache of names (tenants, services, operations, attribute keys): 4,096
   * sets of two, so a partition's tenants stay cached into the thousands (100,000 keys of
   * {@code bench.KeyedCorpus} are 2,000 tenants, which a 1,024-slot cache re-created at nearly every
   * request, each a new string whose hash and comparisons then started from scratch). ~200 KB of
   * slots per decoder, plus the names it holds.
   */
  static final int NAME_SLOTS = 8192;

  /** Longer texts are not cached (they are rare and would pin memory). */
  private static final int MAX_CACHED_LENGTH = 128;

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final long FMIX = 0xFF51AFD7ED558CCDL;

  private final int mask;
  private final String[] strings;
  private final byte[][] utf8;
  private final char[][] utf16;
  private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);

  /**
   * @param capacity number of slots, a power of two of at least 2 (sets of two slots)
   * @throws IllegalArgumentException if {@code capacity} is not a power of two of at least 2
   */
  StringCache(int capacity) {
    if (capacity < 2 || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of two of at least 2: " + capacity);
    }
    this.mask = capacity - 2; // the even slot of a set
    this.strings = new String[capacity];
    this.utf8 = new byte[capacity][];
    this.utf16 = new char[capacity][];
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
    if (equal(utf16[slot], chars, offset, length)) {
      return strings[slot];
    }
    if (equal(utf16[slot + 1], chars, offset, length)) {
      return strings[slot + 1];
    }
    String s = new String(chars, offset, length);
    put(slot, s, null, Arrays.copyOfRange(chars, offset, offset + length));
    return s;
  }

  /**
   * The string decoded (UTF-8) from {@code bytes[offset, offset + length)}.
   *
   * @throws IllegalArgumentException if the bytes are not well-formed UTF-8 (protobuf {@code string}
   *     fields must be; a lenient decode would turn them into U+FFFD and merge distinct values)
   */
  String get(byte[] bytes, int offset, int length) {
    if (length > MAX_CACHED_LENGTH) {
      return utf8(bytes, offset, length);
    }
    int slot = spread(hash(bytes, offset, length)) & mask;
    if (equal(utf8[slot], bytes, offset, length)) {
      return strings[slot];
    }
    if (equal(utf8[slot + 1], bytes, offset, length)) {
      return strings[slot + 1];
    }
    String s = utf8(bytes, offset, length);
    put(slot, s, Arrays.copyOfRange(bytes, offset, offset + length), null);
    return s;
  }

  private static boolean equal(char[] key, char[] chars, int offset, int length) {
    return key != null && key.length == length && Arrays.equals(key, 0, length, chars, offset, offset + length);
  }

  private static boolean equal(byte[] key, byte[] bytes, int offset, int length) {
    return key != null && key.length == length && Arrays.equals(key, 0, length, bytes, offset, offset + length);
  }

  /** Puts a new entry (one of its keys null) first in the set at {@code slot}; the first moves second. */
  private void put(int slot, String s, byte[] utf8Key, char[] utf16Key) {
    strings[slot + 1] = strings[slot];
    utf8[slot + 1] = utf8[slot];
    utf16[slot + 1] = utf16[slot];
    strings[slot] = s;
    utf8[slot] = utf8Key;
    utf16[slot] = utf16Key;
  }

  /**
   * Strict UTF-8 (malformed input and encoded surrogates are errors); only on a cache miss. ASCII text
   * (every byte below 0x80, the usual case for ids and names) is copied as Latin-1, which is exact for
   * ASCII and allocates only the string, instead of going through a {@link CharsetDecoder} (buffers,
   * a char array and a compaction copy).
   */
  private String utf8(byte[] bytes, int offset, int length) {
    if (AsciiText.isAscii(bytes, offset, length)) {
      return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
    try {
      return strict.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("invalid UTF-8 in a string field at byte " + offset, e);
    }
  }

  /**
   * Hash of {@code bytes[offset, offset + length)}, eight bytes at a time (little-endian words, the
   * last one overlapping when the length is not a multiple of eight), each mixed in by multiplication
   * with the 64-bit golden ratio (Knuth's multiplicative hashing) and a rotation.
   */
  private static int hash(byte[] bytes, int offset, int length) {
    long h = length;
    int end = offset + length;
    if (length >= 8) {
      int i = offset;
      for (; i + 8 < end; i += 8) {
        h = mix(h, (long) LONGS.get(bytes, i));
      }
      h = mix(h, (long) LONGS.get(bytes, end - 8));
    } else {
      long w = 0;
      for (int i = offset; i < end; i++) {
        w = w << 8 | (bytes[i] & 0xFF);
      }
      h = mix(h, w);
    }
    h = (h ^ (h >>> 33)) * FMIX; // MurmurHash3's fmix64 (A. Appleby): every input bit reaches the low bits
    return (int) (h ^ (h >>> 33));
  }

  /** One word into the hash; the rotation keeps the high bits of the product (which depend on every bit of the word) in play. */
  private static long mix(long h, long word) {
    return Long.rotateLeft((h ^ word) * GOLDEN, 31);
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }
}
