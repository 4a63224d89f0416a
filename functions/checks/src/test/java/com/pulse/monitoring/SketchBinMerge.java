package com.pulse.monitoring;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reference model, in Java, of the ADX stored function {@code TelemetryQuantiles}
 * ({@code bicep/adx/04-functions.kql}): the same arithmetic over the same exported row shape, so the
 * formula the KQL uses can be checked against sketches-java here (ADX itself does not run in the
 * build).
 *
 * <p>Exported bins ({@code sketchBins} of the {@code TelemetryWindows} row, see {@code AdxRows}): key {@code k} (decimal string) counts
 * values in {@code [gamma^(k-1), gamma^k)}; its representative value is {@code 2 * gamma^k / (gamma + 1)}.
 * The zero bucket (0 ms) is walked first, as a bin of its own. Merge = sum of counts per key over
 * partitions; quantile {@code q} = the value of the first bin (ascending) whose cumulative count
 * exceeds the rank {@code q * (n - 1)}.
 * Source: Masson, Rim, Lee, "DDSketch", VLDB 2019; {@code DDSketch.getValueAtQuantile} in
 * DataDog/sketches-java.
 */
final class SketchBinMerge {

  /** One partition's latest row: zero-bucket count and bins (key to count). */
  record PartitionBins(long zeroCount, Map<String, Long> bins) {}

  private SketchBinMerge() {}

  /**
   * Returns the value at quantile {@code q} of the merged partitions, or {@code NaN} when they are empty.
   *
   * @throws IllegalArgumentException if {@code q} is outside [0, 1] or {@code gamma <= 1}
   */
  static double quantile(List<PartitionBins> partitions, double gamma, double q) {
    if (q < 0 || q > 1) {
      throw new IllegalArgumentException("q must be in [0, 1]: " + q);
    }
    if (gamma <= 1) {
      throw new IllegalArgumentException("gamma must be > 1: " + gamma);
    }
    long zero = 0;
    TreeMap<Integer, Long> merged = new TreeMap<>();
    for (PartitionBins p : partitions) {
      zero += p.zeroCount();
      p.bins().forEach((k, c) -> merged.merge(Integer.parseInt(k), c, Long::sum));
    }
    long n = zero + merged.values().stream().mapToLong(Long::longValue).sum();
    if (n == 0) {
      return Double.NaN;
    }
    double rank = q * (n - 1);
    if (zero > rank) {
      return 0;
    }
    long cumulative = zero;
    for (Map.Entry<Integer, Long> bin : merged.entrySet()) {
      cumulative += bin.getValue();
      if (cumulative > rank) {
        return 2 * Math.pow(gamma, bin.getKey()) / (gamma + 1);
      }
    }
    throw new IllegalStateException("unreachable: cumulative count " + cumulative + " never exceeded rank " + rank);
  }
}
