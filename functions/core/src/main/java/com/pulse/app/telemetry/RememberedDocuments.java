package com.pulse.app.telemetry;

import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.Versioned;
import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.log.LogSeries;
import com.pulse.domain.telemetry.log.LogTemplateCount;
import com.pulse.domain.telemetry.log.LogWindowDocument;
import com.pulse.domain.telemetry.metric.MetricSeries;
import com.pulse.domain.telemetry.metric.MetricWindowDocument;
import com.pulse.domain.telemetry.aggregate.TenantWindows;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * The window documents this instance last wrote or found, each with the ETag the store gave (and,
 * for tenant windows, the decoded form of the series strings it wrote), so that a batch use case
 * ({@link AggregateBatch}, {@link AggregateLogBatch}, {@link AggregateMetricBatch}: its window
 * documents, not its stream state) need not read (or decode) them again. Why a remembered document
 * may stand in for a read: docs/ARCHITECTURE.md §3 ("remembered document").
 *
 * <p>A batch {@link #take}s the entries of the documents it touches (they leave the memory) and
 * {@link #keep}s what it wrote or found once it has succeeded, so a failed batch forgets its
 * documents, and two calls never hold the same entry. Bounded by an estimate of the heap the entries
 * hold (series strings, one byte per character, and decoded sketches). Beyond the bound an entry
 * first sheds what can be rebuilt without a read (a tenant window's decoded series: {@link
 * Remembered#slim}) and leaves only after that, least recently kept first ({@link #keep}): a slim
 * entry costs its next batch a decode of the series it touches, a forgotten one a read of the whole
 * document (request units and a round trip). Thread-safe (one lock, held only to move entries).
 *
 * @param <E> what is remembered of one document
 */
final class RememberedDocuments<E> {
  /** Largest default bound: 64 MiB. */
  static final long MAX_DEFAULT_BYTES = 64L << 20;

  /**
   * The default bound: 1/16 of the JVM's maximum heap, at most {@value #MAX_DEFAULT_BYTES} bytes
   * (a 2,048 MB Flex Consumption instance gets ~32 MiB, a 512 MB one ~8 MiB).
   */
  static long defaultMaxBytes() {
    return Math.min(MAX_DEFAULT_BYTES, Runtime.getRuntime().maxMemory() / 16);
  }
  /** Per document and per series: map entries, headers, the record's other fields. */
  private static final int DOCUMENT_OVERHEAD = 256;
  private static final int SERIES_OVERHEAD = 160;

  /**
   * One remembered document.
   *
   * @param document as last written or found, with its ETag
   * @param decoded series id → a string of the document and its decoded form; mutable, owned by
   *     whoever took the entry
   * @param seriesChars characters of the document's series map (ids + stored strings)
   */
  record Remembered(Versioned<TenantWindowDocument> document, Map<String, TenantWindows.DecodedSeries> decoded,
      long seriesChars) {
    /** A document as read or found, its series map measured once. */
    static Remembered of(Versioned<TenantWindowDocument> document, Map<String, TenantWindows.DecodedSeries> decoded) {
      return new Remembered(document, decoded, TenantWindows.seriesChars(document.value()));
    }

    /**
     * The heap this entry holds, estimated: the series strings (one byte per character, as Latin-1
     * strings are), their decoded forms as if every series were decoded (binary, 3/4 of base64, plus
     * the decoded sketches, at most twice their images: a SET-mode HLL hash table is at least half
     * empty, latency bins take 12 bytes where their message takes 8 to 13) unless {@code decoded}
     * is empty, and per-document and per-series overhead.
     */
    long bytes() {
      long overhead = DOCUMENT_OVERHEAD + (long) document.value().series().size() * SERIES_OVERHEAD;
      return overhead + (decoded.isEmpty() ? seriesChars : seriesChars * 13 / 4);
    }

    /**
     * This entry without its decoded series (a new, empty, mutable map): the same document and ETag,
     * which a batch merges by decoding the series it touches from their strings, as after a read.
     *
     * @return the slim entry, or null when this one holds no decoded series
     */
    Remembered slim() {
      return decoded.isEmpty() ? null : new Remembered(document, new HashMap<>(), seriesChars);
    }
  }

  private final long maxBytes;
  private final ToLongFunction<? super E> sizeOf;
  private final UnaryOperator<E> slim;
  private final LinkedHashMap<DocumentKey, E> entries = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;

  /**
   * @param maxBytes heap the entries may hold (estimate); 0 remembers nothing
   * @param sizeOf the heap one entry holds (estimate, bytes)
   * @throws IllegalArgumentException if {@code maxBytes} is negative
   */
  RememberedDocuments(long maxBytes, ToLongFunction<? super E> sizeOf) {
    this(maxBytes, sizeOf, null);
  }

  /**
   * As {@link #RememberedDocuments(long, ToLongFunction)}, with entries that can shed part of what
   * they hold before they are dropped (in the order {@link #keep} gives).
   *
   * @param slim an entry's smaller stand-in (which {@code sizeOf} must measure smaller), or null when
   *     it has nothing to shed; null: no entry ever sheds anything (entries are only dropped)
   * @throws IllegalArgumentException if {@code maxBytes} is negative
   */
  RememberedDocuments(long maxBytes, ToLongFunction<? super E> sizeOf, UnaryOperator<E> slim) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0, was " + maxBytes);
    }
    this.maxBytes = maxBytes;
    this.sizeOf = sizeOf;
    this.slim = slim;
  }

  /** Removes the entries of {@code keys} that are remembered and returns them in a new, mutable map. */
  synchronized Map<DocumentKey, E> take(Collection<DocumentKey> keys) {
    Map<DocumentKey, E> out = new HashMap<>();
    for (DocumentKey key : keys) {
      E r = entries.remove(key);
      if (r != null) {
        bytes -= sizeOf.applyAsLong(r);
        out.put(key, r);
      }
    }
    return out;
  }

  /**
   * The documents to start a batch from, as a new mutable map: {@link #take} of {@code keys}, plus
   * {@code read} of the keys this memory did not hold ({@code read} is not called when it held them
   * all, nor under this object's lock).
   *
   * @param read the store's read of the given keys ({@code readMany}); what it throws passes through,
   *     and the documents taken stay forgotten
   */
  Map<DocumentKey, E> takeOrRead(Collection<DocumentKey> keys, Function<List<DocumentKey>, Map<DocumentKey, E>> read) {
    Map<DocumentKey, E> found = take(keys);
    List<DocumentKey> unknown = new ArrayList<>(keys.size());
    for (DocumentKey key : keys) {
      if (!found.containsKey(key)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      found.putAll(read.apply(unknown));
    }
    return found;
  }

  /**
   * Remembers {@code kept} as the most recently kept entries; then, while beyond the bound: slims
   * the entries kept before, least recently kept first; drops those; slims the entries of {@code
   * kept}; drops those. So the documents a stream is writing keep their decoded series while older
   * ones (a closed minute's, say) can make room, and a document is forgotten, to be read again,
   * only once every document kept before it is gone and it is slim.
   */
  synchronized void keep(Map<DocumentKey, ? extends E> kept) {
    for (Map.Entry<DocumentKey, ? extends E> e : kept.entrySet()) {
      E old = entries.put(e.getKey(), e.getValue());
      bytes += sizeOf.applyAsLong(e.getValue()) - (old == null ? 0 : sizeOf.applyAsLong(old));
    }
    if (slim == null) {
      dropLeastRecent(entries.size());
      return;
    }
    int before = entries.size() - kept.size(); // an access-ordered map: kept's entries are now the last
    slimLeastRecent(before);
    dropLeastRecent(before);
    slimLeastRecent(entries.size());
    dropLeastRecent(entries.size());
  }

  /** Slims the first {@code n} entries, least recently kept first, while beyond the bound. */
  private void slimLeastRecent(int n) {
    Iterator<Map.Entry<DocumentKey, E>> it = entries.entrySet().iterator();
    for (int i = 0; i < n && bytes > maxBytes; i++) {
      Map.Entry<DocumentKey, E> e = it.next();
      E smaller = slim.apply(e.getValue());
      if (smaller != null) {
        bytes += sizeOf.applyAsLong(smaller) - sizeOf.applyAsLong(e.getValue());
        e.setValue(smaller); // not a structural change: the entry keeps its place in the order
      }
    }
  }

  /** Drops entries among the first {@code n}, least recently kept first, while beyond the bound. */
  private void dropLeastRecent(int n) {
    Iterator<E> it = entries.values().iterator();
    for (int i = 0; i < n && bytes > maxBytes; i++) {
      bytes -= sizeOf.applyAsLong(it.next());
      it.remove();
    }
  }

  /**
   * The heap a remembered log window document holds, estimated: its series, their service and
   * severity, and their message templates (two bytes per character, as templates may be any text).
   */
  static long logWindowBytes(Versioned<LogWindowDocument> document) {
    long bytes = DOCUMENT_OVERHEAD;
    for (LogSeries series : document.value().series()) {
      bytes += SERIES_OVERHEAD + 2L * (series.service().length() + series.severity().length());
      for (LogTemplateCount t : series.templates()) {
        bytes += 64 + 2L * t.template().length();
      }
    }
    return bytes;
  }

  /**
   * The heap a remembered metric window document holds, estimated in bytes: per document and per
   * series overhead, the series' service, metric, unit and type and their attribute names and values
   * (two bytes per character, as they may be any text; 64 bytes per attribute entry), and each
   * histogram sketch's bytes (array header included).
   */
  static long metricWindowBytes(Versioned<MetricWindowDocument> document) {
    long bytes = DOCUMENT_OVERHEAD;
    for (MetricSeries series : document.value().series()) {
      bytes += SERIES_OVERHEAD + 16 + series.sketch().length
          + 2L * (series.service().length() + series.metric().length() + series.unit().length() + series.type().length());
      for (Map.Entry<String, String> a : series.attributes().entrySet()) {
        bytes += 64 + 2L * (a.getKey().length() + a.getValue().length());
      }
    }
    return bytes;
  }

  /** The estimated heap held now. */
  synchronized long bytes() {
    return bytes;
  }
}
