package com.pulse.domain.telemetry.log;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One (tenant, service, severity, window) series merged across source partitions: what a reader
 * (replay, the report) shows. Counts add; templates add by text and are ranked by count (ties by
 * text), the first {@link LogWindows#MAX_TEMPLATES} kept and the rest added to
 * {@code otherTemplateCount}. Immutable.
 *
 * @param tenantId tenant
 * @param service service (or {@link LogWindows#OTHER_SERVICES})
 * @param severity bucket name
 * @param granularity {@code PT1M} or {@code PT1H}
 * @param windowStart inclusive start, UTC
 * @param windowEnd exclusive end, UTC
 * @param count records over every partition
 * @param templates most frequent templates first
 * @param otherTemplateCount ERROR/FATAL records not attributed to a listed template
 */
public record MergedLogSeries(String tenantId, String service, String severity, String granularity,
    Instant windowStart, Instant windowEnd, long count, List<LogTemplateCount> templates, long otherTemplateCount) {

  /** @throws NullPointerException if an object argument is null */
  public MergedLogSeries {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(granularity, "granularity");
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
    templates = List.copyOf(templates);
  }

  /**
   * Merges the series of {@code documents} (any partitions, one or both granularities) per (tenant,
   * granularity, window, service, severity), ordered by window start, tenant, service and severity
   * bucket.
   *
   * @throws NullPointerException if {@code documents} is null
   * @throws IllegalArgumentException if a document names an unknown severity bucket
   */
  public static List<MergedLogSeries> merge(List<LogWindowDocument> documents) {
    record Key(Instant start, String tenant, String granularity, String service, int severity) {}
    Map<Key, long[]> counts = new TreeMap<>(Comparator.comparing(Key::start).thenComparing(Key::tenant)
        .thenComparing(Key::granularity).thenComparing(Key::service).thenComparingInt(Key::severity));
    Map<Key, Map<String, Long>> templates = new HashMap<>();
    Map<Key, Instant> ends = new HashMap<>();
    for (LogWindowDocument d : documents) {
      for (LogSeries s : d.series()) {
        Key k = new Key(d.windowStart(), d.tenantId(), d.granularity(), s.service(),
            Severity.ofName(s.severity()).ordinal());
        long[] c = counts.computeIfAbsent(k, x -> new long[2]);
        c[0] += s.count();
        c[1] += s.otherTemplateCount();
        ends.put(k, d.windowEnd());
        Map<String, Long> t = templates.computeIfAbsent(k, x -> new LinkedHashMap<>());
        s.templates().forEach(tc -> t.merge(tc.template(), tc.count(), Long::sum));
      }
    }
    List<MergedLogSeries> out = new ArrayList<>(counts.size());
    counts.forEach((k, c) -> {
      List<LogTemplateCount> ranked = templates.get(k).entrySet().stream()
          .map(e -> new LogTemplateCount(e.getKey(), e.getValue()))
          .sorted(Comparator.comparingLong(LogTemplateCount::count).reversed().thenComparing(LogTemplateCount::template))
          .toList();
      long other = c[1];
      for (int i = LogWindows.MAX_TEMPLATES; i < ranked.size(); i++) {
        other += ranked.get(i).count();
      }
      out.add(new MergedLogSeries(k.tenant(), k.service(), Severity.values()[k.severity()].name(), k.granularity(),
          k.start(), ends.get(k), c[0], ranked.subList(0, Math.min(ranked.size(), LogWindows.MAX_TEMPLATES)), other));
    });
    return out;
  }
}
