package com.pulse.app.telemetry;

import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.Versioned;
import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.aggregate.TenantWindows;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The window documents this instance last wrote or found, each with the ETag the store gave and the
 * decoded form of the series strings it wrote, so that {@link AggregateBatch} need not read (or
 * decode) them again. Why a remembered document may stand in for a read: docs/ARCHITECTURE.md §3
 * ("remembered document").
 *
 * <p>A batch {@link #take}s the entries of the documents it touches (they leave the memory) and
 * {@link #keep}s what it wrote or found once it has succeeded, so a failed batch forgets its
 * documents, and two calls never hold the same entry. Bounded by an estimate of the heap the entries
 * hold (series strings, one byte per character, and decoded sketches), least recently kept first
 * out. Thread-safe (one lock, held only to move entries).
 */
final class RememberedDocuments {
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
     * strings are), their decoded forms as if every series were decoded (binary, 3/4 of base64), and
     * per-document and per-series overhead.
     */
    long bytes() {
      return DOCUMENT_OVERHEAD + (long) document.value().series().size() * SERIES_OVERHEAD + seriesChars * 7 / 4;
    }
  }

  private final long maxBytes;
  private final LinkedHashMap<DocumentKey, Remembered> entries = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;

  /**
   * @param maxBytes heap the entries may hold (estimate); 0 remembers nothing
   * @throws IllegalArgumentException if {@code maxBytes} is negative
   */
  RememberedDocuments(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0, was " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** Removes and returns the entries of {@code keys} that are remembered. */
  synchronized Map<DocumentKey, Remembered> take(Collection<DocumentKey> keys) {
    Map<DocumentKey, Remembered> out = new HashMap<>();
    for (DocumentKey key : keys) {
      Remembered r = entries.remove(key);
      if (r != null) {
        bytes -= r.bytes();
        out.put(key, r);
      }
    }
    return out;
  }

  /** Remembers {@code kept}, then drops the least recently kept entries beyond the bound. */
  synchronized void keep(Map<DocumentKey, Remembered> kept) {
    for (Map.Entry<DocumentKey, Remembered> e : kept.entrySet()) {
      Remembered old = entries.put(e.getKey(), e.getValue());
      bytes += e.getValue().bytes() - (old == null ? 0 : old.bytes());
    }
    for (Iterator<Remembered> it = entries.values().iterator(); bytes > maxBytes && it.hasNext(); ) {
      bytes -= it.next().bytes();
      it.remove();
    }
  }

  /** The estimated heap held now. */
  synchronized long bytes() {
    return bytes;
  }
}
