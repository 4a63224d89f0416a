package com.pulse.app.port;

import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.WindowDocument;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Telemetry window state with optimistic concurrency (Cosmos container {@code windows}, pk
 * {@code /tenantId}, TTL on minute windows): {@link TenantWindowDocument}s, each holding every series
 * of one tenant, granularity, window, partition and shard. The hot path is {@link #readMany} +
 * {@link #create} / {@link #replace}: point operations only.
 *
 * <p>Implementations are thread-safe. Transient failures (429, 5xx, timeouts) throw
 * {@link DependencyException}.
 */
public interface WindowStore {

  /**
   * Reads many documents at once (Cosmos {@code readMany}); absent documents are missing from the
   * result.
   *
   * @param keys partition key (tenant id) and id of each document
   * @return found documents with their ETags, keyed by the requested key
   * @throws DependencyException on a transient failure
   */
  Map<DocumentKey, Versioned<TenantWindowDocument>> readMany(Collection<DocumentKey> keys);

  /**
   * Creates a document that must not exist yet.
   *
   * @return the stored document with its new ETag
   * @throws WriteConflictException if a document with that id exists (HTTP 409): re-read and
   *     merge
   * @throws DependencyException on a transient failure
   */
  Versioned<TenantWindowDocument> create(TenantWindowDocument document);

  /**
   * Replaces a document only if its current ETag equals {@code ifMatchEtag}.
   *
   * @return the stored document with its new ETag
   * @throws WriteConflictException if the ETag no longer matches (HTTP 412) or the document was
   *     deleted (HTTP 404): re-read and merge
   * @throws DependencyException on a transient failure
   * @throws NullPointerException if {@code ifMatchEtag} is null
   */
  Versioned<TenantWindowDocument> replace(TenantWindowDocument document, String ifMatchEtag);

  /**
   * Every series of every document of one tenant and granularity whose window starts in
   * {@code [from, to)}, every partition and shard, decoded (one {@link WindowDocument} per series,
   * window and partition). This is a single-partition query (Cosmos SQL), used by the HTTP API and
   * replay output, never by the aggregation hot path.
   *
   * @throws DependencyException on a transient failure
   */
  List<WindowDocument> listRange(String tenantId, String granularity, Instant from, Instant to);
}
