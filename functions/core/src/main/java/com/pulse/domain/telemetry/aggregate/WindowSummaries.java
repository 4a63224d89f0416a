package com.pulse.domain.telemetry.aggregate;

import com.pulse.domain.query.MergedWindow;
import com.pulse.domain.query.WindowMerger;
import com.pulse.domain.telemetry.WindowDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Final windows of many tenants, for {@code replay} and the demo: the per-partition documents of
 * each tenant are merged by {@link WindowMerger} (counts add, DDSketches merge, HLLs union — the
 * same merge the HTTP API serves) and flattened into {@link WindowSummary} rows. Stateless;
 * thread-safe.
 */
public final class WindowSummaries {
  private WindowSummaries() {}

  /**
   * Final windows of one granularity, ordered by window start, tenant, service, operation.
   *
   * @param documents documents of any tenants and partitions (other granularities are ignored)
   * @throws IllegalArgumentException if a stored sketch cannot be decoded (names the document)
   */
  public static List<WindowSummary> merge(List<WindowDocument> documents, Granularity granularity) {
    Map<String, List<WindowDocument>> byTenant = new TreeMap<>();
    for (WindowDocument d : documents) {
      if (d.granularity().equals(granularity.iso()) && d.dependency() == null) {
        byTenant.computeIfAbsent(d.tenantId(), k -> new ArrayList<>()).add(d);
      }
    }
    List<WindowSummary> out = new ArrayList<>();
    byTenant.forEach((tenant, docs) -> WindowMerger.merge(docs).forEach(w -> out.add(summary(tenant, w))));
    out.sort(Comparator.comparing(WindowSummary::windowStart).thenComparing(WindowSummary::tenantId)
        .thenComparing(WindowSummary::service).thenComparing(WindowSummary::operation));
    return out;
  }

  /**
   * Final dependency windows of one granularity, ordered by window start, tenant, service,
   * dependency, operation: each (tenant, dependency) group merged by {@link WindowMerger}.
   *
   * @param documents documents of any tenants and partitions (request windows and other
   *     granularities are ignored)
   * @throws IllegalArgumentException if a stored sketch cannot be decoded
   */
  public static List<DependencySummary> dependencies(List<WindowDocument> documents, Granularity granularity) {
    Map<String, List<WindowDocument>> groups = new TreeMap<>();
    for (WindowDocument d : documents) {
      if (d.granularity().equals(granularity.iso()) && d.dependency() != null) {
        groups.computeIfAbsent(d.tenantId() + '\u001f' + d.dependency(), k -> new ArrayList<>()).add(d);
      }
    }
    List<DependencySummary> out = new ArrayList<>();
    groups.values().forEach(docs -> WindowMerger.merge(docs).forEach(w -> out.add(new DependencySummary(
        docs.get(0).tenantId(), w.service(), docs.get(0).dependency(), w.operation(), w.windowStart(), w.windowEnd(),
        w.count(), w.errorCount(), orZero(w.p50Ms()), orZero(w.p95Ms()), orZero(w.p99Ms())))));
    out.sort(Comparator.comparing(DependencySummary::windowStart).thenComparing(DependencySummary::tenantId)
        .thenComparing(DependencySummary::service).thenComparing(DependencySummary::dependency)
        .thenComparing(DependencySummary::operation));
    return out;
  }

  private static WindowSummary summary(String tenantId, MergedWindow w) {
    return new WindowSummary(tenantId, w.service(), w.operation(), w.windowStart(), w.windowEnd(), w.count(),
        w.errorCount(), orZero(w.p50Ms()), orZero(w.p95Ms()), orZero(w.p99Ms()), w.distinctUsers(), w.lateCount());
  }

  /** An empty sketch (no requests) reads 0 ms, as the replay output always did. */
  private static double orZero(Double ms) {
    return ms == null ? 0 : ms;
  }
}
