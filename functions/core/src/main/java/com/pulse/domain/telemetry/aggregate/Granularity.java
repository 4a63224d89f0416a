package com.pulse.domain.telemetry.aggregate;

import java.time.Duration;

/**
 * Tumbling window sizes Pulse aggregates telemetry into: 1-minute windows and their hourly roll-ups.
 * Windows are aligned to the UTC epoch: a window of length {@code L} ms starts at
 * {@code floorDiv(t, L) * L}.
 */
public enum Granularity {
  /** One-minute tumbling windows ({@code "PT1M"}). */
  MINUTE("PT1M", 60_000L),
  /** One-hour roll-ups ({@code "PT1H"}). */
  HOUR("PT1H", 3_600_000L);

  private final String iso;
  private final String idPrefix;
  private final long millis;

  Granularity(String iso, long millis) {
    this.iso = iso;
    this.idPrefix = iso.toLowerCase(java.util.Locale.ROOT);
    this.millis = millis;
  }

  /** ISO-8601 duration as stored in {@code WindowDocument.granularity}, e.g. {@code "PT1M"}. */
  public String iso() {
    return iso;
  }

  /** {@link #iso()} in lower case, e.g. {@code "pt1m"}: how document ids start. */
  public String idPrefix() {
    return idPrefix;
  }

  /** Window length in milliseconds. */
  public long millis() {
    return millis;
  }

  /** Window length. */
  public Duration duration() {
    return Duration.ofMillis(millis);
  }

  /** Start (epoch ms, inclusive) of the window holding {@code epochMillis}; negative times floor too. */
  public long windowStart(long epochMillis) {
    return Math.floorDiv(epochMillis, millis) * millis;
  }

  /**
   * The granularity with this ISO-8601 name.
   *
   * @throws IllegalArgumentException if {@code iso} is neither {@code "PT1M"} nor {@code "PT1H"}
   */
  public static Granularity ofIso(String iso) {
    for (Granularity g : values()) {
      if (g.iso.equals(iso)) {
        return g;
      }
    }
    throw new IllegalArgumentException("granularity must be PT1M or PT1H, was " + iso);
  }
}
