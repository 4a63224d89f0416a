package com.pulse.domain.export;

import com.pulse.domain.metric.MetricPoint;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the ADX table {@code MetricPoints}, serialized as one JSON object (JSON-lines locally,
 * one Event Hubs event body in Azure). Field names are the JSON paths of the ingestion mapping
 * {@code MetricPointsMapping} ({@code bicep/adx/}); timestamps are ISO-8601 UTC strings.
 *
 * <p>ADX keeps {@code arg_max(version, *)} per {@code id} in a materialized view, so re-exports and
 * reordering are harmless: {@code version} must grow with every recomputation of the same id
 * (we use {@code computedAt} in epoch milliseconds).
 *
 * @param id deterministic point id, see {@link MetricPoint#idOf}
 * @param metric metric name
 * @param tenantId tenant id
 * @param dimensions dimension name to value (ADX {@code dynamic})
 * @param windowStart inclusive window start, ISO-8601 UTC (ADX {@code datetime})
 * @param windowEnd exclusive window end, ISO-8601 UTC (ADX {@code datetime})
 * @param values value column to number (ADX {@code dynamic})
 * @param unit unit of the values
 * @param computedAt ISO-8601 UTC (ADX {@code datetime})
 * @param runId run id
 * @param version monotonically increasing per id: computedAt in epoch milliseconds (ADX {@code long})
 */
public record MetricPointRecord(
    String id,
    String metric,
    String tenantId,
    Map<String, String> dimensions,
    String windowStart,
    String windowEnd,
    Map<String, Double> values,
    String unit,
    String computedAt,
    String runId,
    long version) {

  /** @throws NullPointerException if {@code point} is null */
  public static MetricPointRecord of(MetricPoint point) {
    Objects.requireNonNull(point, "point");
    return new MetricPointRecord(
        point.id(), point.metric(), point.tenantId(), point.dimensions(),
        point.windowStart().toString(), point.windowEnd().toString(), point.values(), point.unit(),
        point.computedAt().toString(), point.runId(), point.computedAt().toEpochMilli());
  }
}
