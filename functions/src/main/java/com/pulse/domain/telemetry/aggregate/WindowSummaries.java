package com.pulse.domain.telemetry.aggregate;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.pulse.domain.telemetry.WindowDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * Merges per-partition window documents into final windows: counts add, DDSketches merge (so
 * percentiles are of all partitions' requests, not an average of percentiles), HLLs union.
 * Stateless; thread-safe.
 */
public final class WindowSummaries {
  private WindowSummaries() {}

  /**
   * Final windows of one granularity, ordered by window start, tenant, service, operation.
   *
   * @param documents documents of any partitions (other granularities are ignored)
   * @throws IllegalArgumentException if a stored sketch cannot be decoded
   */
  public static List<WindowSummary> merge(List<WindowDocument> documents, Granularity granularity) {
    Map<String, List<WindowDocument>> groups = new TreeMap<>();
    for (WindowDocument d : documents) {
      if (d.granularity().equals(granularity.iso())) {
        String key = d.windowStart() + "\u001f" + d.tenantId() + "\u001f" + d.service() + "\u001f" + d.operation();
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
      }
    }
    List<WindowSummary> out = new ArrayList<>(groups.size());
    for (List<WindowDocument> group : groups.values()) {
      DDSketch latency = LatencySketches.newSketch();
      Union users = new Union(UserSketches.LG_K);
      long count = 0;
      long errors = 0;
      long late = 0;
      for (WindowDocument d : group) {
        latency.mergeWith(LatencySketches.deserialize(d.latencySketch()));
        if (d.userSketch().length > 0) {
          users.update(HllSketch.heapify(d.userSketch()));
        }
        count += d.count();
        errors += d.errorCount();
        late += d.lateCount();
      }
      WindowDocument first = group.get(0);
      out.add(new WindowSummary(first.tenantId(), first.service(), first.operation(), first.windowStart(), first.windowEnd(),
          count, errors,
          LatencySketches.quantile(latency, 0.50), LatencySketches.quantile(latency, 0.95), LatencySketches.quantile(latency, 0.99),
          users.isEmpty() ? 0 : Math.round(users.getResult(TgtHllType.HLL_8).getEstimate()), late));
    }
    out.sort(Comparator.comparing(WindowSummary::windowStart).thenComparing(WindowSummary::tenantId)
        .thenComparing(WindowSummary::service).thenComparing(WindowSummary::operation));
    return out;
  }
}
