package com.pulse.domain.telemetry.aggregate;

import java.time.Instant;

/**
 * One final window merged across source partitions: what {@code replay} prints and the demo charts.
 * Field names are the {@code replay --format jsonl} keys.
 *
 * @param tenantId tenant
 * @param service service
 * @param operation operation / route
 * @param windowStart inclusive start, UTC
 * @param windowEnd exclusive end, UTC
 * @param count requests
 * @param errorCount failed requests
 * @param p50Ms median latency, ms (merged DDSketch, 1% relative accuracy)
 * @param p95Ms 95th percentile latency, ms
 * @param p99Ms 99th percentile latency, ms
 * @param distinctUsers HLL estimate of distinct users (union across partitions)
 * @param lateCount requests counted behind their partition's watermark
 */
public record WindowSummary(
    String tenantId,
    String service,
    String operation,
    Instant windowStart,
    Instant windowEnd,
    long count,
    long errorCount,
    double p50Ms,
    double p95Ms,
    double p99Ms,
    long distinctUsers,
    long lateCount) {}
