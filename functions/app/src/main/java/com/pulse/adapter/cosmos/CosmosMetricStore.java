package com.pulse.adapter.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.CosmosItemIdentity;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulse.app.port.DependencyException;
import com.pulse.app.port.MetricStore;
import com.pulse.app.port.Versioned;
import com.pulse.domain.metric.JobState;
import com.pulse.domain.metric.MetricPoint;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link MetricStore} on Cosmos DB: points in container {@code metrics} (pk {@code /tenantId}, id =
 * {@link MetricPoint#id()}), the per-tenant {@link LatestPointsDocument} next to them, and job state
 * in {@code jobs} (pk {@code /metric}, id = metric name). Only point reads, upserts, bulk upserts
 * and {@code readMany}: no query on any path.
 *
 * <p>The latest-points document is read-modify-written with ETag optimistic concurrency (If-Match;
 * a 409/412 race re-reads and re-applies, at most {@link #MAX_ATTEMPTS} times), so concurrent runs
 * of different metrics for the same tenant cannot lose each other's update; still contended after
 * that, {@code upsertPoints} throws {@link DependencyException} (412). Thread-safe.
 */
public final class CosmosMetricStore implements MetricStore {
  static final int MAX_ATTEMPTS = 8;

  private final CosmosContainer jobs;
  private final CosmosCalls jobCalls;
  private final CosmosBulkWriter pointWriter;
  private final ItemAccess<LatestPointsDocument> latest;
  private final ItemAccess<MetricPoint> points;
  private final ItemAccess<JobState> jobStates;

  /**
   * @param metrics container {@code metrics}
   * @param jobs container {@code jobs}
   * @param metricCalls call wrapper of {@code metrics}
   * @param jobCalls call wrapper of {@code jobs}
   */
  public CosmosMetricStore(CosmosContainer metrics, CosmosContainer jobs, CosmosCalls metricCalls, CosmosCalls jobCalls) {
    this.jobs = jobs;
    this.jobCalls = jobCalls;
    this.pointWriter = new CosmosBulkWriter(metrics, metricCalls);
    this.latest = new ItemAccess<>(metrics, metricCalls, LatestPointsDocument.class);
    this.points = new ItemAccess<>(metrics, metricCalls, MetricPoint.class);
    this.jobStates = new ItemAccess<>(jobs, jobCalls, JobState.class);
  }

  @Override
  public void upsertPoints(List<MetricPoint> points) {
    if (points.isEmpty()) {
      return;
    }
    pointWriter.upsertAll(points.stream().map(CosmosDocuments::toDocument).toList(),
        document -> new PartitionKey(document.get("tenantId").asText()));
    Map<String, List<MetricPoint>> byTenant = points.stream()
        .collect(Collectors.groupingBy(MetricPoint::tenantId, LinkedHashMap::new, Collectors.toList()));
    byTenant.forEach(this::advanceLatest);
  }

  private void advanceLatest(String tenantId, List<MetricPoint> written) {
    for (int attempt = 1; ; attempt++) {
      Optional<Versioned<LatestPointsDocument>> held = latest.read(tenantId, LatestPointsDocument.ID);
      LatestPointsDocument current = held.map(Versioned::value).orElse(LatestPointsDocument.empty(tenantId));
      LatestPointsDocument next = current.advance(written);
      if (next == current) {
        return;
      }
      boolean stored = held.isEmpty()
          ? latest.tryCreate(tenantId, next)
          : latest.tryReplace(tenantId, LatestPointsDocument.ID, next, held.get().etag());
      if (stored) {
        return;
      }
      if (attempt == MAX_ATTEMPTS) {
        // transient by nature (other writers of the tenant's document): the port's DependencyException,
        // so the run is re-driven, as AggregateBatch does for window documents
        throw new DependencyException("latest-points document of tenant " + tenantId
            + " still contended after " + MAX_ATTEMPTS + " attempts", 412, null, null);
      }
    }
  }

  @Override
  public Optional<MetricPoint> readPoint(String tenantId, String pointId) {
    return points.read(tenantId, pointId).map(Versioned::value);
  }

  @Override
  public List<MetricPoint> latestPoints(String tenantId) {
    return latest.read(tenantId, LatestPointsDocument.ID)
        .map(held -> held.value().points())
        .orElse(List.of());
  }

  @Override
  public Optional<JobState> readJob(String metric) {
    return Optional.ofNullable(readJobs(List.of(metric)).get(metric));
  }

  @Override
  public Map<String, JobState> readJobs(Collection<String> metricNames) {
    // each job document is alone in its logical partition, so readMany does one point read per metric
    if (metricNames.isEmpty()) {
      return Map.of();
    }
    List<CosmosItemIdentity> identities = metricNames.stream().distinct()
        .map(metric -> new CosmosItemIdentity(new PartitionKey(metric), metric)).toList();
    FeedResponse<ObjectNode> found = jobCalls.call("readMany",
        () -> jobs.readMany(identities, ObjectNode.class), FeedResponse::getRequestCharge);
    return found.getResults().stream()
        .map(document -> CosmosDocuments.fromDocument(document, JobState.class))
        .collect(Collectors.toMap(JobState::metric, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  @Override
  public void writeJob(JobState state) {
    jobStates.upsert(state.metric(), CosmosDocuments.toDocument(state, state.metric()));
  }
}
