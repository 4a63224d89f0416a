package com.pulse.bench;

import com.azure.cosmos.CosmosItemSerializer;
import com.azure.cosmos.implementation.Utils;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.adapter.cosmos.CosmosDocuments;
import com.pulse.adapter.cosmos.TenantWindowJson;
import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WindowStore;
import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.WindowDocument;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory {@link WindowStore} that pays what {@code CosmosWindowStore} and the Cosmos DB SDK pay
 * per document on the aggregation path, network aside: every written document is mapped to its
 * Cosmos JSON tree by the adapter's {@link TenantWindowJson} and serialized to UTF-8 bytes by the
 * SDK's own request code, called as azure-cosmos 4.75.0's {@code RxDocumentClientImpl} calls it with
 * the default {@link CosmosItemSerializer}: a create through
 * {@code InternalObjectNode.serializeJsonToByteBuffer(item, serializer, trackingId, true)} (whose id
 * check converts the tree to a map first), a replace through {@code Document.fromObject(item,
 * serializer).serializeJsonToByteBuffer(serializer, null, false)}; every read parses those bytes,
 * with the {@code _etag} the write returned, into a tree by the SDK's {@code Utils.parse}, and maps it
 * with {@link TenantWindowJson#fromStored}. Optimistic concurrency is {@link InMemoryWindowStore}'s.
 * Not thread-safe; for benchmarks only.
 */
final class CosmosJsonWindowStore implements WindowStore {
  private final InMemoryWindowStore etags = new InMemoryWindowStore();
  private final TenantWindowJson mapping = new TenantWindowJson();
  private final Map<DocumentKey, byte[]> json = new java.util.HashMap<>();
  /** Bytes serialized and parsed so far. */
  long bytes;
  /** Documents asked for by {@code readMany} so far, and how many of them existed. */
  long keysRead;
  long documentsRead;

  @Override
  public Map<DocumentKey, Versioned<TenantWindowDocument>> readMany(Collection<DocumentKey> keys) {
    Map<DocumentKey, Versioned<TenantWindowDocument>> found = etags.readMany(keys);
    keysRead += keys.size();
    documentsRead += found.size();
    Map<DocumentKey, Versioned<TenantWindowDocument>> parsed = new LinkedHashMap<>();
    found.forEach((key, v) -> {
      byte[] b = json.get(key);
      bytes += b.length;
      ObjectNode tree = Utils.parse(b, ObjectNode.class, CosmosItemSerializer.DEFAULT_SERIALIZER);
      parsed.put(key, new Versioned<>(mapping.fromStored(tree), v.etag()));
    });
    return parsed;
  }

  @Override
  public Versioned<TenantWindowDocument> create(TenantWindowDocument document) {
    Versioned<TenantWindowDocument> v = etags.create(document);
    store(document, v.etag(), true);
    return v;
  }

  @Override
  public Versioned<TenantWindowDocument> replace(TenantWindowDocument document, String ifMatchEtag) {
    Versioned<TenantWindowDocument> v = etags.replace(document, ifMatchEtag);
    store(document, v.etag(), false);
    return v;
  }

  private void store(TenantWindowDocument document, String etag, boolean create) {
    ObjectNode tree = mapping.toStored(document);
    tree.put(CosmosDocuments.ETAG, etag); // the server adds it; here the bytes carry it for the read
    byte[] b = CosmosJsonSignalStores.requestBytes(tree, create);
    mapping.written(document, tree);
    bytes += b.length;
    json.put(new DocumentKey(document.tenantId(), document.id()), b);
  }

  @Override
  public List<WindowDocument> listRange(String tenantId, String granularity, Instant from, Instant to) {
    return etags.listRange(tenantId, granularity, from, to);
  }

  /** The stored documents, as written. */
  Collection<TenantWindowDocument> documents() {
    return etags.documents();
  }
}
