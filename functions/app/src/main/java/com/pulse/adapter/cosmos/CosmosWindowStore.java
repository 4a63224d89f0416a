package com.pulse.adapter.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WindowStore;
import com.pulse.app.port.WriteConflictException;
import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.aggregate.TenantWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@link WindowStore} on Cosmos DB container {@code windows} (pk {@code /tenantId}). The hot path is
 * point operations only: {@code readMany}, create (409 → {@link WriteConflictException})
 * and replace with {@code If-Match} on the ETag (412 or 404 → {@link WriteConflictException}).
 * Minute windows carry a per-document {@code ttl} (container TTL must be on, default -1), hourly
 * roll-ups never expire. {@link #listRange} is a single-partition SQL query; it also reads documents
 * of the earlier layout (one series per document, no {@code series} property), so the API keeps
 * answering for hour windows written before the change.
 *
 * <p>A {@link TenantWindowDocument} is stored with Jackson as its record components; {@code series}
 * becomes a JSON object of strings, written and read as the strings they are (an untouched series is
 * never decoded here), written raw, with the bytes of unchanged series reused ({@link TenantWindowJson}). The container's indexing policy ({@code bicep/modules/cosmos.bicep}) indexes
 * only {@code /granularity} and {@code /windowStart}, so the size of {@code series} costs storage and
 * write RU by size, not index RU.
 *
 * <p>Thread-safe.
 */
public final class CosmosWindowStore implements WindowStore {
  /** Granularity whose documents expire. */
  static final String MINUTE = WindowDocumentIo.MINUTE;
  private static final String KIND = "window document";

  private final WindowDocumentIo io;
  private final TenantWindowJson json = new TenantWindowJson();

  /**
   * @param container container {@code windows}
   * @param calls its call wrapper
   * @param minuteWindowTtl how long minute-window documents live after their last write (whole
   *     seconds, at least 1 s)
   * @throws IllegalArgumentException if {@code minuteWindowTtl} is shorter than one second
   */
  public CosmosWindowStore(CosmosContainer container, CosmosCalls calls, Duration minuteWindowTtl) {
    this.io = new WindowDocumentIo(container, calls, minuteWindowTtl);
  }

  @Override
  public Map<DocumentKey, Versioned<TenantWindowDocument>> readMany(Collection<DocumentKey> keys) {
    return io.readMany(keys, json::fromStored, document -> true);
  }

  @Override
  public Versioned<TenantWindowDocument> create(TenantWindowDocument document) {
    ObjectNode stored = stored(document);
    Versioned<TenantWindowDocument> created = io.create(KIND, document, stored, document.tenantId(), document.id());
    json.written(document, stored);
    return created;
  }

  @Override
  public Versioned<TenantWindowDocument> replace(TenantWindowDocument document, String ifMatchEtag) {
    ObjectNode stored = stored(document);
    Versioned<TenantWindowDocument> replaced =
        io.replace(KIND, document, stored, document.tenantId(), document.id(), ifMatchEtag);
    json.written(document, stored);
    return replaced;
  }

  private ObjectNode stored(TenantWindowDocument document) {
    return io.withTtl(json.toStored(document), MINUTE.equals(document.granularity()));
  }

  @Override
  public List<WindowDocument> listRange(String tenantId, String granularity, Instant from, Instant to) {
    return io.query(tenantId, CosmosQueries.windowRange(tenantId, granularity, from, to),
        document -> series(document).stream());
  }

  /** The series of a stored document of either layout. */
  static List<WindowDocument> series(ObjectNode document) {
    if (document.has("series")) {
      return TenantWindows.series(CosmosDocuments.fromDocument(document, TenantWindowDocument.class));
    }
    List<WindowDocument> legacy = new ArrayList<>(1);
    legacy.add(CosmosDocuments.fromDocument(document, WindowDocument.class));
    return legacy;
  }
}
