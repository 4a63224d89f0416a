package com.pulse.domain.telemetry.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

  private DocumentIds() {}

  /**
   * 32 hex digits: the first 128 bits of SHA-256 over {@code canonical}'s UTF-8 bytes.
   *
   * @throws NullPointerException if {@code canonical} is null
   */
  public static String hex128(String canonical) {
    MessageDigest sha256 = SHA_256.get();
    byte[] digest = sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)); // digest() also resets it
    return HEX.formatHex(digest, 0, 16);
  }
}
