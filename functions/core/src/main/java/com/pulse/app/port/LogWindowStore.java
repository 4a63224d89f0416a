package com.pulse.app.port;

import com.pulse.domain.telemetry.log.LogWindowDocument;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Log window documents with optimistic concurrency (Cosmos container {@code windows}, pk
 * {@code /tenantId}, {@code signal = "log"}; minute documents expire like request windows). The same
 * contract as {@link WindowStore}: the hot path is {@link #readMany} + {@link #create} /
 * {@link #replace}, point operations only.
 *
 * <p>Implementations are thread-safe. Transient failures (429, 5xx, timeouts) throw
 * {@link DependencyException}.
 */
public interface LogWindowStore {

  /**
   * Reads many documents at once; absent documents are missing from the result.
   *
   * @param keys partition key (tenant id) and id of each document
   * @return found documents with their ETags, keyed by the requested key
   * @throws DependencyException on a transient failure
   */
  Map<DocumentKey, Versioned<LogWindowDocument>> readMany(Collection<DocumentKey> keys);

  /**
   * Creates a document that must not exist yet.
   *
   * @return the stored document with its new ETag
   * @throws WriteConflictException if a document with that id exists (HTTP 409)
   * @throws DependencyException on a transient failure
   */
  Versioned<LogWindowDocument> create(LogWindowDocument document);

  /**
   * Replaces a document only if its current ETag equals {@code ifMatchEtag}.
   *
   * @return the stored document with its new ETag
   * @throws WriteConflictException if the ETag no longer matches (412) or the document is gone (404)
   * @throws DependencyException on a transient failure
   * @throws NullPointerException if {@code ifMatchEtag} is null
   */
  Versioned<LogWindowDocument> replace(LogWindowDocument document, String ifMatchEtag);

  /**
   * Every log document of one tenant and granularity whose window starts in {@code [from, to)}, every
   * partition, oldest first (a single-partition query; HTTP API and replay, never the hot path).
   *
   * @throws DependencyException on a transient failure
   */
  List<LogWindowDocument> listRange(String tenantId, String granularity, Instant from, Instant to);
}
