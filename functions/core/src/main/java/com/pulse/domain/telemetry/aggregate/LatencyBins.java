package com.pulse.domain.telemetry.aggregate;

/**
 * The positive bins and zero count of a stored latency sketch, as {@link LatencyMerge} reads them
 * from its DDSketch protobuf message: what a caller that wrote the message keeps so that the next
 * merge need not read it again ({@link TenantWindows.DecodedSeries}).
 *
 * @param keys bin indices of Pulse's mapping ({@link LatencySketches#MAPPING}), strictly ascending,
 *     each with a non-zero count; never mutated once built
 * @param counts their counts, same length; never mutated once built
 * @param zero the zero bucket's count
 */
public record LatencyBins(int[] keys, double[] counts, double zero) {}
