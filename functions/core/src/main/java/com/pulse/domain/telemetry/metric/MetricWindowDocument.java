package com.pulse.domain.telemetry.metric;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every metric series of one tenant in one window and source partition: one document per
 * (tenant, signal {@code metric}, granularity, window start, partition) in the Cosmos container
 * {@code windows} (partition key {@code /tenantId}, id {@code metric-pt1m-<hex>}), with the
 * exactly-once bookkeeping of window documents ({@code lastSequenceNumber}, ETag, {@code version}).
 *
 * <p>Bounded: at most {@link MetricWindows#MAX_SERIES} series, of which at most
 * {@link MetricWindows#MAX_HISTOGRAM_SERIES} histograms (each sketch at most 2 stores × 8 KiB, base64
 * in JSON), so a document stays under Cosmos DB's 2 MB item limit (worst case ≈ 1.7 MB); further series fold into one overflow series
 * per (service, metric, type, unit) with attributes {@code otel.metric.overflow=true} (the
 * OpenTelemetry SDKs' cardinality-limit convention), counted in {@code overflowPoints}.
 *
 * @param id {@link MetricWindows#idOf}
 * @param tenantId tenant (partition key)
 * @param signal always {@code "metric"}
 * @param granularity {@code PT1M} or {@code PT1H}
 * @param windowStart inclusive, UTC
 * @param windowEnd exclusive, UTC
 * @param partition source Event Hubs partition
 * @param points data points folded in
 * @param lateCount points folded in after their window closed (behind the watermark)
 * @param overflowPoints points folded into an overflow series
 * @param series the series, in first-seen order
 * @param lastSequenceNumber highest sequence number folded in, -1 for none
 * @param version number of writes (1 on create), exported as the ADX {@code Version}
 * @param updatedAt when this version was written
 */
public record MetricWindowDocument(
    String id,
    String tenantId,
    String signal,
    String granularity,
    Instant windowStart,
    Instant windowEnd,
    String partition,
    long points,
    long lateCount,
    long overflowPoints,
    List<MetricSeries> series,
    long lastSequenceNumber,
    long version,
    Instant updatedAt) {
  /** The {@code signal} of metric window documents. */
  public static final String SIGNAL = "metric";

  /** @throws NullPointerException if an argument is null */
  public MetricWindowDocument {
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
