package com.pulse.domain.telemetry.metric;

import com.pulse.domain.telemetry.aggregate.Granularity;
import com.pulse.domain.telemetry.internal.decode.DataPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One batch's delta for one metric window document (tenant, granularity, window start): its series
 * in first-seen order, the sequence-number range and late count. Series are found with a reused
 * probe key, so folding a point into an existing series allocates nothing. Not thread-safe.
 */
public final class MetricWindowAccumulator {
  private final String tenantId;
  private final Granularity granularity;
  private final long windowStartMillis;
  private final List<String> dimensionNames;
  private final Map<Key, SeriesAccumulator> series = new HashMap<>();
  private final List<SeriesAccumulator> order = new ArrayList<>();
  private final Key probe = new Key();
  private long minSequenceNumber = Long.MAX_VALUE;
  private long maxSequenceNumber = -1;
  private long points;
  private long lateCount;

  MetricWindowAccumulator(String tenantId, Granularity granularity, long windowStartMillis, List<String> dimensionNames) {
    this.tenantId = tenantId;
    this.granularity = granularity;
    this.windowStartMillis = windowStartMillis;
    this.dimensionNames = dimensionNames;
  }

  void add(DataPoint p, boolean late) {
    String type = SeriesAccumulator.typeName(p.type);
    probe.set(p.service, p.metric, p.unit, type, p.dimensions);
    SeriesAccumulator s = series.get(probe);
    if (s == null) {
      s = new SeriesAccumulator(p.service, p.metric, p.unit, type, attributes(p.dimensions));
      series.put(probe.copy(), s);
      order.add(s);
    }
    s.add(p);
    points++;
    if (late) {
      lateCount++;
    }
    minSequenceNumber = Math.min(minSequenceNumber, p.sequenceNumber);
    maxSequenceNumber = Math.max(maxSequenceNumber, p.sequenceNumber);
  }

  private Map<String, String> attributes(String[] dims) {
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] != null) {
        out.put(dimensionNames.get(i), dims[i]);
      }
    }
    return out;
  }

  public String tenantId() {
    return tenantId;
  }

  public Granularity granularity() {
    return granularity;
  }

  /** Window start, epoch ms. */
  public long windowStartMillis() {
    return windowStartMillis;
  }

  /** Lowest event sequence number folded in. */
  public long minSequenceNumber() {
    return minSequenceNumber;
  }

  /** Highest event sequence number folded in. */
  public long maxSequenceNumber() {
    return maxSequenceNumber;
  }

  /** Points folded in. */
  public long points() {
    return points;
  }

  /** Points folded in behind the watermark. */
  public long lateCount() {
    return lateCount;
  }

  /** The series in first-seen order. */
  Collection<SeriesAccumulator> series() {
    return order;
  }

  /** A series identity with its kept dimension values; mutable only as the lookup probe. */
  private static final class Key {
    String service;
    String metric;
    String unit;
    String type;
    String[] dims;
    int hash;

    void set(String service, String metric, String unit, String type, String[] dims) {
      this.service = service;
      this.metric = metric;
      this.unit = unit;
      this.type = type;
      this.dims = dims;
      this.hash = ((service.hashCode() * 31 + metric.hashCode()) * 31 + unit.hashCode()) * 31 + type.hashCode() * 7
          + Arrays.hashCode(dims);
    }

    Key copy() {
      Key k = new Key();
      k.set(service, metric, unit, type, dims.clone());
      return k;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.hash == hash && k.service.equals(service) && k.metric.equals(metric)
          && k.unit.equals(unit) && k.type.equals(type) && Arrays.equals(k.dims, dims);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
