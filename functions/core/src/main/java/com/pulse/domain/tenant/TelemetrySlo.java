package com.pulse.domain.tenant;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A telemetry service-level objective of a tenant: the fraction of good requests of a service (or
 * one operation of it) over the error-budget period. Immutable.
 *
 * <ul>
 *   <li>{@link Sli#AVAILABILITY}: good = requests without error ({@code count - errorCount} of a
 *       window), e.g. 99.9 % of requests succeed;
 *   <li>{@link Sli#LATENCY}: good = requests at or under {@code thresholdMillis}, read from the
 *       window's DDSketch (1 % relative accuracy), e.g. 99 % of requests under 300 ms.
 * </ul>
 *
 * <p>The error budget is {@code 1 - objective} of the requests of {@code periodDays} (Google SRE
 * workbook, chapter "Implementing SLOs": https://sre.google/workbook/implementing-slos/).
 *
 * @param name objective name, unique per tenant, e.g. {@code checkout-availability}
 * @param sli what counts as a good request
 * @param service service name, or {@link #ANY} for every service
 * @param operation operation / route, or {@link #ANY} for every operation of the service
 * @param objective target fraction of good requests, {@code 0 < objective < 1}, e.g. {@code 0.999}
 * @param thresholdMillis latency threshold in ms for {@link Sli#LATENCY}, {@code > 0}; 0 for availability
 * @param periodDays error-budget period in days, {@code >= 1} (SRE workbook default: 28 or 30)
 */
public record TelemetrySlo(String name, Sli sli, String service, String operation, double objective,
    double thresholdMillis, int periodDays) {
  /** Matches every service or every operation. */
  public static final String ANY = "*";
  /** Letters, digits, {@code . _ -}, 1 to 64 characters. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** The service-level indicator: what a good request is. */
  public enum Sli {
    /** A request without error. */
    AVAILABILITY,
    /** A request at or under the latency threshold. */
    LATENCY
  }

  /**
   * @throws NullPointerException if an object argument is null
   * @throws IllegalArgumentException if {@code name} is malformed, {@code objective} outside (0, 1),
   *     {@code thresholdMillis} not positive for a latency SLO, or {@code periodDays < 1}
   */
  public TelemetrySlo {
    if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
      throw new IllegalArgumentException("slo name must match " + NAME + ": " + name);
    }
    Objects.requireNonNull(sli, "sli");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(operation, "operation");
    if (!(objective > 0 && objective < 1)) {
      throw new IllegalArgumentException("objective must be in (0, 1): " + objective);
    }
    if (sli == Sli.LATENCY && !(thresholdMillis > 0 && Double.isFinite(thresholdMillis))) {
      throw new IllegalArgumentException("a latency SLO needs thresholdMillis > 0: " + thresholdMillis);
    }
    if (periodDays < 1) {
      throw new IllegalArgumentException("periodDays must be >= 1: " + periodDays);
    }
  }

  /** The error budget: the fraction of requests allowed to be bad, {@code 1 - objective}. */
  public double errorBudget() {
    return 1 - objective;
  }

  /** Whether a window of {@code service}/{@code operation} counts toward this objective. */
  public boolean covers(String service, String operation) {
    return (ANY.equals(this.service) || this.service.equals(service))
        && (ANY.equals(this.operation) || this.operation.equals(operation));
  }

  /** Human-readable target, e.g. {@code 99.9% of checkout/* requests succeed}. */
  public String describe() {
    String scope = service + "/" + operation;
    String pct = percent(objective);
    return sli == Sli.AVAILABILITY
        ? pct + " of " + scope + " requests succeed"
        : pct + " of " + scope + " requests under " + (long) thresholdMillis + " ms";
  }

  static String percent(double fraction) {
    String s = java.math.BigDecimal.valueOf(fraction * 100).stripTrailingZeros().toPlainString();
    return s + "%";
  }
}
