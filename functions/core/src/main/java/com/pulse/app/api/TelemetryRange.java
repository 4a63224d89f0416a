package com.pulse.app.api;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * A validated query of {@code GET /api/tenants/{tenantId}/telemetry?from&to[&granularity]}.
 * Immutable.
 *
 * @param tenantId tenant
 * @param from inclusive lower bound of window starts, UTC
 * @param to exclusive upper bound of window starts, UTC
 * @param granularity {@code PT1M} or {@code PT1H}
 */
public record TelemetryRange(String tenantId, Instant from, Instant to, String granularity) {
  /** Longest range per granularity: 1 day of minute windows (1,440), 31 days of hourly windows (744). */
  public static final Map<String, Duration> MAX_RANGE = Map.of("PT1M", Duration.ofDays(1), "PT1H", Duration.ofDays(31));

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the tenant id is malformed, the granularity unknown,
   *     {@code from >= to}, or the range is longer than {@link #MAX_RANGE} allows
   */
  public TelemetryRange {
    TenantIds.require(tenantId);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Duration max = MAX_RANGE.get(Objects.requireNonNull(granularity, "granularity"));
    if (max == null) {
      throw new IllegalArgumentException("granularity must be PT1M or PT1H: " + granularity);
    }
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to: " + from + " >= " + to);
    }
    if (Duration.between(from, to).compareTo(max) > 0) {
      throw new IllegalArgumentException("range " + Duration.between(from, to) + " exceeds " + max + " for "
          + granularity + " windows");
    }
  }

  /**
   * Parses query parameters. {@code granularity} defaults to {@code PT1M} for ranges up to 6 hours
   * and {@code PT1H} beyond.
   *
   * @param from ISO-8601 instant, e.g. {@code 2026-11-21T05:00:00Z}
   * @param to ISO-8601 instant
   * @param granularity {@code PT1M}, {@code PT1H} or null
   * @throws IllegalArgumentException naming the parameter if one is missing or malformed, or as
   *     the canonical constructor
   */
  public static TelemetryRange parse(String tenantId, String from, String to, String granularity) {
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    String g = granularity != null ? granularity
        : Duration.between(start, end).compareTo(Duration.ofHours(6)) <= 0 ? "PT1M" : "PT1H";
    return new TelemetryRange(tenantId, start, end, g);
  }

  private static Instant instant(String name, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("query parameter '" + name + "' is required (ISO-8601 UTC instant)");
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("query parameter '" + name + "' is not an ISO-8601 UTC instant: " + text, e);
    }
  }
}
