package com.pulse.domain.metric.internal;

import com.pulse.domain.metric.MetricPoint;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/**
 * Computes {@link MetricPoint#idOf} for many points of one metric and window, fast: the
 * {@link MessageDigest}, the UTF-8 bytes of the canonical prefix ({@code metric \u001f}) and suffix
 * ({@code \u001f windowStart}) and the id prefix ({@code metric-}) are made once; per point the
 * canonical form is encoded straight into a reused byte buffer (ASCII directly, other text through
 * {@link String#getBytes} — the same bytes, since every piece is followed by a separator, so no
 * surrogate pair spans two pieces) and the hex digits straight into a reused id buffer, so the only
 * allocation per point is the id string itself. Produces exactly the ids of
 * {@link MetricPoint#idOf}; {@code PointIdHasherTest} checks that on varied inputs (non-ASCII
 * included).
 *
 * <p>Not thread-safe (it reuses one digest and buffers): use one instance per thread and window.
 */
public final class PointIdHasher {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
  /** Hex digits in an id: the first 16 digest bytes (128 bits). */
  private static final int ID_BYTES = 16;

  private final String metric;
  private final MessageDigest sha256;
  private final byte[] prefix;
  private final byte[] suffix;
  /** {@code metric-} then room for the hex digits, when the metric is Latin-1 (always, by the catalog's rule). */
  private final byte[] id;
  private final byte[] digest = new byte[32];
  private byte[] buffer = new byte[256];
  /** UTF-8 of {@code key=} for the i-th dimension key last seen (points of a window share key instances). */
  private String[] keys = new String[4];
  private byte[][] keyBytes = new byte[4][];

  /**
   * @param metric metric name
   * @param windowStart inclusive window start of every point hashed
   * @throws NullPointerException if an argument is null
   */
  public PointIdHasher(String metric, Instant windowStart) {
    this.metric = metric.toString();
    this.prefix = (metric + '\u001f').getBytes(StandardCharsets.UTF_8);
    this.suffix = ("\u001f" + java.util.Objects.requireNonNull(windowStart, "windowStart")).getBytes(StandardCharsets.UTF_8);
    boolean latin1 = metric.chars().allMatch(c -> c < 256);
    if (latin1) {
      byte[] head = (metric + '-').getBytes(StandardCharsets.ISO_8859_1);
      this.id = Arrays.copyOf(head, head.length + 2 * ID_BYTES);
    } else {
      this.id = null;
    }
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /**
   * The id of the point {@code (metric, tenantId, dimensions, windowStart)}.
   *
   * @param dimensions dimension name to value, sorted by name (as in {@link MetricPoint#dimensions()})
   * @throws NullPointerException if an argument is null
   */
  public String idOf(String tenantId, SortedMap<String, String> dimensions) {
    int n = put(prefix, 0);
    n = put(tenantId, n);
    n = put((byte) 0x1f, n);
    if (dimensions instanceof SortedArrayMap<String> sorted) {
      for (int i = 0, size = sorted.size(); i < size; i++) {
        n = dimension(i, sorted.keyAt(i), sorted.valueAt(i), n);
      }
    } else {
      int i = 0;
      for (Map.Entry<String, String> e : dimensions.entrySet()) {
        n = dimension(i++, e.getKey(), e.getValue(), n);
      }
    }
    n = put(suffix, n);
    sha256.update(buffer, 0, n);
    try {
      sha256.digest(digest, 0, digest.length);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-256 digest is 32 bytes", e);
    }
    if (id == null) {
      return metric + '-' + HEX.formatHex(digest, 0, ID_BYTES);
    }
    int at = id.length - 2 * ID_BYTES;
    for (int i = 0; i < ID_BYTES; i++) {
      id[at++] = HEX_DIGITS[(digest[i] >> 4) & 0xf];
      id[at++] = HEX_DIGITS[digest[i] & 0xf];
    }
    return new String(id, StandardCharsets.ISO_8859_1);
  }

  /**
   * {@code key=value\u001e} of the i-th dimension; a null value is written as {@code null}, like
   * {@code StringBuilder.append}. The bytes of {@code key=} are cached per position by key identity.
   */
  private int dimension(int i, String key, String value, int n) {
    if (i >= keys.length) {
      keys = Arrays.copyOf(keys, 2 * i);
      keyBytes = Arrays.copyOf(keyBytes, 2 * i);
    }
    if (keys[i] != key) {
      keyBytes[i] = (key + '=').getBytes(StandardCharsets.UTF_8);
      keys[i] = key;
    }
    n = put(keyBytes[i], n);
    n = put(String.valueOf(value), n);
    return put((byte) 0x1e, n);
  }

  private int put(byte b, int n) {
    ensure(n + 1);
    buffer[n] = b;
    return n + 1;
  }

  private int put(byte[] bytes, int n) {
    ensure(n + bytes.length);
    System.arraycopy(bytes, 0, buffer, n, bytes.length);
    return n + bytes.length;
  }

  /** UTF-8 of {@code text} at {@code n}: ASCII byte by byte, anything else through the JDK encoder. */
  private int put(String text, int n) {
    int length = text.length();
    ensure(n + length);
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return put(text.getBytes(StandardCharsets.UTF_8), n);
      }
      buffer[n + i] = (byte) c;
    }
    return n + length;
  }

  private void ensure(int capacity) {
    if (capacity > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(capacity, 2 * buffer.length));
    }
  }
}
