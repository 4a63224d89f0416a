package com.pulse.domain.telemetry.metric;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.mapping.LogarithmicMapping;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import com.pulse.domain.telemetry.aggregate.LatencySketches;
import com.pulse.domain.telemetry.internal.DDSketchProtoReader;

/**
 * How OTLP histograms become a mergeable quantile sketch: one DDSketch per (series, window) with the
 * mapping of {@link LatencySketches} (logarithmic, relative accuracy {@code α = 1%},
 * {@code γ = 1.0202}), so histogram sketches merge across points, resources, partitions and windows,
 * and in ADX with the same stored functions as latency sketches; positive and negative stores hold at
 * most {@value #MAX_BINS} bins each (8 KiB), the lowest-magnitude bins collapse beyond that.
 *
 * <p><b>Exponential histogram</b> (https://opentelemetry.io/docs/specs/otel/metrics/data-model/#exponentialhistogram):
 * at scale {@code s} the base is {@code b = 2^(2^-s)} and positive bucket {@code offset + i} holds
 * values in {@code (b^(offset+i), b^(offset+i+1)]}. Each bucket's count is added to the sketch at
 * {@code 2·L·U/(L+U)} for its bounds {@code L, U}: the point whose largest relative distance to any
 * value of the bucket is smallest, {@code (b−1)/(b+1)}. The sketch then puts it in its bin, at most
 * {@code α} off. A quantile read from the sketch is therefore within
 * {@code (1 + (b−1)/(b+1))·(1 + α) − 1} of the true value relative: 1.1% at scale 8, 1.6% at
 * scale 6, 5.4% at scale 3 (the scale the OTel SDKs' default 160 buckets reach for values spanning
 * 1 ms to 10 s); {@link #exponentialErrorBound}; MetricSketchesTest checks it against exact quantiles. The zero bucket goes to the sketch's zero
 * count; negative buckets mirror. Paper: Masson, Rim, Lee, "DDSketch: A Fast and Fully-Mergeable
 * Quantile Sketch with Relative-Error Guarantees", VLDB 2019, https://arxiv.org/abs/1908.10693.
 *
 * <p><b>Explicit-bucket histogram</b>: bucket {@code i} holds {@code (bounds[i-1], bounds[i]]}; its
 * count goes in at the bucket's midpoint, with the open-ended first and last buckets closed by the
 * point's {@code min} and {@code max} when present (else at the finite bound), and every bucket
 * clamped to {@code [min, max]}. A quantile is then off by at most half its bucket's width (plus
 * {@code α}): explicit buckets carry no more information, so the producer's bounds are the error bound.
 *
 * <p>Stateless and thread-safe; sketches are not.
 */
public final class MetricSketches {
  /** Bins per store (positive and negative values). */
  public static final int MAX_BINS = 1024;
  private static final LogarithmicMapping MAPPING = new LogarithmicMapping(LatencySketches.RELATIVE_ACCURACY);

  private MetricSketches() {}

  /** The empty sketch {@link #newSketch} copies (as {@code LatencySketches} does); never updated. */
  private static final DDSketch EMPTY =
      new DDSketch(MAPPING, () -> new CollapsingLowestDenseStore(MAX_BINS),
          () -> new CollapsingLowestDenseStore(MAX_BINS));

  /**
   * A new empty sketch for values of any sign: two stores of at most {@link #MAX_BINS} bins each.
   * Independent of every other sketch this returns; safe to call from any thread (the template is
   * only read).
   */
  public static DDSketch newSketch() {
    return EMPTY.copy();
  }

  /** The sketch's DDSketch protobuf form ({@link LatencySketches#serialize}). */
  public static byte[] serialize(DDSketch sketch) {
    return LatencySketches.serialize(sketch);
  }

  /**
   * Reads {@link #serialize}'s output; an empty array is an empty sketch.
   *
   * @throws IllegalArgumentException if the bytes are not such a sketch
   */
  public static DDSketch deserialize(byte[] bytes) {
    DDSketch sketch = newSketch();
    if (bytes.length > 0) {
      DDSketchProtoReader.mergeInto(bytes, LatencySketches.GAMMA, sketch);
    }
    return sketch;
  }

  /**
   * Adds an explicit-bucket histogram.
   *
   * @param bounds {@code n} ascending bounds
   * @param counts {@code n + 1} bucket counts (fewer: the rest are 0)
   * @param min the point's minimum, or NaN
   * @param max the point's maximum, or NaN
   */
  public static void addExplicit(DDSketch sketch, double[] bounds, int n, long[] counts, int nCounts, double min, double max) {
    for (int i = 0; i < nCounts && i <= n; i++) {
      long c = counts[i];
      if (c <= 0) {
        continue;
      }
      double lower = i == 0 ? (Double.isNaN(min) ? bounds[0] : Math.min(min, bounds[0])) : bounds[i - 1];
      double upper = i == n ? (Double.isNaN(max) ? bounds[n - 1] : Math.max(max, bounds[n - 1])) : bounds[i];
      if (n == 0) {
        lower = Double.isNaN(min) ? 0 : min;
        upper = Double.isNaN(max) ? lower : max;
      }
      if (!Double.isNaN(min)) {
        lower = Math.max(lower, min);
        upper = Math.max(upper, min);
      }
      if (!Double.isNaN(max)) {
        upper = Math.min(upper, max);
        lower = Math.min(lower, max);
      }
      add(sketch, lower + (upper - lower) / 2, c);
    }
  }

  /**
   * Adds an exponential histogram.
   *
   * @param scale the point's scale
   * @param zeroCount values in the zero bucket
   * @param positiveOffset index of {@code positive[0]}
   * @param negativeOffset index of {@code negative[0]}
   */
  public static void addExponential(DDSketch sketch, int scale, long zeroCount, int positiveOffset, long[] positive,
      int nPositive, int negativeOffset, long[] negative, int nNegative) {
    if (zeroCount > 0) {
      sketch.accept(0, zeroCount);
    }
    // one pow per range, then a multiplication per bucket (relative rounding error < 200 ulp over 160 buckets)
    double base = Math.pow(2, Math.scalb(1.0, -scale));
    double value = nPositive > 0 ? representative(scale, positiveOffset) : 0;
    for (int i = 0; i < nPositive; i++, value *= base) {
      if (positive[i] > 0) {
        add(sketch, value, positive[i]);
      }
    }
    value = nNegative > 0 ? representative(scale, negativeOffset) : 0;
    for (int i = 0; i < nNegative; i++, value *= base) {
      if (negative[i] > 0) {
        add(sketch, -value, negative[i]);
      }
    }
  }

  /**
   * The value that stands for exponential bucket {@code index} at {@code scale}: {@code 2LU/(L+U)}
   * with {@code L = b^index}, {@code U = b^(index+1)}, {@code b = 2^(2^-scale)}.
   */
  public static double representative(int scale, int index) {
    double lower = Math.pow(2, Math.scalb((double) index, -scale));
    double base = Math.pow(2, Math.scalb(1.0, -scale));
    return 2 * lower * base / (1 + base);
  }

  /** Relative error bound of a quantile from an exponential histogram at {@code scale} (see the class comment). */
  public static double exponentialErrorBound(int scale) {
    double base = Math.pow(2, Math.scalb(1.0, -scale));
    return (1 + (base - 1) / (base + 1)) * (1 + LatencySketches.RELATIVE_ACCURACY) - 1;
  }

  private static void add(DDSketch sketch, double value, long count) {
    if (Double.isFinite(value)) {
      sketch.accept(value, count);
    }
  }
}
