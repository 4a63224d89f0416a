package com.pulse.domain.telemetry.log;

/**
 * The message template of a log record: its text with the variable parts masked, so that
 * {@code "order 81723 failed: timeout after 30s"} and {@code "order 99 failed: timeout after 5s"}
 * count as one template, {@code "order <num> failed: timeout after <id>"}. In order of precedence:
 *
 * <ol>
 *   <li>text in single or double quotes (up to the matching quote) becomes {@code <str>};
 *   <li>a UUID ({@code 8-4-4-4-12} hex digits) becomes {@code <uuid>};
 *   <li>a run of letters and digits that contains a digit becomes {@code <num>} when it is all
 *       decimal digits, {@code <hex>} when it is {@code 0x}-prefixed or all hexadecimal digits
 *       (hashes, ids), else {@code <id>} ({@code user42}, {@code 30s}, {@code v2});
 *   <li>runs of whitespace and control characters become one space; the result is trimmed;
 *   <li>a lone UTF-16 surrogate becomes {@code U+FFFD} (a template is display text, and every export
 *       encoder must be able to write it as UTF-8);
 *   <li>the result is cut to {@value #MAX_LENGTH} characters (never inside a surrogate pair), with
 *       {@code …} appended when cut.
 * </ol>
 *
 * Masking tokens that contain digits is the pre-processing of Drain (He et al., "Drain: An Online Log
 * Parsing Approach with Fixed Depth Tree", ICWS 2017), which groups messages of one print statement
 * well in practice; quoted values are masked too because they usually carry user input. The rule is
 * deterministic and stateless, so a redelivered record always yields the same template (the
 * exactly-once bookkeeping depends on it). An empty or blank text yields {@code "(empty)"}.
 *
 * <p>Stateless and thread-safe.
 */
public final class MessageTemplates {
  /** Longest template, UTF-16 code units, not counting the {@code …} of a cut template. */
  public static final int MAX_LENGTH = 160;
  /** Longest text read: the rest of a longer text cannot reach the cut template anyway. */
  static final int MAX_SCAN = 4 * MAX_LENGTH;

  private MessageTemplates() {}

  /**
   * The template of {@code text}.
   *
   * @throws NullPointerException if {@code text} is null
   */
  public static String of(CharSequence text) {
    int n = Math.min(text.length(), MAX_SCAN);
    StringBuilder out = new StringBuilder(Math.min(n, MAX_LENGTH + 8));
    int i = 0;
    while (i < n && out.length() <= MAX_LENGTH) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        int close = indexOf(text, c, i + 1, n);
        if (close > 0 && (c == '"' || !isWord(text, i - 1))) { // it's, don't: an apostrophe, not a quote
          out.append("<str>");
          i = close + 1;
          continue;
        }
        out.append(c);
        i++;
      } else if (Character.isLetterOrDigit(c) && c < 0x80) {
        int end = i;
        boolean digit = false;
        boolean hex = true;
        while (end < n && isAsciiAlnum(text.charAt(end))) {
          char d = text.charAt(end);
          digit |= d >= '0' && d <= '9';
          hex &= Character.digit(d, 16) >= 0;
          end++;
        }
        if (isUuidAt(text, i, n)) {
          out.append("<uuid>");
          i += 36;
          continue;
        }
        if (!digit) {
          out.append(text, i, end);
        } else if (allDigits(text, i, end)) {
          out.append("<num>");
        } else if (hex || end - i > 2 && text.charAt(i) == '0' && (text.charAt(i + 1) | 0x20) == 'x'
            && allHex(text, i + 2, end)) {
          out.append("<hex>");
        } else {
          out.append("<id>");
        }
        i = end;
      } else if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
          out.append(' ');
        }
        i++;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(i + 1));
        i += 2;
      } else {
        out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
        i++;
      }
    }
    int length = out.length();
    while (length > 0 && out.charAt(length - 1) == ' ') {
      length--;
    }
    boolean cut = length > MAX_LENGTH || i < text.length();
    if (length > MAX_LENGTH) {
      length = MAX_LENGTH;
      if (Character.isHighSurrogate(out.charAt(length - 1))) {
        length--;
      }
    }
    out.setLength(length);
    if (out.length() == 0) {
      return "(empty)";
    }
    return cut ? out.append('…').toString() : out.toString();
  }

  private static boolean isAsciiAlnum(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  private static boolean isWord(CharSequence s, int i) {
    return i >= 0 && Character.isLetterOrDigit(s.charAt(i));
  }

  private static int indexOf(CharSequence s, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static boolean allDigits(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean allHex(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** True if a UUID (8-4-4-4-12 hex digits) starts at {@code i}. */
  private static boolean isUuidAt(CharSequence s, int i, int n) {
    if (i + 36 > n) {
      return false;
    }
    for (int k = 0; k < 36; k++) {
      char c = s.charAt(i + k);
      boolean dash = k == 8 || k == 13 || k == 18 || k == 23;
      if (dash ? c != '-' : Character.digit(c, 16) < 0 || c > 0x7f) {
        return false;
      }
    }
    return i + 36 == n || !isAsciiAlnum(s.charAt(i + 36));
  }
}
