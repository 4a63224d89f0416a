package com.pulse.adapter.cosmos;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.internal.IsoInstants;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Cosmos DB JSON of {@link TenantWindowDocument}s on the aggregation hot path, where each batch
 * rewrites whole tenant documents of which it touched a few series. The JSON is the one
 * {@link CosmosDocuments#toDocument} writes (record components by name, instants as ISO-8601),
 * mapped by hand instead of by databind, with two savings more:
 *
 * <ul>
 *   <li><b>Series are written as raw JSON.</b> A stored series is base64 text
 *       ({@code SeriesCodec}), which never needs escaping, so it goes into the tree as a
 *       {@link RawValue} over its quoted ASCII bytes, and Jackson (ours or the Cosmos SDK's) copies
 *       them into its buffer instead of checking each character for escapes. A string that is not
 *       plain printable ASCII (a document edited by hand) is written as an ordinary escaped string.
 *   <li><b>Unchanged series are not encoded again.</b> After a write, {@link #written} keeps the
 *       document and each series' quoted bytes, and the next write of that document reuses the
 *       bytes of every series string it carries over unchanged (the same {@code String} instance).
 * </ul>
 *
 * <p>Reads are mapped as they come: a document this instance wrote is not read back at all, since
 * the use case remembers it ({@code app.telemetry.RememberedDocuments}).
 *
 * <p>Memory: at most {@code maxBytes} of remembered series bytes (by default 1/16 of the heap, at
 * most 64 MiB), least recently used first out; documents of closed windows drop out as the
 * current ones are written. Thread-safe: the map is guarded by this object's lock, entries are
 * immutable.
 */
public final class TenantWindowJson {
  /** Largest default bound of the remembered series bytes: 64 MiB. */
  public static final long MAX_DEFAULT_BYTES = 64L << 20;
  /** Heap charged per remembered series beyond its bytes (entry, array header, string). */
  private static final int OVERHEAD_BYTES = 96;

  private final long maxBytes;
  private final LinkedHashMap<String, Written> written = new LinkedHashMap<>(64, 0.75f, true);
  private long rememberedBytes;

  /** Remembering at most 1/16 of the JVM's maximum heap, and at most {@value #MAX_DEFAULT_BYTES} bytes. */
  public TenantWindowJson() {
    this(Math.min(MAX_DEFAULT_BYTES, Runtime.getRuntime().maxMemory() / 16));
  }

  /**
   * @param maxBytes remembered series bytes at most; 0 remembers nothing
   * @throws IllegalArgumentException if {@code maxBytes} is negative
   */
  public TenantWindowJson(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0, was " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** What was last written of one document: the document and its series as quoted bytes. */
  private record Written(TenantWindowDocument document, Map<String, Quoted> series, long bytes) {}

  /**
   * The JSON tree to store for {@code document}: the properties {@link CosmosDocuments#toDocument}
   * writes, in the same order and form (instants as {@link Instant#toString()}), with {@code series}
   * an object of raw quoted values (or escaped strings, see above). Mapped here rather than by
   * databind, which cost more than the rest of a write for small documents;
   * {@code TenantWindowJsonTest} compares the two for every component.
   *
   * @throws NullPointerException if {@code document} is null
   */
  public ObjectNode toStored(TenantWindowDocument document) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", document.id());
    node.put("tenantId", document.tenantId());
    node.put("granularity", document.granularity());
    node.put("windowStart", IsoInstants.format(document.windowStart()));
    node.put("windowEnd", IsoInstants.format(document.windowEnd()));
    node.put("partition", document.partition());
    node.put("shard", document.shard());
    node.put("lastSequenceNumber", document.lastSequenceNumber());
    node.put("version", document.version());
    node.put("updatedAt", IsoInstants.format(document.updatedAt()));
    Written previous = remembered(document.id());
    ObjectNode series = node.putObject("series");
    for (Map.Entry<String, String> e : document.series().entrySet()) {
      String value = e.getValue();
      Quoted quoted = null;
      if (previous != null && previous.document().series().get(e.getKey()) == value) {
        quoted = previous.series().get(e.getKey());
      }
      if (quoted == null) {
        quoted = Quoted.of(value);
      }
      if (quoted == null) {
        series.put(e.getKey(), value);
      } else {
        series.putRawValue(e.getKey(), new RawValue(quoted));
      }
    }
    return node;
  }

  /**
   * Remembers that {@code document} was written as {@code stored} (from {@link #toStored}).
   *
   * @throws NullPointerException if an argument is null
   */
  public void written(TenantWindowDocument document, ObjectNode stored) {
    Objects.requireNonNull(document, "document");
    if (maxBytes == 0) {
      return;
    }
    Map<String, Quoted> series = new HashMap<>(document.series().size() * 4 / 3 + 1);
    long bytes = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = stored.get("series").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue() instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw
          && raw.rawValue() instanceof Quoted quoted) {
        series.put(e.getKey(), quoted);
        bytes += quoted.bytes.length + OVERHEAD_BYTES;
      }
    }
    Written entry = new Written(document, series, bytes); // never changed once built
    synchronized (this) {
      Written old = written.put(document.id(), entry);
      rememberedBytes += bytes - (old == null ? 0 : old.bytes());
      for (Iterator<Written> it = written.values().iterator(); rememberedBytes > maxBytes && it.hasNext(); ) {
        rememberedBytes -= it.next().bytes();
        it.remove();
      }
    }
  }

  /**
   * The document of a stored tree (Cosmos DB's system properties and {@code ttl} ignored), mapped as
   * {@link CosmosDocuments#fromDocument} would (a missing number is 0).
   *
   * @throws IllegalStateException naming the document if a text property or {@code series} is
   *     missing or of the wrong type, or an instant is not ISO-8601
   */
  public TenantWindowDocument fromStored(ObjectNode stored) {
    try {
      JsonNode seriesNode = stored.get("series");
      if (seriesNode == null || !seriesNode.isObject()) {
        throw new IllegalArgumentException("series is not an object");
      }
      Map<String, String> series = new HashMap<>(seriesNode.size() * 4 / 3 + 1);
      for (Iterator<Map.Entry<String, JsonNode>> it = seriesNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isTextual()) {
          throw new IllegalArgumentException("series " + e.getKey() + " is not a string");
        }
        series.put(e.getKey(), e.getValue().textValue());
      }
      return new TenantWindowDocument(text(stored, "id"), text(stored, "tenantId"), text(stored, "granularity"),
          instant(stored, "windowStart"), instant(stored, "windowEnd"), text(stored, "partition"),
          stored.path("shard").asInt(), stored.path("lastSequenceNumber").asLong(), stored.path("version").asLong(),
          instant(stored, "updatedAt"), series);
    } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
      throw new IllegalStateException("Cosmos document " + stored.path("id").asText("?") + " is not a valid "
          + TenantWindowDocument.class.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static String text(ObjectNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(name + " is missing or not a string");
    }
    return value.textValue();
  }

  private static Instant instant(ObjectNode node, String name) {
    return OffsetDateTime.parse(text(node, name), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }

  /** Series bytes remembered now. */
  public synchronized long rememberedBytes() {
    return rememberedBytes;
  }

  private synchronized Written remembered(String id) {
    return written.get(id);
  }

  /**
   * A JSON string as its UTF-8 bytes with the double quotes, for a raw write
   * ({@code JsonGenerator.writeRawValue}): text of printable ASCII only ({@code 0x20..0x7E} without
   * {@code "} and {@code \}), which JSON writes unescaped (base64, ids). Only the "unquoted"
   * operations, which raw writes use, are supported: they give the bytes as they are. Immutable.
   */
  static final class Quoted implements SerializableString {
    private final byte[] bytes;

    private Quoted(byte[] bytes) {
      this.bytes = bytes;
    }

    /** {@code value} quoted, or null if it holds a character JSON would escape or a non-ASCII one. */
    static Quoted of(String value) {
      int n = value.length();
      byte[] b = new byte[n + 2];
      b[0] = '"';
      for (int i = 0; i < n; i++) {
        char c = value.charAt(i);
        if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
          return null;
        }
        b[i + 1] = (byte) c;
      }
      b[n + 1] = '"';
      return new Quoted(b);
    }

    /**
     * The raw JSON text, quotes included: what a generator writes when it falls back from the byte
     * operations to {@code writeRaw(String)} (Jackson does at the end of its buffer).
     */
    @Override
    public String getValue() {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Override
    public int charLength() {
      return bytes.length;
    }

    /** Not a raw-value operation; Jackson's raw writes use the unquoted forms only. */
    @Override
    public char[] asQuotedChars() {
      throw new UnsupportedOperationException("a raw JSON value");
    }

    @Override
    public byte[] asUnquotedUTF8() {
      return bytes.clone();
    }

    /** Not a raw-value operation. */
    @Override
    public byte[] asQuotedUTF8() {
      throw new UnsupportedOperationException("a raw JSON value");
    }

    /** Not a raw-value operation. */
    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
      throw new UnsupportedOperationException("a raw JSON value");
    }

    /** Not a raw-value operation. */
    @Override
    public int appendQuoted(char[] buffer, int offset) {
      throw new UnsupportedOperationException("a raw JSON value");
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
      if (offset + bytes.length > buffer.length) {
        return -1;
      }
      System.arraycopy(bytes, 0, buffer, offset, bytes.length);
      return bytes.length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
      if (offset + bytes.length > buffer.length) {
        return -1;
      }
      for (int i = 0; i < bytes.length; i++) {
        buffer[offset + i] = (char) bytes[i];
      }
      return bytes.length;
    }

    /** Not a raw-value operation. */
    @Override
    public int writeQuotedUTF8(OutputStream out) {
      throw new UnsupportedOperationException("a raw JSON value");
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
      out.write(bytes);
      return bytes.length;
    }

    /** Not a raw-value operation. */
    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
      throw new UnsupportedOperationException("a raw JSON value");
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
      if (buffer.remaining() < bytes.length) {
        return -1;
      }
      buffer.put(bytes);
      return bytes.length;
    }

    @Override
    public String toString() {
      return getValue();
    }
  }
}
