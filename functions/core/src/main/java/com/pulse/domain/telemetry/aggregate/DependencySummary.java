package com.pulse.domain.telemetry.aggregate;

import java.time.Instant;

/**
 * One final dependency window (CLIENT/PRODUCER spans) merged across source partitions: what
 * {@code replay} prints with {@code signal = "dependency"}.
 *
 * @param tenantId tenant
 * @param service the calling service
 * @param dependency what was called (e.g. {@code postgresql/shop}; see {@code SpanMapping})
 * @param operation the span name
 * @param windowStart inclusive start, UTC
 * @param windowEnd exclusive end, UTC
 * @param count calls
 * @param errorCount failed calls
 * @param p50Ms median latency, ms (merged DDSketch, 1% relative accuracy)
 * @param p95Ms 95th percentile latency, ms
 * @param p99Ms 99th percentile latency, ms
 */
public record DependencySummary(
    String tenantId,
    String service,
    String dependency,
    String operation,
    Instant windowStart,
    Instant windowEnd,
    long count,
    long errorCount,
    double p50Ms,
    double p95Ms,
    double p99Ms) {}
