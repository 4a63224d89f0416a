package com.pulse.bench;

import com.azure.cosmos.CosmosItemSerializer;
import com.azure.cosmos.implementation.Document;
import com.azure.cosmos.implementation.InternalObjectNode;
import com.azure.cosmos.implementation.Utils;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.adapter.cosmos.CosmosDocuments;
import com.pulse.adapter.cosmos.SeriesListJson;
import com.pulse.adapter.local.InMemoryLogWindowStore;
import com.pulse.adapter.local.InMemoryMetricWindowStore;
import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.LogWindowStore;
import com.pulse.app.port.MetricWindowStore;
import com.pulse.app.port.Versioned;
import com.pulse.domain.telemetry.log.LogWindowDocument;
import com.pulse.domain.telemetry.metric.MetricStreamDocument;
import com.pulse.domain.telemetry.metric.MetricWindowDocument;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In-memory {@link LogWindowStore} and {@link MetricWindowStore} that pay what
 * {@code CosmosLogWindowStore} / {@code CosmosMetricWindowStore} and the Cosmos DB SDK pay per
 * document, network aside, as {@link CosmosJsonWindowStore} does for request windows: a written
 * document becomes its Cosmos JSON tree ({@link SeriesListJson}, as the stores write it; with
 * {@code -Djson=generic}, {@link CosmosDocuments#toDocument}, as they did before it) serialized to UTF-8 bytes by the SDK's request code (a create through
 * {@code InternalObjectNode.serializeJsonToByteBuffer}, a replace through
 * {@code Document.fromObject(...).serializeJsonToByteBuffer}); a read parses those bytes with the SDK's
 * {@code Utils.parse} and maps the tree back ({@link CosmosDocuments#fromDocument}). Optimistic
 * concurrency is the in-memory stores'. Not thread-safe; for benchmarks only.
 */
final class CosmosJsonSignalStores {
  /** {@code -Djson=generic}: documents mapped by {@link CosmosDocuments#toDocument} (before {@link SeriesListJson}). */
  static final boolean GENERIC = "generic".equals(System.getProperty("json"));

  private final Map<DocumentKey, byte[]> json = new HashMap<>();
  /** Bytes serialized and parsed so far. */
  long bytes;

  private CosmosJsonSignalStores() {}

  /** A log window store over {@code memory}. */
  static LogWindowStore logs(InMemoryLogWindowStore memory) {
    CosmosJsonSignalStores io = new CosmosJsonSignalStores();
    SeriesListJson<LogWindowDocument> mapping = SeriesListJson.logWindows(SeriesListJson.MAX_DEFAULT_BYTES);
    return new LogWindowStore() {
      @Override
      public Map<DocumentKey, Versioned<LogWindowDocument>> readMany(Collection<DocumentKey> keys) {
        return io.read(memory.readMany(keys), LogWindowDocument.class);
      }

      @Override
      public Versioned<LogWindowDocument> create(LogWindowDocument d) {
        return io.written(memory.create(d), mapping, d.tenantId(), d.id(), true);
      }

      @Override
      public Versioned<LogWindowDocument> replace(LogWindowDocument d, String ifMatchEtag) {
        return io.written(memory.replace(d, ifMatchEtag), mapping, d.tenantId(), d.id(), false);
      }

      @Override
      public List<LogWindowDocument> listRange(String tenantId, String granularity, Instant from, Instant to) {
        return memory.listRange(tenantId, granularity, from, to);
      }
    };
  }

  /** A metric window and stream-state store over {@code memory}. */
  static MetricWindowStore metrics(InMemoryMetricWindowStore memory) {
    CosmosJsonSignalStores io = new CosmosJsonSignalStores();
    SeriesListJson<MetricWindowDocument> windows = SeriesListJson.metricWindows(SeriesListJson.MAX_DEFAULT_BYTES);
    SeriesListJson<MetricStreamDocument> streams = SeriesListJson.metricStreams(0);
    return new MetricWindowStore() {
      @Override
      public Map<DocumentKey, Versioned<MetricWindowDocument>> readWindows(Collection<DocumentKey> keys) {
        return io.read(memory.readWindows(keys), MetricWindowDocument.class);
      }

      @Override
      public Versioned<MetricWindowDocument> createWindow(MetricWindowDocument d) {
        return io.written(memory.createWindow(d), windows, d.tenantId(), d.id(), true);
      }

      @Override
      public Versioned<MetricWindowDocument> replaceWindow(MetricWindowDocument d, String ifMatchEtag) {
        return io.written(memory.replaceWindow(d, ifMatchEtag), windows, d.tenantId(), d.id(), false);
      }

      @Override
      public Map<DocumentKey, Versioned<MetricStreamDocument>> readStreams(Collection<DocumentKey> keys) {
        return io.read(memory.readStreams(keys), MetricStreamDocument.class);
      }

      @Override
      public Versioned<MetricStreamDocument> createStreams(MetricStreamDocument d) {
        return io.written(memory.createStreams(d), streams, d.tenantId(), d.id(), true);
      }

      @Override
      public Versioned<MetricStreamDocument> replaceStreams(MetricStreamDocument d, String ifMatchEtag) {
        return io.written(memory.replaceStreams(d, ifMatchEtag), streams, d.tenantId(), d.id(), false);
      }

      @Override
      public List<MetricWindowDocument> listRange(String tenantId, String granularity, Instant from, Instant to) {
        return memory.listRange(tenantId, granularity, from, to);
      }
    };
  }

  private <T> Versioned<T> written(Versioned<T> v, SeriesListJson<T> mapping, String tenantId, String id,
      boolean create) {
    ObjectNode tree = GENERIC ? CosmosDocuments.toDocument(v.value()) : mapping.toStored(v.value());
    tree.put(CosmosDocuments.ETAG, v.etag()); // the server adds it; here the bytes carry it for the read
    byte[] b = requestBytes(tree, create);
    bytes += b.length;
    json.put(new DocumentKey(tenantId, id), b);
    return v;
  }

  /**
   * The UTF-8 request body the Cosmos DB SDK (4.75.0, {@code RxDocumentClientImpl}, default
   * {@link CosmosItemSerializer}) makes of {@code tree}: a create through
   * {@code InternalObjectNode.serializeJsonToByteBuffer(item, serializer, trackingId, true)}, a replace
   * through {@code Document.fromObject(item, serializer).serializeJsonToByteBuffer(serializer, null, false)}.
   */
  static byte[] requestBytes(ObjectNode tree, boolean create) {
    CosmosItemSerializer serializer = CosmosItemSerializer.DEFAULT_SERIALIZER;
    ByteBuffer buffer = create
        ? InternalObjectNode.serializeJsonToByteBuffer(tree, serializer, null, true)
        : Document.fromObject(tree, serializer).serializeJsonToByteBuffer(serializer, null, false);
    byte[] b = new byte[buffer.remaining()];
    buffer.get(b);
    return b;
  }

  private <T> Map<DocumentKey, Versioned<T>> read(Map<DocumentKey, Versioned<T>> found, Class<T> type) {
    Map<DocumentKey, Versioned<T>> parsed = new LinkedHashMap<>();
    found.forEach((key, v) -> {
      byte[] b = json.get(key);
      bytes += b.length;
      ObjectNode tree = Utils.parse(b, ObjectNode.class, CosmosItemSerializer.DEFAULT_SERIALIZER);
      parsed.put(key, new Versioned<>(CosmosDocuments.fromDocument(tree, type), v.etag()));
    });
    return parsed;
  }
}
