package com.pulse.domain.telemetry.internal.decode;

import java.util.Arrays;

/**
 * One decoded OTLP metric data point (opentelemetry-proto {@code metrics/v1/metrics.proto}), as a
 * reusable mutable holder in a {@link PointBuffer}: the decoders fill the input fields, the
 * cumulative-to-delta step ({@code domain.telemetry.metric.StreamStates}) fills the {@code delta*}
 * fields, the window fold reads those. Times are epoch nanoseconds (OTLP {@code fixed64}); a missing
 * optional double ({@code sum}, {@code min}, {@code max}) is {@code NaN}. Arrays grow and are kept
 * across reuse; only the first {@code n*} entries are valid. Not thread-safe.
 */
public final class DataPoint {
  /** {@code Metric.data}: gauge. */
  public static final int GAUGE = 0;
  /** {@code Metric.data}: sum. */
  public static final int SUM = 1;
  /** {@code Metric.data}: histogram with explicit bounds. */
  public static final int HISTOGRAM = 2;
  /** {@code Metric.data}: exponential histogram. */
  public static final int EXPONENTIAL_HISTOGRAM = 3;
  /** {@code Metric.data}: summary (count and sum are cumulative). */
  public static final int SUMMARY = 4;

  /** {@code AggregationTemporality.DELTA}. */
  public static final int DELTA = 1;
  /** {@code AggregationTemporality.CUMULATIVE}. */
  public static final int CUMULATIVE = 2;
  /** {@code DataPointFlags.FLAG_NO_RECORDED_VALUE}: a staleness marker, no value. */
  public static final int FLAG_NO_RECORDED_VALUE = 1;

  /** Event Hubs sequence number of the event the point came from. */
  public long sequenceNumber;
  /** Partition watermark at that event, epoch ms. */
  public long watermarkMillis;
  /** Newest enqueued time of the partition at that event, epoch ms. */
  public long newestEnqueuedMillis;
  public String tenantId;
  public String service;
  public String metric;
  /** UCUM unit, empty when the producer sent none. */
  public String unit;
  /** One of {@link #GAUGE} .. {@link #SUMMARY}. */
  public int type;
  /** {@link #DELTA}, {@link #CUMULATIVE} or 0 (gauge; unspecified). */
  public int temporality;
  public boolean monotonic;
  /** Kept dimension values, by position in the allow-list; null where the point has none. */
  public String[] dimensions = new String[0];
  /** Hash of the OTLP stream identity: resource, scope, metric name, type and ALL point attributes. */
  public long streamHash;
  public long startNanos;
  public long timeNanos;
  public int flags;
  /** Gauge and sum value ({@code as_double}, or {@code as_int} widened). */
  public double value;
  public long count;
  public double sum;
  public double min;
  public double max;
  /**
   * Explicit bounds ({@code nBounds} of them) and {@code nBounds + 1} bucket counts. The arrays of a
   * fresh holder are empty and grow on the first histogram point it holds, so a pool of gauge and sum
   * points keeps ~200 bytes a point instead of ~1.3 KB ({@code SignalEndToEnd}'s memory line).
   */
  public double[] bounds = NO_DOUBLES;
  public int nBounds;
  public long[] buckets = NO_LONGS;
  public int nBuckets;
  public int scale;
  public long zeroCount;
  public int positiveOffset;
  public long[] positive = NO_LONGS;
  public int nPositive;
  public int negativeOffset;
  public long[] negative = NO_LONGS;
  public int nNegative;

  /** What the cumulative-to-delta step decided; {@link #FOLD} for delta points and gauges. */
  public int outcome;
  /** Fold {@code delta*} into the windows. */
  public static final int FOLD = 0;
  /** First point of a cumulative stream started before it: sets the baseline only. */
  public static final int BASELINE = 1;
  /** No recorded value, or not newer than its stream's last point: dropped, counted. */
  public static final int STALE = 2;
  /** Cumulative stream beyond the per-state-document limit: dropped, counted. */
  public static final int STREAM_LIMIT = 3;
  /** Event already folded into the tenant's stream state (redelivery): its windows hold it. */
  public static final int DUPLICATE = 4;

  /** Increase of a sum, or a gauge's value. */
  public double deltaValue;
  public long deltaCount;
  public double deltaSum;
  public long deltaZeroCount;
  public long[] deltaBuckets = NO_LONGS;
  public long[] deltaPositive = NO_LONGS;
  public long[] deltaNegative = NO_LONGS;

  private static final double[] NO_DOUBLES = new double[0];
  private static final long[] NO_LONGS = new long[0];
  /** Capacity of an array's first growth. */
  private static final int FIRST_CAPACITY = 16;

  /** Resets every input field for the next point. */
  void reset(int dimensionCount) {
    tenantId = null;
    service = null;
    metric = null;
    unit = "";
    type = GAUGE;
    temporality = 0;
    monotonic = false;
    if (dimensions.length != dimensionCount) {
      dimensions = new String[dimensionCount];
    } else {
      Arrays.fill(dimensions, null);
    }
    streamHash = 0;
    startNanos = 0;
    timeNanos = 0;
    flags = 0;
    value = 0;
    count = 0;
    sum = Double.NaN;
    min = Double.NaN;
    max = Double.NaN;
    nBounds = 0;
    nBuckets = 0;
    scale = 0;
    zeroCount = 0;
    positiveOffset = 0;
    nPositive = 0;
    negativeOffset = 0;
    nNegative = 0;
    outcome = FOLD;
  }

  /** Appends an explicit bound. */
  void addBound(double bound) {
    if (nBounds == bounds.length) {
      bounds = Arrays.copyOf(bounds, Math.max(FIRST_CAPACITY, nBounds * 2));
    }
    bounds[nBounds++] = bound;
  }

  /** Appends an explicit-histogram bucket count. */
  void addBucket(long c) {
    if (nBuckets == buckets.length) {
      buckets = Arrays.copyOf(buckets, Math.max(FIRST_CAPACITY + 1, nBuckets * 2));
    }
    buckets[nBuckets++] = c;
  }

  /** Appends an exponential-histogram bucket count to the positive or negative range. */
  void addExponential(boolean positiveRange, long c) {
    if (positiveRange) {
      if (nPositive == positive.length) {
        positive = Arrays.copyOf(positive, Math.max(FIRST_CAPACITY, nPositive * 2));
      }
      positive[nPositive++] = c;
    } else {
      if (nNegative == negative.length) {
        negative = Arrays.copyOf(negative, Math.max(FIRST_CAPACITY, nNegative * 2));
      }
      negative[nNegative++] = c;
    }
  }

  /** Makes the {@code delta*} arrays at least as long as the input arrays. */
  public void ensureDeltaCapacity() {
    if (deltaBuckets.length < nBuckets) {
      deltaBuckets = new long[buckets.length];
    }
    if (deltaPositive.length < nPositive) {
      deltaPositive = new long[positive.length];
    }
    if (deltaNegative.length < nNegative) {
      deltaNegative = new long[negative.length];
    }
  }

  /** The point as its own delta: delta temporality, gauges and the first point of a new stream. */
  public void deltaIsValue() {
    ensureDeltaCapacity();
    deltaValue = value;
    deltaCount = count;
    deltaSum = Double.isNaN(sum) ? 0 : sum;
    deltaZeroCount = zeroCount;
    System.arraycopy(buckets, 0, deltaBuckets, 0, nBuckets);
    System.arraycopy(positive, 0, deltaPositive, 0, nPositive);
    System.arraycopy(negative, 0, deltaNegative, 0, nNegative);
  }

  /** True for a histogram of either kind. */
  public boolean isHistogram() {
    return type == HISTOGRAM || type == EXPONENTIAL_HISTOGRAM;
  }
}
