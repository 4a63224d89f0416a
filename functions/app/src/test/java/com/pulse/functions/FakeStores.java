package com.pulse.functions;

import com.pulse.app.port.DeadLetterStore;
import com.pulse.app.port.DependencyException;
import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.MetricStore;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WindowStore;
import com.pulse.domain.metric.JobState;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.telemetry.DeadLetter;
import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.WindowDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Minimal in-memory stores for the entry-point tests; {@code down} makes every call fail like a 503. */
final class FakeStores implements MetricStore, WindowStore, DeadLetterStore {
  final List<MetricPoint> points = new ArrayList<>();
  final Map<String, JobState> jobs = new HashMap<>();
  final List<WindowDocument> windows = new ArrayList<>();
  long deadLetters;
  boolean down;

  private void check() {
    if (down) {
      throw new DependencyException("Cosmos DB unavailable", 503, Duration.ofSeconds(7), null);
    }
  }

  @Override
  public void upsertPoints(List<MetricPoint> p) {
    check();
    points.addAll(p);
  }

  @Override
  public Optional<MetricPoint> readPoint(String tenantId, String pointId) {
    check();
    return points.stream().filter(p -> p.id().equals(pointId)).findFirst();
  }

  @Override
  public List<MetricPoint> latestPoints(String tenantId) {
    check();
    return points.stream().filter(p -> p.tenantId().equals(tenantId)).toList();
  }

  @Override
  public Optional<JobState> readJob(String metric) {
    check();
    return Optional.ofNullable(jobs.get(metric));
  }

  @Override
  public Map<String, JobState> readJobs(Collection<String> metrics) {
    check();
    Map<String, JobState> found = new HashMap<>();
    metrics.forEach(m -> Optional.ofNullable(jobs.get(m)).ifPresent(j -> found.put(m, j)));
    return found;
  }

  @Override
  public void writeJob(JobState state) {
    check();
    jobs.put(state.metric(), state);
  }

  @Override
  public Map<DocumentKey, Versioned<TenantWindowDocument>> readMany(Collection<DocumentKey> keys) {
    throw new UnsupportedOperationException("not used by the API");
  }

  @Override
  public Versioned<TenantWindowDocument> create(TenantWindowDocument document) {
    throw new UnsupportedOperationException("not used by the API");
  }

  @Override
  public Versioned<TenantWindowDocument> replace(TenantWindowDocument document, String ifMatchEtag) {
    throw new UnsupportedOperationException("not used by the API");
  }

  @Override
  public List<WindowDocument> listRange(String tenantId, String granularity, Instant from, Instant to) {
    check();
    return windows.stream().filter(w -> w.tenantId().equals(tenantId) && w.granularity().equals(granularity)
        && !w.windowStart().isBefore(from) && w.windowStart().isBefore(to)).toList();
  }

  @Override
  public void writeAll(List<DeadLetter> deadLetters) {
    throw new UnsupportedOperationException("not used by the API");
  }

  @Override
  public List<DeadLetter> list(String partition, int limit) {
    throw new UnsupportedOperationException("not used by the API");
  }

  @Override
  public long count() {
    check();
    return deadLetters;
  }

  @Override
  public void delete(DeadLetter deadLetter) {
    throw new UnsupportedOperationException("not used by the API");
  }
}
