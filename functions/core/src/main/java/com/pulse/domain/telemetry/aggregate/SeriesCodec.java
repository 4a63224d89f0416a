package com.pulse.domain.telemetry.aggregate;

import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.WindowDocument;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The stored form of one series inside a {@link TenantWindowDocument}: base64 (RFC 4648) of a
 * big-endian binary record, format 1:
 *
 * <pre>
 * u8 format (1) · str service · str operation · u8 hasDependency [· str dependency]
 * i64 count · i64 errorCount · i64 lateCount · f64 latencySumMs
 * i32 length · latencySketch bytes (DDSketch protobuf) · i32 length · userSketch bytes (HLL compact image)
 * i64 lastSequenceNumber · i64 version · i64 updatedAt epoch seconds · i32 nanos
 * str = u16 length + UTF-8 bytes
 * </pre>
 *
 * The series id is the key of the map, and tenant, granularity, window and partition come from the
 * document, so they are not repeated. 83 bytes plus names and sketches before base64. Stateless and
 * thread-safe.
 */
public final class SeriesCodec {
  private static final byte FORMAT = 1;

  private SeriesCodec() {}

  /**
   * The stored form of {@code series}.
   *
   * @throws IllegalArgumentException if a name is longer than 65,535 UTF-8 bytes
   */
  public static String encode(WindowDocument series) {
    return Base64.getEncoder().encodeToString(image(series));
  }

  /**
   * The stored form of {@code series}, the next version of {@code previous} whose stored form is
   * {@code previousText}: the same string as {@link #encode(WindowDocument)}, with the base64 of
   * every 3-byte group the two records share copied from {@code previousText} ({@link Base64Splice}).
   * Between two versions of a busy window only counts, a few sketch bins and registers and the
   * trailer change, so most of a ~5 KB record is copied instead of encoded. When a sketch's length
   * changed (a new bin or user in a small window) the record is encoded whole, as nothing after the
   * counts would be reused.
   *
   * @param previousText {@code encode(previous)}, a string this codec wrote (a stored string read
   *     back from elsewhere may be another text of the same bytes' length; pass only one written here)
   * @throws IllegalArgumentException if a name is longer than 65,535 UTF-8 bytes
   */
  public static String encode(WindowDocument series, WindowDocument previous, String previousText) {
    if (series.latencySketch().length != previous.latencySketch().length
        || series.userSketch().length != previous.userSketch().length) {
      // a sketch grew or shrank: all after it moved, and the counts before it always change, so
      // nothing would be reused (the splice would still be right: it compares the bytes)
      return encode(series);
    }
    return Base64Splice.encode(image(series), image(previous), previousText);
  }

  /** The binary record of {@code series}, before base64. */
  private static byte[] image(WindowDocument series) {
    byte[] service = utf8(series.service());
    byte[] operation = utf8(series.operation());
    byte[] dependency = series.dependency() == null ? null : utf8(series.dependency());
    int size = 1 + 2 + service.length + 2 + operation.length + 1 + (dependency == null ? 0 : 2 + dependency.length)
        + 8 * 4 + 4 + series.latencySketch().length + 4 + series.userSketch().length + 8 * 3 + 4;
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(FORMAT);
    putString(out, service);
    putString(out, operation);
    out.put((byte) (dependency == null ? 0 : 1));
    if (dependency != null) {
      putString(out, dependency);
    }
    out.putLong(series.count()).putLong(series.errorCount()).putLong(series.lateCount()).putDouble(series.latencySumMs());
    out.putInt(series.latencySketch().length).put(series.latencySketch());
    out.putInt(series.userSketch().length).put(series.userSketch());
    out.putLong(series.lastSequenceNumber()).putLong(series.version());
    out.putLong(series.updatedAt().getEpochSecond()).putInt(series.updatedAt().getNano());
    return out.array();
  }

  /**
   * The series {@code id} of {@code document}, decoded from its stored form {@code encoded}.
   *
   * @throws IllegalArgumentException if {@code encoded} is not a format-1 series record
   */
  public static WindowDocument decode(String id, String encoded, TenantWindowDocument document) {
    try {
      ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(encoded));
      byte format = in.get();
      if (format != FORMAT) {
        throw new IllegalArgumentException("unknown series format " + format);
      }
      String service = getString(in);
      String operation = getString(in);
      String dependency = in.get() == 0 ? null : getString(in);
      long count = in.getLong();
      long errorCount = in.getLong();
      long lateCount = in.getLong();
      double latencySumMs = in.getDouble();
      byte[] latency = getBytes(in);
      byte[] users = getBytes(in);
      long last = in.getLong();
      long version = in.getLong();
      Instant updatedAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
      return new WindowDocument(id, document.tenantId(), service, operation, dependency, document.granularity(),
          document.windowStart(), document.windowEnd(), document.partition(), count, errorCount, lateCount,
          latencySumMs, latency, users, last, version, updatedAt);
    } catch (BufferUnderflowException | IndexOutOfBoundsException | NegativeArraySizeException e) {
      throw new IllegalArgumentException("series " + id + " of window document " + document.id() + " is truncated", e);
    }
  }

  private static byte[] utf8(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length > 0xFFFF) {
      throw new IllegalArgumentException("name longer than 65535 UTF-8 bytes: " + s.substring(0, 40) + "…");
    }
    return b;
  }

  private static void putString(ByteBuffer out, byte[] utf8) {
    out.putShort((short) utf8.length).put(utf8);
  }

  private static String getString(ByteBuffer in) {
    int length = Short.toUnsignedInt(in.getShort());
    String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return s;
  }

  private static byte[] getBytes(ByteBuffer in) {
    byte[] b = new byte[in.getInt()];
    in.get(b);
    return b;
  }
}
