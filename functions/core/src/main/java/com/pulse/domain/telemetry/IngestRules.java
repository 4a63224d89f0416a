package com.pulse.domain.telemetry;

/**
 * The validation rules every decoded telemetry record passes before it can reach a window: one
 * place, applied by every decoder (OTLP protobuf, OTLP/JSON, Pulse JSON) and every signal.
 *
 * <ul>
 *   <li><b>Tenant id</b>: {@value #TENANT_ID_PATTERN}, the rule the HTTP API serves, so every
 *       aggregated tenant can be read back; a blank or longer id is unattributable (dead-lettered).
 *   <li><b>Names</b> (service, operation, dependency, metric name, attribute values): 1 to
 *       {@value #MAX_NAME_LENGTH} UTF-16 code units, well-formed (no lone surrogate, so every export
 *       encoder can write them as UTF-8); otherwise the event is dead-lettered. Window keys stay small.
 *   <li><b>Durations</b>: {@code 0 <= ms <= }{@value #MAX_DURATION_MS} (one hour). A latency sketch
 *       keeps full 1% accuracy over a ratio of about 8·10^8 ({@code LatencySketches}); with the top
 *       at one hour that reaches down to 4.5 µs, so an accepted value can never collapse the bins of
 *       another request in its window. Longer or non-finite durations are counted as
 *       <em>out of range</em> and never reach a sketch.
 *   <li><b>Timestamps</b>: no later than {@value #MAX_FUTURE_SKEW_MS} ms (one hour) after the newest
 *       enqueued time of the partition so far (clock skew of a producer); later is <em>out of
 *       range</em>. Old timestamps are judged by the lateness policy (late, then <em>expired</em>).
 *   <li><b>Values</b> (metric points): finite and with magnitude at most {@value #MAX_ABS_VALUE};
 *       else <em>out of range</em>.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class IngestRules {
  /** The tenant id rule (regular expression) shared with the HTTP API. */
  public static final String TENANT_ID_PATTERN = "[A-Za-z0-9._-]{1,128}";
  /** Longest tenant id, characters. */
  public static final int MAX_TENANT_ID_LENGTH = 128;
  /** Longest service, operation, dependency or metric name, UTF-16 code units. */
  public static final int MAX_NAME_LENGTH = 256;
  /** Longest accepted duration, milliseconds (one hour). */
  public static final double MAX_DURATION_MS = 3_600_000;
  /** How far an event time may lie after the partition's newest enqueued time, milliseconds. */
  public static final long MAX_FUTURE_SKEW_MS = 3_600_000;
  /** Largest accepted magnitude of a metric value. */
  public static final double MAX_ABS_VALUE = 1e15;

  private IngestRules() {}

  /** True if {@code tenantId} matches {@value #TENANT_ID_PATTERN}. */
  public static boolean isTenantId(String tenantId) {
    if (tenantId == null || tenantId.isEmpty() || tenantId.length() > MAX_TENANT_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < tenantId.length(); i++) {
      char c = tenantId.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * @return {@code tenantId}
   * @throws IllegalArgumentException if it is not a valid tenant id; the message ("unattributable:
   *     ...", the value shortened to 64 characters) is the dead-letter reason
   */
  public static String requireTenantId(String tenantId) {
    if (!isTenantId(tenantId)) {
      throw new IllegalArgumentException("unattributable: tenant id " + quote(tenantId) + " does not match "
          + TENANT_ID_PATTERN);
    }
    return tenantId;
  }

  /**
   * @param field what the name is, for the message (e.g. {@code "operation"})
   * @return {@code name}
   * @throws IllegalArgumentException if {@code name} is null, empty, longer than
   *     {@value #MAX_NAME_LENGTH} or not well-formed UTF-16 (the dead-letter reason)
   */
  public static String requireName(String field, String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(field + " is missing or empty");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(field + " is longer than " + MAX_NAME_LENGTH + " characters ("
          + name.length() + "): " + quote(name));
    }
    if (!isWellFormed(name)) {
      throw new IllegalArgumentException(field + " is not valid Unicode (lone surrogate): " + quote(name));
    }
    return name;
  }

  /** True if {@code s} has no lone UTF-16 surrogate (so it encodes to UTF-8 without loss). */
  public static boolean isWellFormed(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** True if {@code durationMs} is within {@code [0, MAX_DURATION_MS]}. */
  public static boolean isDurationInRange(double durationMs) {
    return durationMs >= 0 && durationMs <= MAX_DURATION_MS;
  }

  /**
   * True if {@code eventEpochMillis} is not more than {@link #MAX_FUTURE_SKEW_MS} after
   * {@code newestEnqueuedEpochMillis}.
   */
  public static boolean isTimeInRange(long eventEpochMillis, long newestEnqueuedEpochMillis) {
    return newestEnqueuedEpochMillis > Long.MAX_VALUE - MAX_FUTURE_SKEW_MS
        || eventEpochMillis <= newestEnqueuedEpochMillis + MAX_FUTURE_SKEW_MS;
  }

  /** True if {@code value} is finite with magnitude at most {@link #MAX_ABS_VALUE}. */
  public static boolean isValueInRange(double value) {
    return Math.abs(value) <= MAX_ABS_VALUE;
  }

  /** {@code s} quoted and shortened to 64 characters for a message; lone surrogates shown as {@code \\uXXXX}. */
  static String quote(String s) {
    if (s == null) {
      return "(none)";
    }
    StringBuilder b = new StringBuilder("\"");
    int n = Math.min(s.length(), 64);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c) || Character.isISOControl(c)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('"');
    if (s.length() > n) {
      b.append("… (").append(s.length()).append(" characters)");
    }
    return b.toString();
  }
}
