package com.pulse.domain.export;

import java.util.Map;

/**
 * One row of the ADX table {@code TelemetryWindows}: the state of one window document (one tenant,
 * service, operation, window and <em>source partition</em>) after an update, serialized as one JSON
 * object whose field names are the JSON paths of the ingestion mapping
 * {@code TelemetryWindowsMapping} ({@code bicep/adx/}).
 *
 * <p>Every update of a window document is exported with a larger {@code version}; ADX keeps
 * {@code arg_max(version, *)} per {@code id}. Totals across partitions are sums of the latest rows;
 * latency percentiles across partitions are computed by merging the DDSketch bins
 * ({@code sketchBins}: bin index to count, {@code sketchGamma}, {@code sketchZeroCount}) in the
 * stored KQL function; per-row {@code p50Ms/p95Ms/p99Ms} are for one partition only.
 * DDSketch: Masson, Rim, Lee, "DDSketch: A Fast and Fully-Mergeable Quantile Sketch with
 * Relative-Error Guarantees", VLDB 2019 — with the logarithmic mapping, bin {@code i} holds values in
 * {@code (gamma^(i-1), gamma^i]}, {@code gamma = (1 + alpha) / (1 - alpha)}, alpha = relative accuracy.
 *
 * @param id window document id
 * @param tenantId tenant id
 * @param service service name ({@code service.name})
 * @param operation operation / route (requests), span name (dependency calls)
 * @param dependency what the calls of a dependency window went to; empty for a request window
 * @param granularity {@code "PT1M"} (minute window) or {@code "PT1H"} (hourly roll-up)
 * @param windowStart inclusive start, ISO-8601 UTC
 * @param windowEnd exclusive end, ISO-8601 UTC
 * @param partition source Event Hubs partition id
 * @param count requests counted
 * @param errorCount requests that failed
 * @param lateCount requests that arrived behind the partition watermark (included in count)
 * @param latencySumMs sum of latencies in milliseconds (mean = latencySumMs / count)
 * @param p50Ms median latency of this partition's requests, ms (from the sketch)
 * @param p95Ms 95th percentile, ms
 * @param p99Ms 99th percentile, ms
 * @param distinctUsers HyperLogLog estimate of distinct users in this partition's requests
 * @param sketchGamma DDSketch mapping base gamma
 * @param sketchZeroCount values mapped to the zero bucket (latency 0 ms)
 * @param sketchBins DDSketch bin index (as a decimal string key) to count
 * @param lastSequenceNumber highest Event Hubs sequence number folded into this document
 * @param version monotonically increasing per id
 * @param updatedAt when the document was written, ISO-8601 UTC
 */
public record TelemetryWindowRecord(
    String id,
    String tenantId,
    String service,
    String operation,
    String dependency,
    String granularity,
    String windowStart,
    String windowEnd,
    String partition,
    long count,
    long errorCount,
    long lateCount,
    double latencySumMs,
    double p50Ms,
    double p95Ms,
    double p99Ms,
    long distinctUsers,
    double sketchGamma,
    long sketchZeroCount,
    Map<String, Long> sketchBins,
    long lastSequenceNumber,
    long version,
    String updatedAt) {}
