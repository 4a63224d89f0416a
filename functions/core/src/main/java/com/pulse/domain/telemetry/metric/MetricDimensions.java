package com.pulse.domain.telemetry.metric;

import com.pulse.domain.telemetry.IngestRules;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Which OTLP data-point attributes Pulse keeps as dimensions of a metric series (setting
 * {@code METRICS_DIMENSIONS}); every other attribute is aggregated away (its streams still count
 * separately for cumulative differencing, see {@link StreamStates}). An allow-list rather than
 * "everything" because point attributes are where cardinality explodes (user ids, URLs, pod names);
 * the list bounds the dimensions, {@link MetricWindows#MAX_SERIES} bounds the series per tenant
 * window whatever the values, and what goes beyond is counted in overflow series.
 *
 * <p>The default keeps the low-cardinality attributes of the stable semantic conventions most asked
 * for: HTTP server and client metrics ({@code http.route}, {@code http.request.method},
 * {@code http.response.status_code}), database client metrics ({@code db.system.name},
 * {@code db.operation.name}), messaging ({@code messaging.destination.name}) and the resource
 * metrics' state attributes ({@code cpu.mode}, {@code jvm.memory.type}, {@code jvm.memory.pool.name},
 * {@code system.memory.state}).
 *
 * @param names attribute names, at most {@value #MAX_NAMES}, distinct, each 1–256 characters
 */
public record MetricDimensions(List<String> names) {
  /** Longest allow-list. */
  public static final int MAX_NAMES = 16;
  /** The default allow-list. */
  public static final MetricDimensions DEFAULT = new MetricDimensions(List.of(
      "http.route", "http.request.method", "http.response.status_code", "db.system.name", "db.operation.name",
      "messaging.destination.name", "cpu.mode", "jvm.memory.type", "jvm.memory.pool.name", "system.memory.state"));

  /**
   * @throws NullPointerException if {@code names} is null
   * @throws IllegalArgumentException if there are more than {@value #MAX_NAMES} names, a duplicate, or
   *     an empty or over-long name
   */
  public MetricDimensions {
    names = List.copyOf(Objects.requireNonNull(names, "names"));
    if (names.size() > MAX_NAMES) {
      throw new IllegalArgumentException("at most " + MAX_NAMES + " metric dimensions, got " + names.size());
    }
    if (new HashSet<>(names).size() != names.size()) {
      throw new IllegalArgumentException("metric dimensions must be distinct: " + names);
    }
    names.forEach(n -> IngestRules.requireName("metric dimension", n));
  }

  /**
   * Parses a comma-separated list (blanks around names ignored; empty keeps no dimension).
   *
   * @throws IllegalArgumentException as the constructor
   */
  public static MetricDimensions parse(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return new MetricDimensions(List.of());
    }
    return new MetricDimensions(java.util.Arrays.stream(commaSeparated.split(",")).map(String::trim).toList());
  }
}
