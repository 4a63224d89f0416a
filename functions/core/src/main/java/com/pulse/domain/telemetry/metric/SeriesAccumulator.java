package com.pulse.domain.telemetry.metric;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.pulse.domain.telemetry.internal.decode.DataPoint;
import java.util.Map;

/**
 * The running state of one series in one window: a batch's delta, or a stored series being merged
 * (fields as in {@link MetricSeries}). Folding a point allocates nothing once the series exists
 * (histograms add their buckets to the series' sketch). Not thread-safe.
 */
final class SeriesAccumulator {
  final String service;
  final String metric;
  final String unit;
  final String type;
  final Map<String, String> attributes;
  long points;
  long count;
  double sum;
  double min = Double.POSITIVE_INFINITY;
  double max = Double.NEGATIVE_INFINITY;
  double last = Double.NaN;
  long lastTimeNanos = Long.MIN_VALUE;
  double increase;
  boolean estimated;
  DDSketch sketch;

  SeriesAccumulator(String service, String metric, String unit, String type, Map<String, String> attributes) {
    this.service = service;
    this.metric = metric;
    this.unit = unit;
    this.type = type;
    this.attributes = attributes;
    if (type.equals(MetricWindows.HISTOGRAM)) {
      sketch = MetricSketches.newSketch();
    }
  }

  /** The output type name of an OTLP data type. */
  static String typeName(int type) {
    return switch (type) {
      case DataPoint.SUM -> MetricWindows.SUM;
      case DataPoint.GAUGE -> MetricWindows.GAUGE;
      case DataPoint.SUMMARY -> MetricWindows.SUMMARY;
      default -> MetricWindows.HISTOGRAM;
    };
  }

  /** Folds one point's increase (or, for a gauge, value). */
  void add(DataPoint p) {
    points++;
    switch (p.type) {
      case DataPoint.SUM -> increase += p.deltaValue;
      case DataPoint.GAUGE -> {
        sum += p.value;
        min = Math.min(min, p.value);
        max = Math.max(max, p.value);
        if (p.timeNanos >= lastTimeNanos) {
          last = p.value;
        }
      }
      case DataPoint.SUMMARY -> {
        count += p.deltaCount;
        sum += p.deltaSum;
      }
      default -> addHistogram(p);
    }
    lastTimeNanos = Math.max(lastTimeNanos, p.timeNanos);
  }

  private void addHistogram(DataPoint p) {
    count += p.deltaCount;
    sum += p.deltaSum;
    boolean exact = p.temporality == DataPoint.DELTA && !Double.isNaN(p.min) && !Double.isNaN(p.max);
    if (exact) {
      if (p.deltaCount > 0) {
        min = Math.min(min, p.min);
        max = Math.max(max, p.max);
      }
    } else if (p.deltaCount > 0) {
      estimated = true;
    }
    if (p.type == DataPoint.HISTOGRAM) {
      MetricSketches.addExplicit(sketch, p.bounds, p.nBounds, p.deltaBuckets, p.nBuckets,
          exact ? p.min : Double.NaN, exact ? p.max : Double.NaN);
    } else {
      MetricSketches.addExponential(sketch, p.scale, p.deltaZeroCount, p.positiveOffset, p.deltaPositive, p.nPositive,
          p.negativeOffset, p.deltaNegative, p.nNegative);
    }
  }

  /** Adds {@code other} (a later delta of the same or an overflowing series) into this one. */
  void merge(SeriesAccumulator other) {
    points += other.points;
    count += other.count;
    sum += other.sum;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    if (other.lastTimeNanos >= lastTimeNanos && !Double.isNaN(other.last)) {
      last = other.last;
    }
    lastTimeNanos = Math.max(lastTimeNanos, other.lastTimeNanos);
    increase += other.increase;
    estimated |= other.estimated;
    if (sketch != null && other.sketch != null) {
      sketch.mergeWith(other.sketch);
    }
  }

  /** A stored series as an accumulator (decoding its sketch). */
  static SeriesAccumulator of(MetricSeries s) {
    SeriesAccumulator a = new SeriesAccumulator(s.service(), s.metric(), s.unit(), s.type(), s.attributes());
    a.points = s.points();
    a.count = s.count();
    a.sum = s.sum();
    a.min = s.min() == null ? Double.POSITIVE_INFINITY : s.min();
    a.max = s.max() == null ? Double.NEGATIVE_INFINITY : s.max();
    a.last = s.last() == null ? Double.NaN : s.last();
    a.lastTimeNanos = s.lastTimeUnixNano();
    a.increase = s.increase();
    a.estimated = s.minMaxEstimated();
    if (a.sketch != null) {
      a.sketch = MetricSketches.deserialize(s.sketch());
    }
    return a;
  }

  /** The stored form. */
  MetricSeries toSeries() {
    boolean histogram = sketch != null;
    double lo = min;
    double hi = max;
    if (histogram && estimated && !sketch.isEmpty()) {
      lo = Math.min(lo, sketch.getMinValue());
      hi = Math.max(hi, sketch.getMaxValue());
    }
    boolean hasRange = lo <= hi;
    return new MetricSeries(service, metric, unit, type, attributes, points, count, sum,
        hasRange ? lo : null, hasRange ? hi : null, Double.isNaN(last) ? null : last, lastTimeNanos, increase,
        histogram && estimated, histogram ? MetricSketches.serialize(sketch) : new byte[0]);
  }
}
