package com.pulse.domain.telemetry.metric;

/**
 * The last point Pulse folded of one cumulative OTLP stream (a sum, histogram or summary with
 * {@code CUMULATIVE} temporality), kept to difference the next point against. Stored in a
 * {@link MetricStreamDocument}. Arrays are not copied (treat them as immutable); an unused array is
 * empty, never null.
 *
 * @param stream stream identity hash (resource, scope, metric, type, all point attributes)
 * @param startTimeUnixNano the point's {@code start_time_unix_nano}: a later start is a reset
 * @param timeUnixNano the point's {@code time_unix_nano}
 * @param value a sum's cumulative value
 * @param count a histogram's or summary's cumulative count
 * @param sum a histogram's or summary's cumulative sum (0 when absent)
 * @param buckets explicit-histogram cumulative bucket counts
 * @param scale exponential-histogram scale
 * @param zeroCount exponential-histogram zero-bucket count
 * @param positiveOffset index of {@code positive[0]}
 * @param positive exponential-histogram positive bucket counts
 * @param negativeOffset index of {@code negative[0]}
 * @param negative exponential-histogram negative bucket counts
 */
public record StreamPoint(
    long stream,
    long startTimeUnixNano,
    long timeUnixNano,
    double value,
    long count,
    double sum,
    long[] buckets,
    int scale,
    long zeroCount,
    int positiveOffset,
    long[] positive,
    int negativeOffset,
    long[] negative) {

  /** @throws NullPointerException if an array is null */
  public StreamPoint {
    java.util.Objects.requireNonNull(buckets, "buckets");
    java.util.Objects.requireNonNull(positive, "positive");
    java.util.Objects.requireNonNull(negative, "negative");
  }
}
