package com.pulse.domain.telemetry.log;

/**
 * The severity buckets Pulse counts log records in: the six ranges of {@code SeverityNumber} of the
 * OpenTelemetry logs data model, plus {@link #UNSPECIFIED} for {@code SEVERITY_NUMBER_UNSPECIFIED}
 * (0). The ranges are the specification's ("Field: SeverityNumber", TRACE 1-4, DEBUG 5-8, INFO 9-12,
 * WARN 13-16, ERROR 17-20, FATAL 21-24; a larger number is more severe, and the numbers inside a range
 * are finer grades of the same short name:
 * https://opentelemetry.io/docs/specs/otel/logs/data-model/#field-severitynumber; the enum is
 * {@code SeverityNumber} in opentelemetry-proto {@code logs/v1/logs.proto}). A number outside 0-24
 * has no bucket ({@link #ofNumber} returns null): such a record is counted as out of range.
 */
public enum Severity {
  /** {@code SeverityNumber} 0: the producer did not set one. */
  UNSPECIFIED(0, 0),
  /** 1-4: a fine-grained debugging event. */
  TRACE(1, 4),
  /** 5-8: a debugging event. */
  DEBUG(5, 8),
  /** 9-12: an informational event. */
  INFO(9, 12),
  /** 13-16: a warning event, not an error but likely more important than informational. */
  WARN(13, 16),
  /** 17-20: an error event; something went wrong. */
  ERROR(17, 20),
  /** 21-24: a fatal error such as an application or system crash. */
  FATAL(21, 24);

  private static final Severity[] BY_NUMBER = new Severity[25];

  static {
    for (Severity s : values()) {
      for (int n = s.lowest; n <= s.highest; n++) {
        BY_NUMBER[n] = s;
      }
    }
  }

  private final int lowest;
  private final int highest;

  Severity(int lowest, int highest) {
    this.lowest = lowest;
    this.highest = highest;
  }

  /** Lowest {@code SeverityNumber} of the bucket, inclusive. */
  public int lowest() {
    return lowest;
  }

  /** Highest {@code SeverityNumber} of the bucket, inclusive. */
  public int highest() {
    return highest;
  }

  /** True for {@link #ERROR} and {@link #FATAL}: the buckets whose message templates Pulse keeps. */
  public boolean keepsTemplates() {
    return this == ERROR || this == FATAL;
  }

  /** The bucket of {@code severityNumber}, or null if it is outside 0-24. */
  public static Severity ofNumber(int severityNumber) {
    return severityNumber < 0 || severityNumber >= BY_NUMBER.length ? null : BY_NUMBER[severityNumber];
  }

  /**
   * The bucket named {@code name} (as stored: {@code "ERROR"}).
   *
   * @throws IllegalArgumentException if no bucket has that name
   */
  public static Severity ofName(String name) {
    return valueOf(name);
  }
}
