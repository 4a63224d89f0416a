package com.pulse.domain.telemetry.aggregate;

import com.pulse.domain.telemetry.SeriesMap;
import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.WindowVersion;
import com.pulse.domain.telemetry.internal.DocumentIds;
import com.pulse.domain.telemetry.internal.IsoInstants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.datasketches.hll.HllSketch;

/**
 * Pure functions over {@link TenantWindowDocument}: which shard a series belongs to, the document's
 * deterministic id, merging a batch's series deltas into it, and the series it holds. Stateless and
 * thread-safe.
 */
public final class TenantWindows {
  /**
   * Largest stored document this code writes, in characters of its series map (keys + encoded
   * values; the JSON around them adds ~300). Cosmos DB's item limit is 2 MB of JSON.
   */
  public static final int MAX_SERIES_CHARS = 1_800_000;

  /**
   * Upper bound of one series in the map, in characters: id (38) and its {@link SeriesCodec} form for
   * a full DDSketch (1,024 dense bins, ~8.2 KB), a full HLL (~4.1 KB) and three names of at most
   * {@code IngestRules.MAX_NAME_LENGTH} UTF-16 units (≤ 768 UTF-8 bytes each): ~14.7 KB, base64
   * (× 4/3), plus JSON punctuation.
   */
  static final int MAX_ENCODED_SERIES_CHARS = 24_000;

  private TenantWindows() {}

  /**
   * The shard of a series: a hash of {@code (service, dependency, operation)} ({@link String#hashCode},
   * which the Java API specification fixes, so every JVM and version agrees), mixed, mod {@code shards}.
   * Changing {@code shards} moves series to other documents, whose floors do not know the events
   * the old ones hold: a redelivery across the change would count them twice. Change it only while
   * no window that is still written to has documents (see docs/ARCHITECTURE.md, section 3).
   * Independent of the window, so a series stays in the same shard in every window.
   *
   * @throws IllegalArgumentException if {@code shards < 1}
   */
  public static int shardOf(String service, String dependency, String operation, int shards) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be >= 1, was " + shards);
    }
    if (shards == 1) {
      return 0;
    }
    int h = (service.hashCode() * 31 + Objects.hashCode(dependency)) * 31 + operation.hashCode();
    int mixed = h * 0x9E3779B9; // Fibonacci hashing: the high bits depend on every bit of h
    return Integer.remainderUnsigned(mixed ^ (mixed >>> 16), shards);
  }

  /**
   * Deterministic document id: {@code <pt1m|pt1h>-t<hex>} where {@code hex} is the first 32 hex
   * digits (128 bits) of SHA-256 over the UTF-8 form
   * {@code tenantId \u001f granularity \u001f windowStart(ISO-8601) \u001f partition \u001f shard \u001f tenant-window}.
   * Contains only {@code [a-z0-9-]}, and never equals a series id ({@link WindowDocuments#idOf}, no {@code t}).
   *
   * @throws NullPointerException if an argument is null
   */
  public static String idOf(String tenantId, Granularity granularity, Instant windowStart, String partition, int shard) {
    return granularity.idPrefix() + "-t" + DocumentIds.hex128Joined(tenantId, granularity.iso(),
        IsoInstants.format(windowStart), partition, Integer.toString(shard), "tenant-window");
  }

  /**
   * The next version of a document and the versions of the series that changed.
   *
   * @param document the written document
   * @param changed one version per series of the batch, in the order of the deltas
   * @param seriesCharsDelta how many characters (ids + stored strings) the series map grew by
   * @param decoded the decoded form of every changed series' new string, in the order of {@code changed}
   */
  public record Merged(TenantWindowDocument document, List<WindowVersion> changed, long seriesCharsDelta,
      List<DecodedSeries> decoded) {}

  /**
   * {@code existing} (null when the document does not exist yet) plus {@code deltas} (series id →
   * delta, all of this document's key): each touched series is decoded, merged
   * ({@link WindowDocuments#merge}) and re-encoded; every other series keeps its stored string.
   * {@code lastSequenceNumber} becomes the largest of the document's and the deltas',
   * {@code version} grows by one. The caller guarantees that every delta holds only events above
   * {@code existing.lastSequenceNumber()}.
   *
   * @param writtenAt the new {@code updatedAt}
   * @throws IllegalArgumentException if {@code deltas} is empty or a stored series cannot be decoded
   * @throws IllegalStateException if the document would exceed {@link #MAX_SERIES_CHARS}: raise the
   *     shard count
   */
  public static Merged merge(TenantWindowDocument existing, Map<String, WindowAccumulator> deltas, String partition,
      int shard, Instant writtenAt) {
    return merge(existing, deltas, partition, shard, writtenAt, Map.of());
  }

  /**
   * A stored series string and the series it decodes to ({@link SeriesCodec#decode}), kept by a
   * caller that wrote it so that the next merge of the same string need not decode it again.
   *
   * @param stored the stored string, compared by identity
   * @param series what {@code stored} decodes to in its document
   * @param users null, or the heap HLL sketch whose compact image is {@code series.userSketch()} (the
   *     union result it was serialized from; only ever read, never mutated)
   * @param latency null, or the bins of {@code series.latencySketch()} (as the merge that wrote it
   *     held them)
   */
  public record DecodedSeries(String stored, WindowDocument series, HllSketch users, LatencyBins latency) {
    /** A decoded series without its decoded sketches (the images are decoded when merged). */
    public DecodedSeries(String stored, WindowDocument series) {
      this(stored, series, null, null);
    }
  }

  /**
   * As {@link #merge(TenantWindowDocument, Map, String, int, Instant)}, taking a touched series from
   * {@code decoded} instead of decoding it when the entry's {@code stored} string is the very string
   * ({@code ==}) the document holds for that series: the same immutable string, so the same series.
   * Such a series' new string reuses the base64 of the bytes it shares with the entry's
   * ({@link SeriesCodec#encode(WindowDocument, WindowDocument, String)}): the same string, less work.
   * Any other entry is ignored, so a stale map cannot change the result.
   *
   * @param decoded series id → decoded form of a string this caller wrote earlier (may be empty)
   */
  public static Merged merge(TenantWindowDocument existing, Map<String, WindowAccumulator> deltas, String partition,
      int shard, Instant writtenAt, Map<String, DecodedSeries> decoded) {
    if (deltas.isEmpty()) {
      throw new IllegalArgumentException("no series to merge");
    }
    WindowAccumulator first = deltas.values().iterator().next();
    Granularity g = first.granularity();
    Instant start = Instant.ofEpochMilli(first.windowStartMillis());
    SeriesMap.Editor series = (existing == null ? SeriesMap.empty() : SeriesMap.of(existing.series())).edit();
    TenantWindowDocument header = existing != null ? existing
        : new TenantWindowDocument(idOf(first.tenantId(), g, start, partition, shard), first.tenantId(), g.iso(), start,
            start.plusMillis(g.millis()), partition, shard, -1, 0, writtenAt, Map.of());
    List<WindowVersion> changed = new ArrayList<>(deltas.size());
    List<DecodedSeries> decodedNow = new ArrayList<>(deltas.size());
    long last = header.lastSequenceNumber();
    long charsDelta = 0;
    for (Map.Entry<String, WindowAccumulator> e : deltas.entrySet()) {
      int slot = series.slotOf(e.getKey()); // -1: a series new to the document (delta ids are distinct)
      String stored = slot < 0 ? null : series.value(slot);
      DecodedSeries known = stored == null ? null : decoded.get(e.getKey());
      boolean remembered = known != null && known.stored() == stored;
      WindowDocument before = stored == null ? null
          : remembered ? known.series() : SeriesCodec.decode(e.getKey(), stored, header);
      WindowDocuments.Next merged = WindowDocuments.merge(e.getKey(), before, remembered ? known.users() : null,
          remembered ? known.latency() : null, e.getValue(), partition, writtenAt);
      WindowVersion next = merged.version();
      String encoded = remembered ? SeriesCodec.encode(next.document(), before, stored) // this codec wrote stored
          : SeriesCodec.encode(next.document());
      if (slot < 0) { // base64: plain ASCII
        series.putPlain(e.getKey(), encoded);
      } else {
        series.setPlain(slot, encoded);
      }
      charsDelta += stored == null ? e.getKey().length() + encoded.length() : encoded.length() - stored.length();
      changed.add(next);
      decodedNow.add(new DecodedSeries(encoded, next.document(), merged.users(), merged.latency()));
      last = Math.max(last, e.getValue().maxSequenceNumber());
    }
    SeriesMap built = series.build();
    long chars = 0;
    if ((long) built.size() * MAX_ENCODED_SERIES_CHARS > MAX_SERIES_CHARS) { // else it cannot be too large
      chars = seriesChars(built) + 6L * built.size(); // + quotes, colon and comma per entry
    }
    if (chars > MAX_SERIES_CHARS) {
      throw new IllegalStateException("window document " + header.id() + " of tenant " + header.tenantId() + " ("
          + header.granularity() + " " + header.windowStart() + ", shard " + shard + ") would hold " + built.size()
          + " series in " + chars + " characters, over the " + MAX_SERIES_CHARS
          + " this code writes (Cosmos DB's item limit is 2 MB): raise the shard count (app setting TELEMETRY_WINDOW_SHARDS, "
          + "with the app stopped after a successful invocation: docs/ARCHITECTURE.md#the-document-layout)");
    }
    TenantWindowDocument next = new TenantWindowDocument(header.id(), header.tenantId(), header.granularity(),
        header.windowStart(), header.windowEnd(), header.partition(), header.shard(), last, header.version() + 1,
        writtenAt, built);
    return new Merged(next, changed, charsDelta, decodedNow);
  }

  /**
   * Puts the decoded form of every series {@code merged} changed into {@code decoded}, a mutable map
   * the caller owns, and returns it. Its other entries stay: an untouched series keeps its string,
   * and {@link #merge} checks the string of every entry it uses anyway.
   */
  public static Map<String, DecodedSeries> putDecoded(Map<String, DecodedSeries> decoded, Merged merged) {
    for (DecodedSeries d : merged.decoded()) {
      decoded.put(d.series().id(), d);
    }
    return decoded;
  }

  /** Characters of the series map of {@code document}: ids plus stored strings. */
  public static long seriesChars(TenantWindowDocument document) {
    return seriesChars(document.series());
  }

  private static long seriesChars(Map<String, String> series) {
    long chars = 0;
    for (Map.Entry<String, String> e : series.entrySet()) {
      chars += e.getKey().length() + e.getValue().length();
    }
    return chars;
  }

  /**
   * The stored versions of the series {@code seriesIds} of {@code document} (to re-export after a
   * redelivery); ids the document does not hold are left out.
   *
   * @throws IllegalArgumentException if a stored series cannot be decoded
   */
  public static List<WindowVersion> versionsOf(TenantWindowDocument document, Collection<String> seriesIds) {
    List<WindowVersion> out = new ArrayList<>(seriesIds.size());
    for (String id : seriesIds) {
      String stored = document.series().get(id);
      if (stored != null) {
        out.add(WindowDocuments.versionOf(SeriesCodec.decode(id, stored, document)));
      }
    }
    return out;
  }

  /**
   * Every series of {@code document}, decoded (the read side: API, SLOs, replay output).
   *
   * @throws IllegalArgumentException if a stored series cannot be decoded
   */
  public static List<WindowDocument> series(TenantWindowDocument document) {
    List<WindowDocument> out = new ArrayList<>(document.series().size());
    document.series().forEach((id, stored) -> out.add(SeriesCodec.decode(id, stored, document)));
    return out;
  }

  /**
   * Stored documents holding {@code series} (as written by one shard, shard 0): one per (tenant,
   * granularity, window, partition), each with the largest {@code lastSequenceNumber} and
   * {@code updatedAt} of its series and version 1. For fixtures, demos and snapshots that start from
   * series; the aggregation path builds documents with {@link #merge}.
   *
   * @throws NullPointerException if {@code series} or an element is null
   */
  public static List<TenantWindowDocument> documentsOf(Collection<WindowDocument> series) {
    Map<List<String>, List<WindowDocument>> byDocument = new java.util.LinkedHashMap<>();
    for (WindowDocument s : series) {
      byDocument.computeIfAbsent(List.of(s.tenantId(), s.granularity(), s.windowStart().toString(), s.partition()),
          k -> new ArrayList<>()).add(s);
    }
    List<TenantWindowDocument> out = new ArrayList<>(byDocument.size());
    for (List<WindowDocument> members : byDocument.values()) {
      WindowDocument first = members.get(0);
      Map<String, String> encoded = new HashMap<>();
      long last = -1;
      Instant updatedAt = first.updatedAt();
      for (WindowDocument s : members) {
        encoded.put(s.id(), SeriesCodec.encode(s));
        last = Math.max(last, s.lastSequenceNumber());
        updatedAt = s.updatedAt().isAfter(updatedAt) ? s.updatedAt() : updatedAt;
      }
      out.add(new TenantWindowDocument(idOf(first.tenantId(), Granularity.ofIso(first.granularity()), first.windowStart(),
          first.partition(), 0), first.tenantId(), first.granularity(), first.windowStart(), first.windowEnd(),
          first.partition(), 0, last, 1, updatedAt, encoded));
    }
    return out;
  }
}
