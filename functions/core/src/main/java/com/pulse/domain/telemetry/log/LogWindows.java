package com.pulse.domain.telemetry.log;

import com.pulse.domain.telemetry.aggregate.Granularity;
import com.pulse.domain.telemetry.internal.DocumentIds;
import com.pulse.domain.telemetry.internal.IsoInstants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure functions over {@link LogWindowDocument}: its id, and merging a batch delta into it under the
 * document bounds. Stateless and thread-safe.
 *
 * <p><b>Bounds, and why first-seen.</b> A series keeps the first {@value #MAX_TEMPLATES} distinct
 * templates of its window in event order, each with its exact count, and counts every later new
 * template in {@code otherTemplateCount}; a document keeps the first {@value #MAX_SERVICES} services,
 * later ones are folded into the series of {@link #OTHER_SERVICES}. Both rules depend only on the
 * order of the partition's events, never on batch boundaries, redelivery or which host owned the
 * partition: a merge admits the delta's new services and templates in the delta's first-seen order,
 * which is what folding the records one by one would do. So the templates are exactly-once like the
 * counts. A heavy-hitter sketch (Space-Saving) or a reservoir sample would pick the most frequent
 * templates more reliably, but its result depends on the order of merges, so the documents of a
 * redelivered stream would differ from a clean pass, and a sample needs seeded randomness kept in the
 * document. What the rule costs: a template that first appears after ten others in the same window
 * and partition is only counted in {@code otherTemplateCount}; minute windows keep that short, and
 * the reader sees how much was not attributed. Readers sort templates by count.
 */
public final class LogWindows {
  /** The {@code signal} of a log window document. */
  public static final String SIGNAL = "log";
  /** Templates kept per ERROR/FATAL series and window document. */
  public static final int MAX_TEMPLATES = 10;
  /** Services kept per document; later services count under {@link #OTHER_SERVICES}. */
  public static final int MAX_SERVICES = 100;
  /** The service of the series that holds the records of services beyond {@link #MAX_SERVICES}. */
  public static final String OTHER_SERVICES = "(other services)";

  private static final Severity[] SEVERITIES = Severity.values();

  private LogWindows() {}

  /**
   * Deterministic id: {@code log-<pt1m|pt1h>-<hex>}, {@code hex} the first 32 hex digits of SHA-256
   * over {@code tenantId \u001f log \u001f granularity \u001f windowStart(ISO-8601) \u001f partition}.
   * Contains only {@code [a-z0-9-]}; never equal to a request window's id (those start {@code pt1}).
   *
   * @throws NullPointerException if an argument is null
   */
  public static String idOf(String tenantId, Granularity granularity, Instant windowStart, String partition) {
    return SIGNAL + '-' + granularity.idPrefix() + '-'
        + DocumentIds.hex128Joined(tenantId, SIGNAL, granularity.iso(), IsoInstants.format(windowStart), partition);
  }

  /** The id of the document {@code delta} belongs to in {@code partition}. */
  public static String idOf(LogWindowAccumulator delta, String partition) {
    return idOf(delta.tenantId(), delta.granularity(), Instant.ofEpochMilli(delta.windowStartMillis()), partition);
  }

  /**
   * The next version of a document: {@code existing} (null if it does not exist yet) plus
   * {@code delta}, under the bounds above; {@code lastSequenceNumber} becomes the larger of the two
   * and {@code version} grows by one. The caller guarantees that {@code delta} holds only events
   * above {@code existing.lastSequenceNumber()}.
   *
   * @param writtenAt the new {@code updatedAt}
   * @throws IllegalArgumentException if {@code existing} names an unknown severity bucket
   */
  public static LogWindowDocument merge(LogWindowDocument existing, LogWindowAccumulator delta, String partition,
      Instant writtenAt) {
    return mergeVersion(existing, delta, partition, writtenAt).document();
  }

  /**
   * {@link #merge}, with the series the delta changed: only those are rebuilt (the others are kept as
   * stored) and only they are the version's export rows ({@link LogWindowVersion#changed}).
   *
   * @throws IllegalArgumentException if {@code existing} names an unknown severity bucket
   */
  public static LogWindowVersion mergeVersion(LogWindowDocument existing, LogWindowAccumulator delta, String partition,
      Instant writtenAt) {
    // per service, per severity bucket: the stored LogSeries, or a Mutable once the delta touches it
    Map<String, Object[]> services = new HashMap<>();
    int named = 0;
    if (existing != null) {
      for (LogSeries s : existing.series()) {
        Object[] row = services.get(s.service());
        if (row == null) {
          row = new Object[SEVERITIES.length];
          services.put(s.service(), row);
          named += s.service().equals(OTHER_SERVICES) ? 0 : 1;
        }
        row[Severity.ofName(s.severity()).ordinal()] = s;
      }
    }
    for (Map.Entry<String, LogWindowAccumulator.Series[]> e : delta.services().entrySet()) {
      String service = e.getKey();
      if (!services.containsKey(service) && !service.equals(OTHER_SERVICES)) {
        if (named < MAX_SERVICES) {
          named++;
        } else {
          service = OTHER_SERVICES;
        }
      }
      Object[] row = services.computeIfAbsent(service, s -> new Object[SEVERITIES.length]);
      LogWindowAccumulator.Series[] add = e.getValue();
      for (int i = 0; i < add.length; i++) {
        if (add[i] == null) {
          continue;
        }
        Mutable m = row[i] instanceof Mutable touched ? touched : Mutable.of((LogSeries) row[i]);
        row[i] = m;
        m.count += add[i].count;
        for (Map.Entry<String, long[]> t : add[i].templates.entrySet()) {
          Long have = m.templates.get(t.getKey());
          if (have != null) {
            m.templates.put(t.getKey(), have + t.getValue()[0]);
          } else if (m.templates.size() < MAX_TEMPLATES) {
            m.templates.put(t.getKey(), t.getValue()[0]);
          } else {
            m.other += t.getValue()[0];
          }
        }
      }
    }
    List<LogSeries> series = new ArrayList<>();
    int[] changed = new int[SEVERITIES.length * services.size()];
    int n = 0;
    List<String> names = new ArrayList<>(services.keySet());
    names.sort(null);
    for (String service : names) {
      Object[] row = services.get(service);
      for (int i = 0; i < row.length; i++) {
        if (row[i] instanceof LogSeries stored) {
          series.add(stored);
        } else if (row[i] instanceof Mutable m) {
          List<LogTemplateCount> templates = new ArrayList<>(m.templates.size());
          m.templates.forEach((t, c) -> templates.add(new LogTemplateCount(t, c)));
          changed[n++] = series.size();
          series.add(new LogSeries(service, SEVERITIES[i].name(), m.count, templates, m.other));
        }
      }
    }
    Granularity g = delta.granularity();
    Instant start = Instant.ofEpochMilli(delta.windowStartMillis());
    return new LogWindowVersion(new LogWindowDocument(
        existing == null ? idOf(delta, partition) : existing.id(),
        delta.tenantId(),
        SIGNAL,
        g.iso(),
        start,
        start.plusMillis(g.millis()),
        partition,
        (existing == null ? 0 : existing.count()) + delta.count(),
        (existing == null ? 0 : existing.lateCount()) + delta.lateCount(),
        series,
        Math.max(existing == null ? -1 : existing.lastSequenceNumber(), delta.maxSequenceNumber()),
        (existing == null ? 0 : existing.version()) + 1,
        writtenAt), Arrays.copyOf(changed, n));
  }

  /** A series while merging; templates keep insertion (first-seen) order. */
  private static final class Mutable {
    long count;
    long other;
    final Map<String, Long> templates = new LinkedHashMap<>();

    /** A stored series to merge into (null: a new one). */
    static Mutable of(LogSeries stored) {
      Mutable m = new Mutable();
      if (stored != null) {
        m.count = stored.count();
        m.other = stored.otherTemplateCount();
        stored.templates().forEach(t -> m.templates.put(t.template(), t.count()));
      }
      return m;
    }
  }
}
