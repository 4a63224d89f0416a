package com.pulse.domain.telemetry.metric;

/**
 * The quantiles and sketch bins of one histogram series in one document version (zeros and empty
 * bins for other types). Bins use the export convention of latency sketches: key {@code k = i + 1}
 * for sketches-java bin {@code i}, values of magnitude in {@code [γ^(k−1), γ^k)},
 * {@code γ = 1.0202}; flattened as {@code [key0, count0, key1, count1, ...]}. Arrays are not copied.
 *
 * @param p50 median, in the metric's unit
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param zeroCount values in the zero bucket
 * @param positiveBins bins of positive values
 * @param negativeBins bins of negative values (magnitudes)
 */
public record SeriesStats(double p50, double p95, double p99, long zeroCount, long[] positiveBins, long[] negativeBins) {
  /** No sketch. */
  public static final SeriesStats NONE = new SeriesStats(0, 0, 0, 0, new long[0], new long[0]);
}
