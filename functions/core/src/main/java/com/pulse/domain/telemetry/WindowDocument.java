package com.pulse.domain.telemetry;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of one series (tenant, service, dependency, operation) in one telemetry window of one
 * source partition: what the API, the SLOs and the ADX export read. Stored inside a
 * {@link TenantWindowDocument} (one Cosmos document per tenant, granularity, window, partition and
 * shard, holding every series of that window); documents written before that layout held one series
 * each, with the same fields, and are still read. Keyed by
 * {@code (tenantId, service, dependency, operation, granularity, windowStart, partition)}; {@code id}
 * is derived from that key deterministically and is the series' ADX key.
 *
 * <p>{@code lastSequenceNumber} is the highest Event Hubs sequence number of the source partition
 * folded into this series; the exactly-once floor is the document's
 * ({@link TenantWindowDocument#lastSequenceNumber}), which is at least this. {@code version} counts
 * the writes that changed this series.
 *
 * <p>Sketches are stored serialized: {@code latencySketch} in the DDSketch protobuf encoding of
 * sketches-java ({@code DDSketch#serialize}), {@code userSketch} as a DataSketches HLL compact
 * image. Arrays are not copied (treat them as immutable); {@code equals} on byte arrays is identity,
 * so compare documents field by field in tests.
 *
 * @param id deterministic id of the key
 * @param tenantId tenant id (partition key)
 * @param service service name
 * @param operation operation / route (requests), span name (dependency calls)
 * @param dependency what a dependency window's calls went to (e.g. {@code postgresql/orders},
 *     {@code api.stripe.com}); null for a request window (and in documents written before
 *     dependency windows existed)
 * @param granularity {@code "PT1M"} or {@code "PT1H"}
 * @param windowStart inclusive window start, UTC
 * @param windowEnd exclusive window end, UTC
 * @param partition source Event Hubs partition id
 * @param count requests folded in
 * @param errorCount failed requests folded in
 * @param lateCount requests that were behind the watermark when folded in
 * @param latencySumMs sum of latencies, ms
 * @param latencySketch serialized DDSketch (1% relative accuracy)
 * @param userSketch serialized HLL sketch of user ids, or empty when no event carried a user
 * @param lastSequenceNumber highest sequence number folded in, or -1 for none
 * @param version number of successful writes that changed this series (1 on create); exported as
 *     the ADX {@code version}
 * @param updatedAt when this version was written
 */
public record WindowDocument(
    String id,
    String tenantId,
    String service,
    String operation,
    String dependency,
    String granularity,
    Instant windowStart,
    Instant windowEnd,
    String partition,
    long count,
    long errorCount,
    long lateCount,
    double latencySumMs,
    byte[] latencySketch,
    byte[] userSketch,
    long lastSequenceNumber,
    long version,
    Instant updatedAt) {

  /** @throws NullPointerException if an object argument is null */
  public WindowDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(granularity, "granularity");
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(latencySketch, "latencySketch");
    Objects.requireNonNull(userSketch, "userSketch");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
