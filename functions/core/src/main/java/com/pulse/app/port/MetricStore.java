package com.pulse.app.port;

import com.pulse.domain.metric.JobState;
import com.pulse.domain.metric.MetricPoint;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serving store for warehouse metric points (Cosmos container {@code metrics}, pk {@code /tenantId})
 * and per-metric job state (container {@code jobs}, pk {@code /metric}). All access is by
 * deterministic id (point reads, upserts, bulk); no cross-partition query on any path.
 *
 * <p>Implementations are thread-safe. Transient failures (429, 5xx, timeouts) throw
 * {@link DependencyException}; other failures throw {@link IllegalStateException}.
 */
public interface MetricStore {

  /**
   * Upserts points by id (a recomputation overwrites) and advances the per-(tenant, metric)
   * "latest" view used by {@link #latestPoints(String)} when a point's window is the newest seen.
   *
   * @param points points to write, any tenants; empty is a no-op
   * @throws DependencyException on a transient store failure (some points may be written; retrying
   *     is safe because writes are idempotent)
   */
  void upsertPoints(List<MetricPoint> points);

  /** Point read of one metric point; empty if absent. @throws DependencyException on a transient failure */
  Optional<MetricPoint> readPoint(String tenantId, String pointId);

  /**
   * Points of the newest computed window of every metric of a tenant (all dimension combinations of
   * that window), ordered by metric name then dimensions.
   *
   * @throws DependencyException on a transient failure
   */
  List<MetricPoint> latestPoints(String tenantId);

  /** Job state of one metric; empty if it never ran. @throws DependencyException on a transient failure */
  Optional<JobState> readJob(String metric);

  /** Job states of the given metrics (absent ones are missing from the map). @throws DependencyException on a transient failure */
  Map<String, JobState> readJobs(Collection<String> metrics);

  /** Writes (upserts) a job state. @throws DependencyException on a transient failure */
  void writeJob(JobState state);
}
