package com.pulse.domain.query;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.aggregate.LatencySketches;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;

/**
 * Merges per-partition window documents into one {@link MergedWindow} per (tenant, service, operation,
 * dependency, granularity, window start): counts and sums add up; latency percentiles come from merging the
 * DDSketches, which keeps the relative-accuracy guarantee (Masson et al., "DDSketch", VLDB 2019,
 * section 2.2: merged sketches answer quantiles with the same alpha); distinct users from the union of
 * the HyperLogLog sketches (Apache DataSketches HLL {@link Union}, sized to the largest input lgK).
 *
 * <p>Sketch formats are those of {@link WindowDocument}: {@code DDSketch#serialize()} bytes, which
 * are the DDSketch protobuf message, read by {@link LatencySketches#deserialize} (the one decoder of
 * Pulse's latency sketches), and DataSketches HLL compact images; an empty user sketch means no
 * user ids. Stateless and thread-safe.
 */
public final class WindowMerger {
  private WindowMerger() {}

  /**
   * Merges documents.
   *
   * @param documents window documents, any order, any tenants, partitions and granularities
   * @return merged windows ordered by window start, then tenant, service, operation, granularity and
   *     dependency (request windows, whose dependency is null, first)
   * @throws IllegalArgumentException if a sketch cannot be decoded (names the document)
   */
  public static List<MergedWindow> merge(Collection<WindowDocument> documents) {
    Map<String, List<WindowDocument>> groups = new TreeMap<>();
    for (WindowDocument d : documents) {
      String key = d.windowStart() + "\u001f" + d.tenantId() + "\u001f" + d.service() + "\u001f" + d.operation()
          + "\u001f" + d.granularity() + "\u001f" + d.dependency(); // a dependency window never merges into a request window
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
    }
    List<MergedWindow> merged = new ArrayList<>(groups.size());
    groups.values().forEach(group -> merged.add(mergeGroup(group)));
    merged.sort(Comparator.comparing(MergedWindow::windowStart).thenComparing(MergedWindow::tenantId)
        .thenComparing(MergedWindow::service).thenComparing(MergedWindow::operation)
        .thenComparing(MergedWindow::granularity)
        .thenComparing(MergedWindow::dependency, Comparator.nullsFirst(Comparator.naturalOrder())));
    return merged;
  }

  private static MergedWindow mergeGroup(List<WindowDocument> group) {
    WindowDocument first = group.get(0);
    long count = 0;
    long errors = 0;
    long late = 0;
    double latencySumMs = 0;
    Instant end = first.windowEnd();
    DDSketch latency = LatencySketches.newSketch();
    List<HllSketch> users = new ArrayList<>();
    for (WindowDocument d : group) {
      count += d.count();
      errors += d.errorCount();
      late += d.lateCount();
      latencySumMs += d.latencySumMs();
      if (d.latencySketch().length > 0) {
        latency.mergeWith(decodeLatency(d));
      }
      if (d.userSketch().length > 0) {
        users.add(decodeUsers(d));
      }
    }
    boolean hasLatency = !latency.isEmpty();
    return new MergedWindow(first.tenantId(), first.service(), first.operation(), first.dependency(), first.granularity(), first.windowStart(), end,
        group.size(), count, errors, late,
        count == 0 ? null : (double) errors / count,
        count == 0 ? null : latencySumMs / count,
        hasLatency ? latency.getValueAtQuantile(0.50) : null,
        hasLatency ? latency.getValueAtQuantile(0.95) : null,
        hasLatency ? latency.getValueAtQuantile(0.99) : null,
        distinct(users));
  }

  private static long distinct(List<HllSketch> users) {
    if (users.isEmpty()) {
      return 0;
    }
    int lgK = users.stream().mapToInt(HllSketch::getLgConfigK).max().orElseThrow();
    Union union = new Union(lgK);
    users.forEach(union::update);
    return Math.round(union.getCompositeEstimate()); // registers only, as UserSketches (not HIP: order-dependent)
  }

  private static DDSketch decodeLatency(WindowDocument d) {
    try {
      return LatencySketches.deserialize(d.latencySketch());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("undecodable latency sketch in window document " + d.id(), e);
    }
  }

  private static HllSketch decodeUsers(WindowDocument d) {
    try {
      return HllSketch.heapify(d.userSketch());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("undecodable user sketch in window document " + d.id(), e);
    }
  }
}
