package com.pulse.domain.window;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;

/**
 * The window lengths a catalog metric may use, as ISO-8601 periods. Windows are calendar-aligned in
 * UTC and half-open {@code [start, end)}: hours start on the hour, days at midnight, weeks on Monday
 * (ISO-8601 week, as {@link java.time.temporal.IsoFields}), months on the 1st and quarters on
 * January, April, July and October 1st. Stateless and thread-safe.
 */
public enum WindowPeriod {
  /** One hour, {@code PT1H}. */
  HOUR("PT1H"),
  /** One UTC day, {@code P1D}. */
  DAY("P1D"),
  /** One ISO week starting Monday 00:00 UTC, {@code P7D}. */
  WEEK("P7D"),
  /** One calendar month, {@code P1M}. */
  MONTH("P1M"),
  /** One calendar quarter, {@code P3M}. */
  QUARTER("P3M");

  private final String iso;

  WindowPeriod(String iso) {
    this.iso = iso;
  }

  /** The ISO-8601 period text, e.g. {@code P1M}. */
  public String iso() {
    return iso;
  }

  /**
   * Parses the ISO-8601 text of a supported period (case-sensitive, as written in the catalog).
   *
   * @throws IllegalArgumentException if {@code text} is not one of PT1H, P1D, P7D, P1M, P3M
   */
  public static WindowPeriod parse(String text) {
    for (WindowPeriod p : values()) {
      if (p.iso.equals(text)) {
        return p;
      }
    }
    throw new IllegalArgumentException("window must be one of "
        + Arrays.stream(values()).map(WindowPeriod::iso).toList() + ", got: " + text);
  }

  /** Start of the window containing {@code instant} (inclusive). @throws NullPointerException if null */
  public Instant floor(Instant instant) {
    ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
    LocalDate d = t.toLocalDate();
    return switch (this) {
      case HOUR -> instant.truncatedTo(ChronoUnit.HOURS);
      case DAY -> d.atStartOfDay(ZoneOffset.UTC).toInstant();
      case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(ZoneOffset.UTC).toInstant();
      case MONTH -> d.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      case QUARTER -> LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    };
  }

  /**
   * Adds {@code n} periods to an aligned window start (n may be negative).
   *
   * @throws NullPointerException if {@code start} is null
   */
  public Instant plus(Instant start, long n) {
    ZonedDateTime t = start.atZone(ZoneOffset.UTC);
    return switch (this) {
      case HOUR -> t.plusHours(n).toInstant();
      case DAY -> t.plusDays(n).toInstant();
      case WEEK -> t.plusWeeks(n).toInstant();
      case MONTH -> t.plusMonths(n).toInstant();
      case QUARTER -> t.plusMonths(3 * n).toInstant();
    };
  }

  /** The window that contains {@code instant}. @throws NullPointerException if null */
  public Window containing(Instant instant) {
    Instant start = floor(instant);
    return new Window(start, plus(start, 1));
  }
}
