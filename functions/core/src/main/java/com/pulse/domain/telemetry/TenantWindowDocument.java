package com.pulse.domain.telemetry;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One stored telemetry window document (Cosmos container {@code windows}, partition key
 * {@code /tenantId}): every request and dependency series of one tenant in one window of one
 * granularity, from one source partition and one shard. Keyed by
 * {@code (tenantId, granularity, windowStart, partition, shard)}; {@code id} is derived from that
 * key deterministically. A series belongs to shard {@code hash(service, dependency, operation) mod S}
 *, so a batch writes one document per touched
 * (tenant, granularity, window, shard) instead of one per series.
 *
 * <p>Exactly-once bookkeeping is per document, as it was when a document held one series:
 * {@code lastSequenceNumber} is the highest Event Hubs sequence number of the source partition
 * folded into any of its series; a redelivered event at or below it is skipped for this document.
 * Writes are conditional on the document's ETag.
 *
 * <p>{@code series} maps each series' id ({@link WindowDocument#id}) to its state in the compact
 * encoding of {@code com.pulse.domain.telemetry.aggregate.SeriesCodec} (base64 text, a few hundred
 * bytes for a sparse minute series, at most ~17 KB with a dense sketch and a full HLL). A write
 * decodes and re-encodes only the series its batch touched; the other strings are carried over as
 * they are. The map is not copied (treat it as immutable).
 *
 * @param id deterministic id of the key
 * @param tenantId tenant id (partition key)
 * @param granularity {@code "PT1M"} or {@code "PT1H"}
 * @param windowStart inclusive window start, UTC
 * @param windowEnd exclusive window end, UTC
 * @param partition source Event Hubs partition id
 * @param shard series shard, {@code 0 <= shard < S}
 * @param lastSequenceNumber highest sequence number folded in, or -1 for none
 * @param version number of successful writes of this document (1 on create)
 * @param updatedAt when this version was written
 * @param series encoded series by series id
 */
public record TenantWindowDocument(
    String id,
    String tenantId,
    String granularity,
    Instant windowStart,
    Instant windowEnd,
    String partition,
    int shard,
    long lastSequenceNumber,
    long version,
    Instant updatedAt,
    Map<String, String> series) {

  /**
   * @throws NullPointerException if an object argument is null
   * @throws IllegalArgumentException if {@code shard} is negative
   */
  public TenantWindowDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(granularity, "granularity");
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(series, "series");
    if (shard < 0) {
      throw new IllegalArgumentException("shard must be >= 0, was " + shard);
    }
  }
}
