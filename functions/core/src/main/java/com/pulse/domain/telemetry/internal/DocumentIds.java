package com.pulse.domain.telemetry.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The hash behind every telemetry document id and {@code MetricPoint.idOf}: the first 16 bytes (128 bits) of SHA-256 (FIPS 180-4)
 * over the UTF-8 bytes of a canonical string, as 32 lower-case hex digits. One
 * {@link MessageDigest} per thread instead of a provider look-up per id. Thread-safe.
 */
public final class DocumentIds {
  private static final HexFormat HEX = HexFormat.of();
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  });

  /** Per-thread buffer of {@link #hex128Joined}'s bytes (one element, replaced when it grows). */
  private static final ThreadLocal<byte[][]> JOINED = ThreadLocal.withInitial(() -> new byte[][] {new byte[256]});

  private DocumentIds() {}

  /**
   * 32 hex digits: the first 128 bits of SHA-256 over {@code canonical}'s UTF-8 bytes.
   *
   * @throws NullPointerException if {@code canonical} is null
   */
  public static String hex128(String canonical) {
    return hex128Joined(canonical);
  }

  /**
   * {@link #hex128} of {@code String.join("\u001f", parts)} (one part: of that part), without building the
   * joined string: each part's UTF-8 bytes go into a per-thread buffer, an ASCII char as one byte
   * without a lookup. Equal because UTF-8 encodes each char of a string on its own but a surrogate
   * pair, and a pair is never split here: a part's first and last chars meet a separator, not each
   * other. Costs one SHA-256 and the hex string; at 100,000 series the ids of a write are nearly all
   * new, and building each canonical string and its bytes was about half of their cost.
   *
   * @throws NullPointerException if {@code parts} or a part is null
   */
  public static String hex128Joined(String... parts) {
    byte[][] holder = JOINED.get();
    byte[] b = holder[0];
    int p = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      int n = part.length();
      long need = p + 1L + 3L * n; // a char is at most 3 bytes; a surrogate pair is 4 for two chars
      if (need > b.length) {
        b = Arrays.copyOf(b, (int) Math.max(need, 2L * b.length));
        holder[0] = b;
      }
      if (i > 0) {
        b[p++] = 0x1f;
      }
      int j = 0;
      for (char c; j < n && (c = part.charAt(j)) < 0x80; j++) {
        b[p++] = (byte) c;
      }
      if (j < n) { // the rest from the first non-ASCII char, which starts a char sequence of its own
        byte[] rest = part.substring(j).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(rest, 0, b, p, rest.length);
        p += rest.length;
      }
    }
    MessageDigest sha256 = SHA_256.get();
    sha256.update(b, 0, p);
    byte[] digest = sha256.digest(); // digest() also resets it
    return HEX.formatHex(digest, 0, 16);
  }
}
