package com.pulse.domain.telemetry.aggregate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Base64 (RFC 4648 section 4, standard alphabet, padded) of a byte array that differs from one
 * whose text is known in a few places: the output is exactly {@code Base64.getEncoder().encodeToString(image)},
 * but a 3-byte group that is the same in both arrays is copied from the known text instead of being
 * encoded again.
 *
 * <p>Base64 maps each whole 3-byte group at offset {@code 3g} to the four characters at {@code 4g},
 * independently of the rest, and those four characters determine the three bytes (no padding bits), so
 * a whole group equal in both arrays has equal text. A series record ({@link SeriesCodec}) changes in
 * few places between two versions of a busy window — counts, the DDSketch bins that got requests, the
 * HLL registers of new users, the trailer — so a version costs comparing the arrays (vectorized
 * {@link Arrays#mismatch}) and encoding the groups that changed, not encoding ~5 KB. When the arrays'
 * lengths differ, everything after the first difference has moved, and it is encoded by the JDK's
 * encoder.
 *
 * <p>Stateless and thread-safe.
 */
final class Base64Splice {
  private static final byte[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(StandardCharsets.US_ASCII);

  private Base64Splice() {}

  /** Length of the padded base64 text of {@code bytes} bytes. */
  static int encodedLength(int bytes) {
    return 4 * ((bytes + 2) / 3);
  }

  /**
   * The base64 text of {@code image}, reusing {@code previousText}, the base64 text of {@code previous}.
   *
   * @param previousText must be {@code Base64.getEncoder().encodeToString(previous)}; a text of another
   *     length is not used (the image is encoded whole), but one of the right length that encodes
   *     other bytes would give a wrong result, so pass only a text this codec wrote from
   *     {@code previous}
   */
  static String encode(byte[] image, byte[] previous, String previousText) {
    if (previousText.length() != encodedLength(previous.length)) {
      return Base64.getEncoder().encodeToString(image);
    }
    byte[] out = new byte[encodedLength(image.length)];
    int whole = Math.min(image.length, previous.length) / 3 * 3; // whole groups in both arrays
    boolean sameLength = image.length == previous.length;
    int pos = 0;
    while (pos < whole) {
      int m = Arrays.mismatch(image, pos, whole, previous, pos, whole);
      if (m < 0) {
        copy(previousText, pos, whole, out);
        pos = whole;
        break;
      }
      int group = (pos + m) / 3 * 3;
      copy(previousText, pos, group, out);
      if (!sameLength) { // the rest has moved: encode it in one go
        pos = group;
        break;
      }
      do { // encode changed groups until one is unchanged again
        encodeGroup(image, group, out);
        group += 3;
      } while (group < whole && !sameGroup(image, previous, group));
      pos = group;
    }
    encodeTail(image, pos, out);
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  private static boolean sameGroup(byte[] a, byte[] b, int at) {
    return a[at] == b[at] && a[at + 1] == b[at + 1] && a[at + 2] == b[at + 2];
  }

  /** The text of the groups at byte offsets {@code [from, to)} (multiples of 3), from {@code text}. */
  @SuppressWarnings("deprecation") // base64 text is ASCII: this copies each char's byte with no encoder or allocation
  private static void copy(String text, int from, int to, byte[] out) {
    if (to > from) {
      text.getBytes(from / 3 * 4, to / 3 * 4, out, from / 3 * 4);
    }
  }

  private static void encodeGroup(byte[] in, int at, byte[] out) {
    int bits = (in[at] & 0xFF) << 16 | (in[at + 1] & 0xFF) << 8 | (in[at + 2] & 0xFF);
    int o = at / 3 * 4;
    out[o] = ALPHABET[bits >>> 18];
    out[o + 1] = ALPHABET[bits >>> 12 & 0x3F];
    out[o + 2] = ALPHABET[bits >>> 6 & 0x3F];
    out[o + 3] = ALPHABET[bits & 0x3F];
  }

  /** Encodes {@code in[from..]} ({@code from} a multiple of 3) into {@code out} at {@code from / 3 * 4}, padded. */
  private static void encodeTail(byte[] in, int from, byte[] out) {
    if (from >= in.length) {
      return;
    }
    byte[] tail = from == 0 ? in : Arrays.copyOfRange(in, from, in.length);
    byte[] text = Base64.getEncoder().encode(tail);
    System.arraycopy(text, 0, out, from / 3 * 4, text.length);
  }
}
