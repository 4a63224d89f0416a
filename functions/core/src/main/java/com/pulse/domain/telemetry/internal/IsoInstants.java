package com.pulse.domain.telemetry.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()} without the general {@link java.time.format.DateTimeFormatter} machinery:
 * the same text, character for character, for instants in the years 0000 to 9999, i.e.
 * {@code DateTimeFormatter.ISO_INSTANT} (ISO-8601 extended format in UTC,
 * <a href="https://www.rfc-editor.org/rfc/rfc3339">RFC 3339</a> profile): {@code yyyy-MM-ddTHH:mm:ssZ},
 * with the fraction of the second, when it is not zero, as 3, 6 or 9 digits (the fewest groups of
 * three that hold it exactly), e.g. {@code 2026-11-21T06:00:00Z}, {@code 2026-11-21T06:00:00.120Z},
 * {@code 2026-11-21T06:00:00.000001Z}. Outside those years (a sign or more than four year digits)
 * it returns {@link Instant#toString()}.
 *
 * <p>Stateless and thread-safe.
 */
public final class IsoInstants {
  /** {@code 0000-01-01T00:00:00Z} in epoch seconds. */
  static final long MIN_SECOND = -62_167_219_200L;
  /** {@code 9999-12-31T23:59:59Z} in epoch seconds. */
  static final long MAX_SECOND = 253_402_300_799L;
  private static final int SECONDS_PER_DAY = 86_400;

  private IsoInstants() {}

  /** {@code instant.toString()}, formatted here for the years 0000 to 9999. */
  public static String format(Instant instant) {
    long second = instant.getEpochSecond();
    if (second < MIN_SECOND || second > MAX_SECOND) {
      return instant.toString();
    }
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(second, SECONDS_PER_DAY));
    int secondOfDay = (int) Math.floorMod(second, SECONDS_PER_DAY);
    int nano = instant.getNano();
    int fractionDigits = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
    byte[] text = new byte[20 + (fractionDigits == 0 ? 0 : 1 + fractionDigits)];
    digits(text, 0, date.getYear(), 4);
    text[4] = '-';
    digits(text, 5, date.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, date.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, secondOfDay / 3_600, 2);
    text[13] = ':';
    digits(text, 14, secondOfDay / 60 % 60, 2);
    text[16] = ':';
    digits(text, 17, secondOfDay % 60, 2);
    int end = 19;
    if (fractionDigits > 0) {
      text[end++] = '.';
      int fraction = fractionDigits == 3 ? nano / 1_000_000 : fractionDigits == 6 ? nano / 1_000 : nano;
      digits(text, end, fraction, fractionDigits);
      end += fractionDigits;
    }
    text[end] = 'Z';
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  /** Writes {@code value >= 0} as exactly {@code width} decimal digits, zero-padded, at {@code at}. */
  private static void digits(byte[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }
}
