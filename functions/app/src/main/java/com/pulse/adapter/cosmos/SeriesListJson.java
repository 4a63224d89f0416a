package com.pulse.adapter.cosmos;

import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.pulse.domain.telemetry.log.LogWindowDocument;
import com.pulse.domain.telemetry.metric.MetricStreamDocument;
import com.pulse.domain.telemetry.metric.MetricWindowDocument;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The Cosmos DB JSON of a window document whose bulk is one list of records: the {@code series} of
 * log and metric window documents, the {@code streams} of metric stream-state documents. On the
 * aggregation hot path a write rewrites a whole document of which its batch changed a few elements
 * (at 100,000 metric streams, ~28 series per write). The JSON is exactly what
 * {@link CosmosDocuments#toDocument} writes (the properties by databind, in record order), with two
 * savings:
 *
 * <ul>
 *   <li><b>The list is one raw JSON value.</b> Each element is written to UTF-8 bytes by the same
 *       mapper ({@link CosmosDocuments#toJsonBytes}), and the list goes into the tree as one
 *       {@link RawValue} that Jackson (ours or the Cosmos SDK's) writes element by element with raw
 *       writes: no tree node per element, and one serialization instead of two (record to tree,
 *       tree to bytes).
 *   <li><b>Unchanged elements are not serialized again.</b> The merges keep the element instances a
 *       batch did not change ({@code MetricWindows.merge}, {@code LogWindows.mergeVersion}), so the
 *       next write of a document reuses the bytes of every element that is the same instance as one
 *       its previous write held (compared by identity at the same position; when the list grew or
 *       shrank, so that elements may have moved, by an identity map), and serializes only the others.
 * </ul>
 *
 * <p>Reads are not mapped here: a document this instance wrote is remembered by its use case and not
 * read back, and a read goes through {@link CosmosDocuments#fromDocument}.
 *
 * <p>Memory: at most {@code maxBytes} remembered (by default 1/32 of the heap, at most
 * {@value #MAX_DEFAULT_BYTES} bytes, per document type), each element charged twice its bytes (the
 * bytes, and the element instance they keep reachable) and a fixed overhead; least recently written
 * document first out; documents of closed windows drop out as the current ones are written.
 * Thread-safe: the map is guarded by this object's lock; the remembered entries are immutable.
 *
 * @param <D> the document type
 */
public final class SeriesListJson<D> {
  /** Largest default bound of the remembered element bytes: 32 MiB. */
  public static final long MAX_DEFAULT_BYTES = 32L << 20;
  /** Heap charged per remembered element beyond its bytes (element object, array header, references). */
  private static final int OVERHEAD_BYTES = 64;

  private final String property;
  private final Function<D, String> id;
  private final Function<D, List<?>> elements;
  private final Function<D, D> withoutElements;
  private final long maxBytes;
  private final LinkedHashMap<String, ElementArray> written = new LinkedHashMap<>(64, 0.75f, true);
  private long rememberedBytes;

  /**
   * @param property the list's property name
   * @param id the document's id (the key of what is remembered)
   * @param elements the document's list
   * @param withoutElements the document with an empty list (its other properties written by databind)
   * @param maxBytes remembered element bytes at most; 0 remembers nothing
   * @throws IllegalArgumentException if {@code maxBytes} is negative
   * @throws NullPointerException if an argument is null
   */
  SeriesListJson(String property, Function<D, String> id, Function<D, List<?>> elements,
      Function<D, D> withoutElements, long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0, was " + maxBytes);
    }
    this.property = Objects.requireNonNull(property, "property");
    this.id = Objects.requireNonNull(id, "id");
    this.elements = Objects.requireNonNull(elements, "elements");
    this.withoutElements = Objects.requireNonNull(withoutElements, "withoutElements");
    this.maxBytes = maxBytes;
  }

  /** The default bound: 1/32 of the JVM's maximum heap, at most {@value #MAX_DEFAULT_BYTES} bytes. */
  static long defaultMaxBytes() {
    return Math.min(MAX_DEFAULT_BYTES, Runtime.getRuntime().maxMemory() / 32);
  }

  /** The JSON of log window documents ({@code series}), remembering at most {@code maxBytes}. */
  public static SeriesListJson<LogWindowDocument> logWindows(long maxBytes) {
    return new SeriesListJson<>("series", LogWindowDocument::id, LogWindowDocument::series,
        d -> new LogWindowDocument(d.id(), d.tenantId(), d.signal(), d.granularity(), d.windowStart(), d.windowEnd(),
            d.partition(), d.count(), d.lateCount(), List.of(), d.lastSequenceNumber(), d.version(), d.updatedAt()),
        maxBytes);
  }

  /** The JSON of metric window documents ({@code series}), remembering at most {@code maxBytes}. */
  public static SeriesListJson<MetricWindowDocument> metricWindows(long maxBytes) {
    return new SeriesListJson<>("series", MetricWindowDocument::id, MetricWindowDocument::series,
        d -> new MetricWindowDocument(d.id(), d.tenantId(), d.signal(), d.granularity(), d.windowStart(),
            d.windowEnd(), d.partition(), d.points(), d.lateCount(), d.overflowPoints(), List.of(),
            d.lastSequenceNumber(), d.version(), d.updatedAt()),
        maxBytes);
  }

  /** The JSON of metric stream-state documents ({@code streams}), remembering at most {@code maxBytes}. */
  public static SeriesListJson<MetricStreamDocument> metricStreams(long maxBytes) {
    return new SeriesListJson<>("streams", MetricStreamDocument::id, MetricStreamDocument::streams,
        d -> new MetricStreamDocument(d.id(), d.tenantId(), d.signal(), d.partition(), List.of(),
            d.lastSequenceNumber(), d.version(), d.updatedAt()),
        maxBytes);
  }

  /**
   * The JSON tree to store for {@code document}: {@link CosmosDocuments#toDocument}'s properties in
   * the same order, the list one raw JSON value. Remembers the list's element bytes for the next
   * write of the same document id (harmless if this write fails: bytes belong to element instances,
   * whatever became of the write).
   *
   * @throws IllegalArgumentException if an element does not serialize
   * @throws NullPointerException if {@code document} is null
   */
  public ObjectNode toStored(D document) {
    ObjectNode node = CosmosDocuments.toDocument(withoutElements.apply(document));
    String key = id.apply(document);
    ElementArray array = ElementArray.of(elements.apply(document), remembered(key));
    node.putRawValue(property, new RawValue((JsonSerializable) array));
    remember(key, array);
    return node;
  }

  /** Heap charged for what is remembered now (see the class comment). */
  public synchronized long rememberedBytes() {
    return rememberedBytes;
  }

  private synchronized ElementArray remembered(String key) {
    return written.get(key);
  }

  private void remember(String key, ElementArray array) {
    if (maxBytes == 0) {
      return;
    }
    synchronized (this) {
      ElementArray old = written.put(key, array);
      rememberedBytes += array.rememberedBytes - (old == null ? 0 : old.rememberedBytes);
      for (Iterator<ElementArray> it = written.values().iterator(); rememberedBytes > maxBytes && it.hasNext(); ) {
        rememberedBytes -= it.next().rememberedBytes;
        it.remove();
      }
    }
  }

  /**
   * A list as raw JSON, {@code [element,...]}, from its elements' bytes ({@link RawJsonSequence}), with
   * the element instances they were written from. Immutable once built.
   */
  static final class ElementArray extends RawJsonSequence {
    private final Object[] instances;
    private final RawJson.OfBytes[] elements;
    private final long rememberedBytes;

    private ElementArray(Object[] instances, RawJson.OfBytes[] elements) {
      super('[', ']', elements);
      this.instances = instances;
      this.elements = elements;
      long bytes = 0;
      for (RawJson.OfBytes e : elements) {
        // the bytes, and as much again for the element instance they keep reachable (an element's
        // JSON is about the size of its record: its strings, and a sketch as base64)
        bytes += 2L * e.bytes().length + OVERHEAD_BYTES;
      }
      this.rememberedBytes = bytes;
    }

    /**
     * The array of {@code list}, reusing the bytes of each element that {@code previous} (null for
     * none) held as the same instance.
     */
    static ElementArray of(List<?> list, ElementArray previous) {
      Object[] instances = list.toArray();
      RawJson.OfBytes[] elements = new RawJson.OfBytes[instances.length];
      // elements move only when the list grew or shrank (an insertion or removal before them); an
      // element past the previous list whose predecessors all stayed in place cannot be an old one
      boolean resized = previous != null && previous.instances.length != instances.length;
      Map<Object, RawJson.OfBytes> byInstance = null;
      for (int i = 0; i < instances.length; i++) {
        Object instance = instances[i];
        RawJson.OfBytes e = null;
        if (previous != null) {
          if (i < previous.instances.length && previous.instances[i] == instance) {
            e = previous.elements[i];
          } else if (resized && (byInstance != null || i < previous.instances.length)) {
            if (byInstance == null) {
              byInstance = new IdentityHashMap<>(previous.instances.length * 2);
              for (int j = 0; j < previous.instances.length; j++) {
                byInstance.put(previous.instances[j], previous.elements[j]);
              }
            }
            e = byInstance.get(instance);
          }
        }
        elements[i] = e != null ? e : new RawJson.OfBytes(CosmosDocuments.toJsonBytes(instance));
      }
      return new ElementArray(instances, elements);
    }

    /** The bytes of element {@code i} (for tests). */
    byte[] element(int i) {
      return elements[i].bytes();
    }
  }
}
