package com.pulse.adapter.cosmos;

import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.pulse.domain.telemetry.SeriesMap;
import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.internal.IsoInstants;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
 *   <li><b>The series object is written as raw JSON.</b> A series id ({@code [a-z0-9-]}) and a
 *       stored series (base64, {@code SeriesCodec}) never need escaping, so each member
 *       {@code "id":"value"} is kept as its ASCII bytes, and the whole {@code series} object goes
 *       into the tree as one {@link RawValue} that Jackson (ours or the Cosmos SDK's) writes member
 *       by member with raw writes: no tree node, field-name write or escape check per series. A
 *       string the document's {@link SeriesMap} marks plain (the merge's base64) is copied as it is;
 *       any other is checked char by char, and a document holding one that is not plain printable
 *       ASCII (edited by hand) is written as ordinary escaped strings instead.
 *   <li><b>Unchanged series are not turned into bytes again.</b> After a write, {@link #written}
 *       keeps each member's bytes with the string they were built from, and the next write of that
 *       document reuses the bytes of every slot ({@link SeriesMap}) that holds the same id and the
 *       same {@code String} instance, so a write builds bytes only for the series the batch touched.
 * </ul>
 *
 * <p>Reads are mapped as they come: a document this instance wrote is not read back at all, since
 * the use case remembers it ({@code app.telemetry.RememberedDocuments}).
 *
 * <p>Memory: at most {@code maxBytes} of remembered member bytes (by default 1/16 of the heap, at
 * most 64 MiB), least recently used first out; documents of closed windows drop out as the
 * current ones are written. Thread-safe: the map is guarded by this object's lock, entries are
 * immutable.
 */
public final class TenantWindowJson {
  /** Largest default bound of the remembered series bytes: 64 MiB. */
  public static final long MAX_DEFAULT_BYTES = 64L << 20;
  /** Heap charged per remembered series beyond its bytes (member object, array header, slot references). */
  private static final int OVERHEAD_BYTES = 96;

  private final long maxBytes;
  private final LinkedHashMap<String, Written> written = new LinkedHashMap<>(64, 0.75f, true);
  private long rememberedBytes;

  /** Remembering at most 1/16 of the JVM's maximum heap, and at most {@value #MAX_DEFAULT_BYTES} bytes. */
  public TenantWindowJson() {
    this(Math.min(MAX_DEFAULT_BYTES, Runtime.getRuntime().maxMemory() / 16));
  }

  /**
   * @param maxBytes remembered member bytes at most; 0 remembers nothing
   * @throws IllegalArgumentException if {@code maxBytes} is negative
   */
  public TenantWindowJson(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0, was " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** What was last written of one document: its series object, and the heap charged for it. */
  private record Written(SeriesObject object, long bytes) {}

  /**
   * The JSON tree to store for {@code document}: the properties {@link CosmosDocuments#toDocument}
   * writes, in the same order and form (instants as {@link Instant#toString()}), with {@code series}
   * one raw JSON object (or escaped strings, see above). Mapped here rather than by databind, which
   * cost more than the rest of a write for small documents; {@code TenantWindowJsonTest} compares the
   * two for every component.
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
    SeriesObject raw = SeriesObject.of(document.series(), previous == null ? null : previous.object());
    if (raw != null) {
      node.putRawValue("series", new RawValue((JsonSerializable) raw));
    } else {
      ObjectNode series = node.putObject("series");
      document.series().forEach(series::put);
    }
    return node;
  }

  /**
   * Remembers that {@code document} was written as {@code stored} (from {@link #toStored}); a
   * document written as escaped strings is forgotten instead.
   *
   * @throws NullPointerException if an argument is null
   */
  public void written(TenantWindowDocument document, ObjectNode stored) {
    Objects.requireNonNull(document, "document");
    if (maxBytes == 0) {
      return;
    }
    Written entry = stored.get("series") instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw
        && raw.rawValue() instanceof SeriesObject object ? new Written(object, object.rememberedBytes()) : null;
    synchronized (this) {
      Written old = entry == null ? written.remove(document.id()) : written.put(document.id(), entry);
      rememberedBytes += (entry == null ? 0 : entry.bytes()) - (old == null ? 0 : old.bytes());
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
      SeriesMap.Editor series = SeriesMap.empty().edit();
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
          instant(stored, "updatedAt"), series.build());
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
   * A series object as raw JSON: {@code {"id":"value",...}} in the slot order of its
   * {@link SeriesMap}, from its members' bytes (see {@link #member}; written as a
   * {@link RawJsonSequence}). Immutable once built.
   */
  static final class SeriesObject extends RawJsonSequence {
    /** The series this object was built from; its slots are the members'. */
    private final SeriesMap series;
    private final Member[] members;

    private SeriesObject(SeriesMap series, Member[] members) {
      super('{', '}', members);
      this.series = series;
      this.members = members;
    }

    /** The member of series {@code id}, or null (for tests). */
    Member memberOf(String id) {
      int slot = series.slotOf(id);
      return slot < 0 ? null : members[slot];
    }

    /**
     * The series object of {@code series}. A slot that holds the same id and the same string
     * instance as in {@code previous} (the object of an earlier version of the document, whose
     * {@link SeriesMap} shares its slots) reuses that member's bytes: two identity comparisons per
     * series, no lookup. Null if an id or value is not plain printable ASCII.
     */
    static SeriesObject of(Map<String, String> series, SeriesObject previous) {
      SeriesMap map = SeriesMap.of(series);
      Member[] members = new Member[map.size()];
      for (int i = 0; i < members.length; i++) {
        String value = map.value(i);
        Member m = previous != null && map.sameId(previous.series, i) ? previous.members[i] : null;
        if (m == null || m.value != value) {
          byte[] bytes = member(map.id(i), value, map.plain(i));
          if (bytes == null) {
            return null;
          }
          m = new Member(value, bytes);
        }
        members[i] = m;
      }
      return new SeriesObject(map, members);
    }

    /** Heap charged for remembering the members. */
    long rememberedBytes() {
      long bytes = 0;
      for (Member m : members) {
        bytes += m.bytes().length + OVERHEAD_BYTES;
      }
      return bytes;
    }

    /**
     * {@code "id":"value"} as ASCII bytes, or null if either holds a character JSON would escape
     * ({@code "}, {@code \}, below {@code 0x20}) or one outside printable ASCII.
     */
    static byte[] member(String id, String value) {
      return member(id, value, false);
    }

    /**
     * As {@link #member(String, String)}; a {@code plainValue} (its map's promise,
     * {@link SeriesMap#plain}) is copied without looking at its chars. The id is checked always.
     */
    static byte[] member(String id, String value, boolean plainValue) {
      byte[] b = new byte[id.length() + value.length() + 5];
      b[0] = '"';
      if (!copyPlain(id, b, 1)) {
        return null;
      }
      int at = id.length() + 1;
      b[at] = '"';
      b[at + 1] = ':';
      b[at + 2] = '"';
      if (plainValue) {
        byte[] chars = value.getBytes(StandardCharsets.ISO_8859_1); // ASCII: one byte per char
        System.arraycopy(chars, 0, b, at + 3, chars.length);
      } else if (!copyPlain(value, b, at + 3)) {
        return null;
      }
      b[b.length - 1] = '"';
      return b;
    }

    /**
     * Per byte value: {@link #ESCAPED} if JSON would escape it or it is outside printable ASCII,
     * {@link #QUESTION} for {@code ?} (what {@code getBytes(ISO_8859_1)} writes for a character
     * Latin-1 cannot hold), else 0.
     */
    private static final byte[] CLASS = new byte[256];
    private static final int ESCAPED = 1;
    private static final int QUESTION = 2;

    static {
      for (int c = 0; c < 256; c++) {
        CLASS[c] = (byte) (c < 0x20 || c > 0x7E || c == '"' || c == '\\' ? ESCAPED : c == '?' ? QUESTION : 0);
      }
    }

    /** Copies {@code s} into {@code b} at {@code offset} if it is plain printable ASCII; false otherwise. */
    private static boolean copyPlain(String s, byte[] b, int offset) {
      byte[] latin1 = s.getBytes(StandardCharsets.ISO_8859_1); // a copy for Latin-1 strings; '?' for others
      int classes = 0;
      for (byte c : latin1) { // no branch per byte
        classes |= CLASS[c & 0xFF];
      }
      if ((classes & ESCAPED) != 0) {
        return false;
      }
      if ((classes & QUESTION) != 0) { // a real '?' or a character Latin-1 cannot hold
        for (int i = 0; i < s.length(); i++) {
          if (s.charAt(i) > 0x7E) {
            return false;
          }
        }
      }
      System.arraycopy(latin1, 0, b, offset, latin1.length);
      return true;
    }

  }

  /**
   * One member {@code "id":"value"} of a series object as ASCII bytes, with the stored series
   * string it was built from (compared by identity). Immutable.
   */
  static final class Member extends RawJson.OfBytes {
    final String value;

    Member(String value, byte[] bytes) {
      super(bytes);
      this.value = value;
    }
  }
}
