package com.pulse.domain.metric;

import com.pulse.domain.metric.internal.SortedArrayMap;
import com.pulse.domain.telemetry.internal.DocumentIds;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * One computed value set of a catalog metric for one tenant, one dimension combination and one
 * window {@code [windowStart, windowEnd)} (UTC, half-open).
 *
 * <p>Identity is {@code (metric, tenantId, dimensions, windowStart)}; {@link #id()} is derived from
 * it by {@link #idOf}, so a recomputation of the same window overwrites the earlier point instead of
 * adding a duplicate. Immutable and thread-safe: the maps are copied into immutable
 * {@link SortedArrayMap}s (natural key order), except when they already are one, which needs no copy.
 *
 * @param id deterministic id, see {@link #idOf}
 * @param metric catalog metric name ({@code [a-z][a-z0-9_]*})
 * @param tenantId tenant (customer) id as returned in the {@code tenant_id} column
 * @param dimensions dimension column name to value (string form), sorted by name; empty if none
 * @param windowStart inclusive window start, UTC
 * @param windowEnd exclusive window end, UTC
 * @param values value column name to value; a SQL NULL is absent from the map
 * @param unit catalog unit ({@code ratio}, {@code count}, {@code days}, {@code currency}, ...)
 * @param computedAt when the engine computed the point (from the injected clock)
 * @param runId id of the run that computed it
 */
public record MetricPoint(
    String id,
    String metric,
    String tenantId,
    SortedMap<String, String> dimensions,
    Instant windowStart,
    Instant windowEnd,
    SortedMap<String, Double> values,
    String unit,
    Instant computedAt,
    String runId) {

  /**
   * Validates and copies the maps with {@link SortedArrayMap#copyOf} (no copy if already immutable).
   *
   * @throws NullPointerException if any argument is null
   */
  public MetricPoint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(tenantId, "tenantId");
    dimensions = SortedArrayMap.copyOf(Objects.requireNonNull(dimensions, "dimensions"));
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
    values = SortedArrayMap.copyOf(Objects.requireNonNull(values, "values"));
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(computedAt, "computedAt");
    Objects.requireNonNull(runId, "runId");
  }

  /**
   * Creates a point whose id is {@link #idOf(String, String, Map, Instant)} of its identity.
   *
   * @throws NullPointerException if any argument is null
   */
  public static MetricPoint create(
      String metric,
      String tenantId,
      Map<String, String> dimensions,
      Instant windowStart,
      Instant windowEnd,
      Map<String, Double> values,
      String unit,
      Instant computedAt,
      String runId) {
    // one sorted copy of each map: the constructor keeps a SortedArrayMap as it is
    SortedArrayMap<String> sortedDimensions = SortedArrayMap.copyOf(Objects.requireNonNull(dimensions, "dimensions"));
    return new MetricPoint(
        idOf(metric, tenantId, sortedDimensions, windowStart),
        metric,
        tenantId,
        sortedDimensions,
        windowStart,
        windowEnd,
        SortedArrayMap.copyOf(Objects.requireNonNull(values, "values")),
        unit,
        computedAt,
        runId);
  }

  /**
   * Deterministic point id: {@code <metric>-<hex>} where {@code hex} is the first 32 hex digits
   * (128 bits) of SHA-256 over the UTF-8 canonical form
   * {@code metric \u001f tenantId \u001f k1=v1 \u001e k2=v2 ... \u001f windowStart(ISO-8601)}, with
   * dimensions sorted by name. The id only contains {@code [a-z0-9_-]}, so it is a valid Cosmos DB
   * id and Kusto string without escaping.
   *
   * @throws NullPointerException if any argument is null
   */
  public static String idOf(String metric, String tenantId, Map<String, String> dimensions, Instant windowStart) {
    StringBuilder canonical = new StringBuilder(96)
        .append(metric).append('\u001f').append(tenantId).append('\u001f');
    SortedArrayMap.copyOf(dimensions).forEach((k, v) -> canonical.append(k).append('=').append(v).append('\u001e'));
    canonical.append('\u001f').append(windowStart);
    return metric + '-' + DocumentIds.hex128(canonical.toString());
  }
}
