package com.pulse.domain.telemetry.internal.decode;

/**
 * Allocation-free parsing of the short decimal numbers telemetry carries ({@code 12}, {@code 12.345})
 * from a {@code char[]} range. It uses the exact fast path of W. D. Clinger, "How to Read Floating
 * Point Numbers Accurately" (PLDI 1990): when the digits form an integer {@code m < 2^53} and there
 * are at most 22 fraction digits {@code k}, {@code m / 10^k} is one correctly rounded IEEE division of
 * two exact doubles, so the result equals {@link Double#parseDouble}. Anything else (exponents, more
 * digits) is reported as not handled and the caller falls back. Stateless and thread-safe.
 */
final class Decimal {
  /** Returned when the text is outside the fast path. */
  static final double NOT_HANDLED = Double.NaN;

  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = p;
      p *= 10;
    }
  }

  private Decimal() {}

  /**
   * @return the value of the plain decimal in {@code c[off, off + len)} ({@code -?digits[.digits]}),
   *     or {@link #NOT_HANDLED} (NaN) if it has an exponent, too many digits or is not a plain decimal
   */
  static double parse(char[] c, int off, int len) {
    int i = off;
    int end = off + len;
    boolean negative = i < end && c[i] == '-';
    if (negative) {
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int fractionDigits = 0;
    boolean point = false;
    for (; i < end; i++) {
      char ch = c[i];
      if (ch >= '0' && ch <= '9') {
        if (++digits > 15) {
          return NOT_HANDLED;
        }
        mantissa = mantissa * 10 + (ch - '0');
        if (point) {
          fractionDigits++;
        }
      } else if (ch == '.' && !point) {
        point = true;
      } else {
        return NOT_HANDLED;
      }
    }
    if (digits == 0 || fractionDigits >= POWERS_OF_TEN.length) {
      return NOT_HANDLED;
    }
    double value = mantissa / POWERS_OF_TEN[fractionDigits];
    return negative ? -value : value;
  }
}
