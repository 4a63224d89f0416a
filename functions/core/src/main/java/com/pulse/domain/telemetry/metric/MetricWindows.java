package com.pulse.domain.telemetry.metric;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.store.Store;
import com.pulse.domain.telemetry.aggregate.Granularity;
import com.pulse.domain.telemetry.internal.DocumentIds;
import com.pulse.domain.telemetry.internal.IsoInstants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pure functions over {@link MetricWindowDocument}: deterministic ids, merging a batch delta into a
 * document (with the series limits), and the statistics of a version. Stateless and thread-safe.
 */
public final class MetricWindows {
  /** Series type names (the {@code type} of {@link MetricSeries} and of the jsonl/ADX rows). */
  public static final String SUM = "sum";
  public static final String GAUGE = "gauge";
  public static final String HISTOGRAM = "histogram";
  public static final String SUMMARY = "summary";
  /** Series per document before new series overflow. */
  public static final int MAX_SERIES = 1000;
  /** Histogram series per document before new histogram series overflow. */
  public static final int MAX_HISTOGRAM_SERIES = 64;
  /** Overflow series per document; a point that finds none of these free is counted as {@code series_limit}. */
  public static final int MAX_OVERFLOW_SERIES = 64;
  /** Attribute of an overflow series (OpenTelemetry SDK cardinality limits). */
  public static final String OVERFLOW_ATTRIBUTE = "otel.metric.overflow";

  private MetricWindows() {}

  /**
   * {@code metric-<pt1m|pt1h>-<hex>}: 128 bits of SHA-256 over
   * {@code metric \u001f tenantId \u001f granularity \u001f windowStart \u001f partition}.
   */
  public static String idOf(String tenantId, Granularity granularity, Instant windowStart, String partition) {
    return "metric-" + granularity.idPrefix() + '-'
        + DocumentIds.hex128Joined("metric", tenantId, granularity.iso(), IsoInstants.format(windowStart), partition);
  }

  /** {@code metricstate-<hex>}: 128 bits of SHA-256 over {@code metricstate \u001f tenantId \u001f partition}. */
  public static String streamsIdOf(String tenantId, String partition) {
    return "metricstate-" + DocumentIds.hex128Joined("metricstate", tenantId, partition);
  }

  /** The id of {@code delta}'s document in {@code partition}. */
  public static String idOf(MetricWindowAccumulator delta, String partition) {
    return idOf(delta.tenantId(), delta.granularity(), Instant.ofEpochMilli(delta.windowStartMillis()), partition);
  }

  /** What a merge wrote and what it did with the series limits. */
  public record Merged(MetricWindowVersion version, long overflowPoints, long droppedPoints) {}

  /**
   * The next version of a document: {@code existing} (null: not yet stored) plus {@code delta}, whose
   * events are all above {@code existing.lastSequenceNumber()}. Series add field by field (sketches
   * merge); a new series is admitted while the document has fewer than {@link #MAX_SERIES} series
   * ({@link #MAX_HISTOGRAM_SERIES} histograms), else it folds into its overflow series, else (more than
   * {@link #MAX_OVERFLOW_SERIES} overflow series) its points are dropped and counted. Admission follows
   * the series' first-seen order, so it is the same however the events were split into batches. Only
   * the series the delta touches are decoded and encoded again, and only they are in the version's
   * {@link MetricWindowVersion#changed} (the history export's rows); the others are kept as stored.
   *
   * @throws IllegalArgumentException if a stored sketch cannot be decoded
   */
  public static Merged merge(MetricWindowDocument existing, MetricWindowAccumulator delta, String partition, Instant writtenAt) {
    // the document's series in order; a stored series is decoded only when the delta touches it
    List<MetricSeries> stored = existing == null ? List.of() : existing.series();
    Map<List<Object>, Integer> position = new HashMap<>(Math.max(16, (stored.size() + delta.series().size()) * 4 / 3));
    List<SeriesAccumulator> touched = new ArrayList<>(stored.size() + delta.series().size());
    int histograms = 0;
    int overflows = 0;
    for (MetricSeries s : stored) {
      position.put(identity(s.service(), s.metric(), s.unit(), s.type(), s.attributes()), touched.size());
      touched.add(null);
      histograms += s.type().equals(HISTOGRAM) ? 1 : 0;
      overflows += s.attributes().containsKey(OVERFLOW_ATTRIBUTE) ? 1 : 0;
    }
    long overflowPoints = 0;
    long dropped = 0;
    for (SeriesAccumulator d : delta.series()) {
      List<Object> id = identity(d.service, d.metric, d.unit, d.type, d.attributes);
      Integer at = position.get(id);
      if (at == null) {
        boolean histogram = d.type.equals(HISTOGRAM);
        if (position.size() - overflows < MAX_SERIES && (!histogram || histograms < MAX_HISTOGRAM_SERIES)) {
          at = add(position, touched, id, new SeriesAccumulator(d.service, d.metric, d.unit, d.type, d.attributes));
          histograms += histogram ? 1 : 0;
        } else {
          Map<String, String> overflow = Map.of(OVERFLOW_ATTRIBUTE, "true");
          List<Object> oid = identity(d.service, d.metric, d.unit, d.type, overflow);
          at = position.get(oid);
          if (at == null && overflows < MAX_OVERFLOW_SERIES) {
            at = add(position, touched, oid, new SeriesAccumulator(d.service, d.metric, d.unit, d.type, overflow));
            overflows++;
          }
          if (at == null) {
            dropped += d.points;
            continue;
          }
          overflowPoints += d.points;
        }
      }
      SeriesAccumulator target = touched.get(at);
      if (target == null) {
        target = SeriesAccumulator.of(stored.get(at));
        touched.set(at, target);
      }
      target.merge(d);
    }
    List<MetricSeries> series = new ArrayList<>(touched.size());
    int[] changed = new int[touched.size()];
    int n = 0;
    List<SeriesStats> stats = new ArrayList<>();
    for (int i = 0; i < touched.size(); i++) {
      SeriesAccumulator a = touched.get(i);
      if (a == null) {
        series.add(stored.get(i));
      } else {
        series.add(a.toSeries());
        changed[n++] = i;
        stats.add(statsOf(a.sketch));
      }
    }
    Instant start = Instant.ofEpochMilli(delta.windowStartMillis());
    MetricWindowDocument next = new MetricWindowDocument(
        existing == null ? idOf(delta, partition) : existing.id(), delta.tenantId(), MetricWindowDocument.SIGNAL,
        delta.granularity().iso(), start, start.plusMillis(delta.granularity().millis()), partition,
        (existing == null ? 0 : existing.points()) + delta.points() - dropped,
        (existing == null ? 0 : existing.lateCount()) + delta.lateCount(),
        (existing == null ? 0 : existing.overflowPoints()) + overflowPoints,
        series,
        Math.max(existing == null ? -1 : existing.lastSequenceNumber(), delta.maxSequenceNumber()),
        (existing == null ? 0 : existing.version()) + 1, writtenAt);
    return new Merged(new MetricWindowVersion(next, Arrays.copyOf(changed, n), stats), overflowPoints, dropped);
  }

  private static int add(Map<List<Object>, Integer> position, List<SeriesAccumulator> touched, List<Object> id,
      SeriesAccumulator fresh) {
    int at = touched.size();
    position.put(id, at);
    touched.add(fresh);
    return at;
  }

  /** The statistics of a stored document (decoding its sketches), e.g. to re-export it. */
  public static MetricWindowVersion versionOf(MetricWindowDocument d) {
    List<SeriesStats> stats = new ArrayList<>(d.series().size());
    for (MetricSeries s : d.series()) {
      stats.add(statsOf(s.type().equals(HISTOGRAM) ? MetricSketches.deserialize(s.sketch()) : null));
    }
    return new MetricWindowVersion(d, stats);
  }

  private static List<Object> identity(String service, String metric, String unit, String type, Map<String, String> attributes) {
    return List.of(service, metric, unit, type, new TreeMap<>(attributes));
  }

  private static SeriesStats statsOf(DDSketch sketch) {
    if (sketch == null || sketch.isEmpty()) {
      return SeriesStats.NONE;
    }
    Store positive = sketch.getPositiveValueStore();
    Store negative = sketch.getNegativeValueStore();
    long zero = Math.round(sketch.getCount() - positive.getTotalCount() - negative.getTotalCount());
    return new SeriesStats(sketch.getValueAtQuantile(0.5), sketch.getValueAtQuantile(0.95), sketch.getValueAtQuantile(0.99),
        zero, bins(positive), bins(negative));
  }

  /** Non-empty bins as {@code [key, count]} pairs, key {@code i + 1} for sketches-java bin {@code i}. */
  private static long[] bins(Store store) {
    if (store.isEmpty()) {
      return new long[0];
    }
    long[] out = new long[2 * (store.getMaxIndex() - store.getMinIndex() + 1)];
    int[] n = {0};
    store.forEach((index, count) -> {
      long rounded = Math.round(count);
      if (rounded > 0) {
        out[n[0]++] = index + 1L;
        out[n[0]++] = rounded;
      }
    });
    return Arrays.copyOf(out, n[0]);
  }
}
