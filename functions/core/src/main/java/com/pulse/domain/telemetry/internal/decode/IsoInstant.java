package com.pulse.domain.telemetry.internal.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses an ISO-8601 / RFC 3339 date-time with an offset ({@code 2026-11-21T05:41:37.123Z},
 * {@code 2026-11-21T06:41:37+01:00}) to epoch milliseconds without allocating in the common case.
 * The fast path handles {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:mm)}; anything else is handed to
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}. A date-time without an offset is rejected: it is
 * ambiguous. Fractions finer than a millisecond are truncated. Day counting follows H. Hinnant,
 * "chrono-Compatible Low-Level Date Algorithms" (days_from_civil),
 * https://howardhinnant.github.io/date_algorithms.html. The fast path remembers the last minute it
 * read ({@code yyyy-MM-ddTHH:mm}, the first 16 bytes, validated) and its epoch seconds: events of a
 * stream come in time order, so most share the previous event's minute and only seconds, fraction
 * and offset are read. Not thread-safe (one instance per decoder).
 */
final class IsoInstant {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The last minute read: its first 8 and next 8 bytes, and its epoch seconds (before the offset). */
  private long minuteHead;
  private long minuteTail;
  private long minuteSeconds = Long.MIN_VALUE;

  /**
   * @return epoch milliseconds UTC of the date-time in {@code c[off, off + len)}
   * @throws IllegalArgumentException if the text is not an ISO-8601 date-time with an offset
   */
  long parseEpochMillis(char[] c, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (c[i] >= 0x80) { // never the fast-path shape
        return parseSlowly(new String(c, off, len));
      }
    }
    byte[] ascii = new byte[len];
    for (int i = 0; i < len; i++) {
      ascii[i] = (byte) c[off + i];
    }
    return parseEpochMillis(ascii, 0, len);
  }

  /**
   * @param b ASCII text (one byte a character, as plain JSON strings are in UTF-8)
   * @return epoch milliseconds UTC of the date-time in {@code b[off, off + len)}
   * @throws IllegalArgumentException if the text is not an ISO-8601 date-time with an offset
   */
  long parseEpochMillis(byte[] b, int off, int len) {
    long fast = fastPath(b, off, len);
    if (fast != Long.MIN_VALUE) {
      return fast;
    }
    return parseSlowly(new String(b, off, len, StandardCharsets.ISO_8859_1));
  }

  private static long parseSlowly(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
          .toInstant()
          .toEpochMilli();
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "not an ISO-8601 date-time with offset: '" + text + "'", e);
    }
  }

  /** Returns {@code Long.MIN_VALUE} when the text is not in the fast-path shape. */
  private long fastPath(byte[] c, int off, int len) {
    if (len < 20 || c[off + 16] != ':') {
      return Long.MIN_VALUE;
    }
    long head = (long) LONGS.get(c, off);
    long tail = (long) LONGS.get(c, off + 8);
    if (head != minuteHead || tail != minuteTail || minuteSeconds == Long.MIN_VALUE) {
      long seconds = minuteSeconds(c, off);
      if (seconds == Long.MIN_VALUE) {
        return Long.MIN_VALUE;
      }
      minuteHead = head;
      minuteTail = tail;
      minuteSeconds = seconds;
    }
    int second = digits(c, off + 17, 2);
    if (second < 0 || second > 59) {
      return Long.MIN_VALUE;
    }
    int i = off + 19;
    int end = off + len;
    int millis = 0;
    if (c[i] == '.') {
      i++;
      int start = i;
      while (i < end && c[i] >= '0' && c[i] <= '9') {
        if (i - start < 3) {
          millis = millis * 10 + (c[i] - '0');
        }
        i++;
      }
      int n = i - start;
      if (n == 0 || n > 9) {
        return Long.MIN_VALUE;
      }
      for (int k = n; k < 3; k++) {
        millis *= 10;
      }
    }
    int offsetSeconds;
    if (i == end - 1 && c[i] == 'Z') {
      offsetSeconds = 0;
    } else if (i == end - 6 && (c[i] == '+' || c[i] == '-') && c[i + 3] == ':') {
      int oh = digits(c, i + 1, 2);
      int om = digits(c, i + 4, 2);
      if (oh < 0 || oh > 18 || om < 0 || om > 59) {
        return Long.MIN_VALUE;
      }
      offsetSeconds = (oh * 3600 + om * 60) * (c[i] == '-' ? -1 : 1);
    } else {
      return Long.MIN_VALUE;
    }
    return (minuteSeconds + second - offsetSeconds) * 1000L + millis;
  }

  /**
   * Epoch seconds of the local minute {@code yyyy-MM-ddTHH:mm} at {@code c[off, off + 16)} as if it
   * were UTC, or {@code Long.MIN_VALUE} if it is not that shape or not a valid date and time.
   */
  private static long minuteSeconds(byte[] c, int off) {
    if (c[off + 4] != '-' || c[off + 7] != '-' || c[off + 10] != 'T' || c[off + 13] != ':') {
      return Long.MIN_VALUE;
    }
    int year = digits(c, off, 4);
    int month = digits(c, off + 5, 2);
    int day = digits(c, off + 8, 2);
    int hour = digits(c, off + 11, 2);
    int minute = digits(c, off + 14, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return Long.MIN_VALUE;
    }
    return daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L;
  }

  private static int digits(byte[] c, int off, int n) {
    int v = 0;
    for (int i = off; i < off + n; i++) {
      int d = c[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2:
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  private static long daysFromCivil(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
