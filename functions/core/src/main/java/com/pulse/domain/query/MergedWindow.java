package com.pulse.domain.query;

import java.time.Instant;

/**
 * One telemetry window of one tenant, service and operation (and dependency, for calls out), merged across every source partition:
 * the one read-side window result (the HTTP API, {@code replay}, the demo). Immutable; the JSON shape
 * of the windows of {@code GET /api/tenants/{tenantId}/telemetry}. Statistics of an empty window are
 * null; a caller that prints zeros decides that at its output.
 *
 * @param tenantId tenant id
 * @param service service name
 * @param operation operation / route (request windows), span name (dependency windows)
 * @param dependency what the calls of a dependency window (CLIENT/PRODUCER spans) went to, e.g.
 *     {@code postgresql/shop} (see {@code SpanMapping}); null for a request window
 * @param granularity {@code PT1M} or {@code PT1H}
 * @param windowStart inclusive start, UTC
 * @param windowEnd exclusive end, UTC
 * @param partitions number of partition documents merged
 * @param count requests (sum)
 * @param errorCount failed requests (sum)
 * @param lateCount requests behind the watermark (sum, included in count)
 * @param errorRate {@code errorCount / count}, or null when count is 0
 * @param meanMs mean latency in ms ({@code sum latencySumMs / count}), or null when count is 0
 * @param p50Ms median latency, ms, from the merged DDSketch (1% relative accuracy), or null if empty
 * @param p95Ms 95th percentile, ms, or null
 * @param p99Ms 99th percentile, ms, or null
 * @param distinctUsers HyperLogLog union estimate, rounded; 0 when no event carried a user
 */
public record MergedWindow(
    String tenantId,
    String service,
    String operation,
    String dependency,
    String granularity,
    Instant windowStart,
    Instant windowEnd,
    int partitions,
    long count,
    long errorCount,
    long lateCount,
    Double errorRate,
    Double meanMs,
    Double p50Ms,
    Double p95Ms,
    Double p99Ms,
    long distinctUsers) {}
