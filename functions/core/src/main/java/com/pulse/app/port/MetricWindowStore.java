package com.pulse.app.port;

import com.pulse.domain.telemetry.metric.MetricStreamDocument;
import com.pulse.domain.telemetry.metric.MetricWindowDocument;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * OTLP metric state with optimistic concurrency: metric window documents (one per tenant,
 * granularity, window and source partition, every series of the tenant inside) and cumulative-stream
 * state documents (one per tenant and partition). In Azure both live in the Cosmos DB container
 * {@code windows} (pk {@code /tenantId}) beside the request windows, told apart by {@code signal}
 * ({@code metric}, {@code metricstate}); minute windows expire like request windows. The same
 * semantics as {@link WindowStore}: point operations only on the hot path, a create of an existing id
 * and a replace with a stale ETag (or of a deleted document) throw {@link WriteConflictException}.
 *
 * <p>Implementations are thread-safe. Transient failures (429, 5xx, timeouts) throw
 * {@link DependencyException}.
 */
public interface MetricWindowStore {

  /**
   * Reads many window documents; absent ones are missing from the result.
   *
   * @throws DependencyException on a transient failure
   */
  Map<DocumentKey, Versioned<MetricWindowDocument>> readWindows(Collection<DocumentKey> keys);

  /**
   * Creates a window document that must not exist yet.
   *
   * @throws WriteConflictException if it exists (409)
   * @throws DependencyException on a transient failure
   */
  Versioned<MetricWindowDocument> createWindow(MetricWindowDocument document);

  /**
   * Replaces a window document if its ETag still equals {@code ifMatchEtag}.
   *
   * @throws WriteConflictException on a stale ETag (412) or a deleted document (404)
   * @throws DependencyException on a transient failure
   * @throws NullPointerException if {@code ifMatchEtag} is null
   */
  Versioned<MetricWindowDocument> replaceWindow(MetricWindowDocument document, String ifMatchEtag);

  /**
   * Reads many stream-state documents; absent ones are missing from the result.
   *
   * @throws DependencyException on a transient failure
   */
  Map<DocumentKey, Versioned<MetricStreamDocument>> readStreams(Collection<DocumentKey> keys);

  /**
   * Creates a stream-state document that must not exist yet.
   *
   * @throws WriteConflictException if it exists (409)
   * @throws DependencyException on a transient failure
   */
  Versioned<MetricStreamDocument> createStreams(MetricStreamDocument document);

  /**
   * Replaces a stream-state document if its ETag still equals {@code ifMatchEtag}.
   *
   * @throws WriteConflictException on a stale ETag (412) or a deleted document (404)
   * @throws DependencyException on a transient failure
   * @throws NullPointerException if {@code ifMatchEtag} is null
   */
  Versioned<MetricStreamDocument> replaceStreams(MetricStreamDocument document, String ifMatchEtag);

  /**
   * Metric window documents of one tenant and granularity whose window starts in {@code [from, to)},
   * every partition, oldest first (a single-partition query; HTTP API and replay, not the hot path).
   *
   * @throws DependencyException on a transient failure
   */
  List<MetricWindowDocument> listRange(String tenantId, String granularity, Instant from, Instant to);
}
