package com.pulse.app.port;

/**
 * How far a source partition's events are in the window documents, for owners that hold events in
 * memory across invocations ({@link com.pulse.app.telemetry.DeferredAggregation}): one small document
 * per (scope, partition) (Cosmos container {@code progress}, partition key {@code /scope}, id the
 * partition id) whose {@code flushedThrough} is a sequence number such that every event of the
 * partition at or below it is in every window document it belongs to. Writers only ever raise it.
 *
 * <p>Implementations are thread-safe. Transient failures (429, 5xx, timeouts) throw
 * {@link DependencyException}.
 */
public interface PartitionProgressStore {

  /**
   * Point read.
   *
   * @param scope the use case whose progress this is (for example {@code "telemetry"})
   * @param partition the source partition id
   * @return the flushed-through sequence number with its ETag, or null when none is stored
   * @throws DependencyException on a transient failure
   */
  Versioned<Long> read(String scope, String partition);

  /**
   * Creates the progress of a partition that has none.
   *
   * @return the stored value with its new ETag
   * @throws WriteConflictException if one exists (HTTP 409): re-read
   * @throws DependencyException on a transient failure
   */
  Versioned<Long> create(String scope, String partition, long flushedThrough);

  /**
   * Replaces the progress only if its current ETag equals {@code ifMatchEtag}.
   *
   * @return the stored value with its new ETag
   * @throws WriteConflictException if the ETag no longer matches (HTTP 412) or the document is gone
   *     (HTTP 404): re-read
   * @throws DependencyException on a transient failure
   * @throws NullPointerException if {@code ifMatchEtag} is null
   */
  Versioned<Long> replace(String scope, String partition, long flushedThrough, String ifMatchEtag);
}
