package com.pulse.domain.telemetry.metric;

import java.util.Map;
import java.util.Objects;

/**
 * One series of a {@link MetricWindowDocument}: the points of one (service, metric, type, unit,
 * kept dimensions) in that window. Which fields carry meaning depends on {@code type}:
 *
 * <ul>
 *   <li>{@code sum}: {@code increase} (sum of the points' increases; delta points add their value,
 *       cumulative points their difference to the stream's previous point); rate = increase / window
 *       length.
 *   <li>{@code gauge}: {@code last} (value at the latest {@code lastTimeUnixNano}), {@code min},
 *       {@code max}, {@code sum} of values over {@code points} (mean = sum / points).
 *   <li>{@code histogram} (explicit or exponential): {@code count}, {@code sum}, {@code min},
 *       {@code max}, {@code sketch} (DDSketch protobuf, {@link MetricSketches}) for p50/p95/p99;
 *       {@code minMaxEstimated} when some point lacked an exact per-point min/max (cumulative
 *       points, or none sent): min and max then come from the sketch (within its accuracy).
 *   <li>{@code summary}: {@code count}, {@code sum} (increases of the cumulative count and sum).
 * </ul>
 *
 * Values are in the metric's {@code unit}. Arrays are not copied (treat them as immutable).
 *
 * @param service {@code service.name}
 * @param metric the OTLP metric name
 * @param unit the OTLP unit (UCUM), empty when none
 * @param type {@code sum}, {@code gauge}, {@code histogram} or {@code summary}
 * @param attributes the kept dimensions (sorted by name); {@code otel.metric.overflow=true} for the
 *     overflow series
 * @param points data points folded in
 * @param count histogram/summary count increase
 * @param sum gauge value sum, histogram/summary sum increase
 * @param min smallest value (gauge, histogram), null when unknown
 * @param max largest value (gauge, histogram), null when unknown
 * @param last a gauge's latest value, null otherwise
 * @param lastTimeUnixNano time of the latest point, epoch ns
 * @param increase a sum's increase
 * @param minMaxEstimated true when a histogram's min/max come from its sketch
 * @param sketch histogram sketch, empty for other types
 */
public record MetricSeries(
    String service,
    String metric,
    String unit,
    String type,
    Map<String, String> attributes,
    long points,
    long count,
    double sum,
    Double min,
    Double max,
    Double last,
    long lastTimeUnixNano,
    double increase,
    boolean minMaxEstimated,
    byte[] sketch) {

  /** @throws NullPointerException if a required argument is null */
  public MetricSeries {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(type, "type");
    attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
    Objects.requireNonNull(sketch, "sketch");
  }
}
