package com.pulse.domain.telemetry;

import java.util.Objects;

/**
 * One written version of a window document together with the statistics its sketches give: what the
 * history export ({@code MetricExport#exportWindows}) receives. Built by the merge from the sketches
 * it already holds decoded, so exporting a version decodes nothing again; adapters map it to their
 * wire rows (ADX {@code TelemetryWindows}).
 *
 * <p>Latency bins use the export convention: key {@code k = i + 1} for DDSketch bin {@code i} of the
 * positive store, i.e. values in {@code [gamma^(k-1), gamma^k)} with {@code gamma ≈ 1.0202}; only
 * non-empty bins, in ascending key order. Arrays are not copied (treat them as immutable).
 *
 * @param document the document as written (or, for a redelivered batch, as stored)
 * @param p50Ms median latency of this document, ms; 0 when it has no latency
 * @param p95Ms 95th percentile latency, ms; 0 when empty
 * @param p99Ms 99th percentile latency, ms; 0 when empty
 * @param distinctUsers HyperLogLog estimate of distinct users, rounded; 0 when no user
 * @param sketchZeroCount latencies in the zero bucket (0 ms)
 * @param binKeys bin keys, ascending, same length as {@code binCounts}
 * @param binCounts request count per bin, {@code >= 1}
 */
public record WindowVersion(
    WindowDocument document,
    double p50Ms,
    double p95Ms,
    double p99Ms,
    long distinctUsers,
    long sketchZeroCount,
    int[] binKeys,
    long[] binCounts) {

  /**
   * @throws NullPointerException if an object argument is null
   * @throws IllegalArgumentException if {@code binKeys} and {@code binCounts} differ in length
   */
  public WindowVersion {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(binKeys, "binKeys");
    Objects.requireNonNull(binCounts, "binCounts");
    if (binKeys.length != binCounts.length) {
      throw new IllegalArgumentException("binKeys has " + binKeys.length + " entries, binCounts " + binCounts.length);
    }
  }

  /** This version's statistics with {@code written} as its document (the store's copy of the same state). */
  public WindowVersion withDocument(WindowDocument written) {
    return new WindowVersion(written, p50Ms, p95Ms, p99Ms, distinctUsers, sketchZeroCount, binKeys, binCounts);
  }
}
