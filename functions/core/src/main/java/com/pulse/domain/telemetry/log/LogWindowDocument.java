package com.pulse.domain.telemetry.log;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Persisted log counts of one tenant, one window and one source partition: every (service, severity)
 * series of that tenant in one document (Cosmos container {@code windows}, partition key
 * {@code /tenantId}, told from request windows by {@code signal = "log"}). Keyed by
 * {@code (tenantId, signal, granularity, windowStart, partition)}; {@code id} is derived from that key
 * ({@link LogWindows#idOf}).
 *
 * <p>Exactly-once bookkeeping as for request windows: {@code lastSequenceNumber} is the highest Event
 * Hubs sequence number of the source partition folded in; writes are conditional on the ETag.
 *
 * <p>Size: at most {@link LogWindows#MAX_SERVICES} + 1 services × 7 buckets, and
 * {@link LogWindows#MAX_TEMPLATES} templates of at most {@value MessageTemplates#MAX_LENGTH}
 * characters per ERROR/FATAL series: 492 KB in the worst case (measured, {@code LogThroughput}), a
 * quarter of Cosmos DB's 2 MB item limit; a tenant with four services and a few error templates per
 * service writes about 3 KB.
 *
 * @param id deterministic id ({@code log-pt1m-…} / {@code log-pt1h-…})
 * @param tenantId tenant id (partition key)
 * @param signal always {@link LogWindows#SIGNAL}
 * @param granularity {@code "PT1M"} or {@code "PT1H"}
 * @param windowStart inclusive window start, UTC
 * @param windowEnd exclusive window end, UTC
 * @param partition source Event Hubs partition id
 * @param count records folded in (sum of the series counts)
 * @param lateCount records that were behind the partition watermark when folded in
 * @param series the series, sorted by service then bucket (ordinal)
 * @param lastSequenceNumber highest sequence number folded in, or -1 for none
 * @param version successful writes of this document (1 on create); exported as the ADX {@code version}
 * @param updatedAt when this version was written
 */
public record LogWindowDocument(
    String id,
    String tenantId,
    String signal,
    String granularity,
    Instant windowStart,
    Instant windowEnd,
    String partition,
    long count,
    long lateCount,
    List<LogSeries> series,
    long lastSequenceNumber,
    long version,
    Instant updatedAt) {

  /** @throws NullPointerException if an object argument is null */
  public LogWindowDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(granularity, "granularity");
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
    Objects.requireNonNull(partition, "partition");
    series = List.copyOf(Objects.requireNonNull(series, "series"));
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
