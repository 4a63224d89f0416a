package com.pulse.domain.slo;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A multi-window, multi-burn-rate alert condition: it fires when the error-budget burn rate is at
 * or above {@code threshold} over <em>both</em> the long and the short window. The long window
 * makes the alert significant (enough budget spent), the short one makes it reset soon after the
 * problem stops. Immutable.
 *
 * <p>The two rules Pulse uses are the Google SRE workbook's first two rows of "Recommended
 * parameters for an SLO-based alert" (chapter 5, "Alerting on SLOs", section 6 "Multiwindow,
 * Multi-Burn-Rate Alerts", https://sre.google/workbook/alerting-on-slos/): 2 % of a 30-day budget
 * in 1 hour (burn rate 14.4, short window 5 min) and 5 % in 6 hours (burn rate 6, short window
 * 30 min). The workbook pages for both; Pulse pages on-call for the {@link #FAST} rule only and
 * puts the {@link #SLOW} one in the owning customer engineer's digest, because a slow burn on one
 * tenant is a customer conversation, not an outage.
 *
 * @param name {@code fast} or {@code slow}, used in episode keys and metric attributes
 * @param longWindow the long window, e.g. 1 h
 * @param shortWindow the short window, 1/12 of the long one in the workbook
 * @param threshold burn rate at or above which the rule fires; 1 = spending exactly the budget
 * @param severity Azure Monitor severity of an alert (0 critical .. 4 verbose)
 * @param pages whether it pages on-call (else it goes into the digest)
 */
public record BurnRateRule(String name, Duration longWindow, Duration shortWindow, double threshold, int severity,
    boolean pages) {
  /** 2 % of a 30-day budget in 1 hour: 1 h and 5 min windows, burn rate 14.4, pages (severity 1). */
  public static final BurnRateRule FAST = new BurnRateRule("fast", Duration.ofHours(1), Duration.ofMinutes(5), 14.4, 1, true);
  /** 5 % of a 30-day budget in 6 hours: 6 h and 30 min windows, burn rate 6, digest (severity 2). */
  public static final BurnRateRule SLOW = new BurnRateRule("slow", Duration.ofHours(6), Duration.ofMinutes(30), 6, 2, false);
  /** Both rules, fast first. */
  public static final List<BurnRateRule> DEFAULTS = List.of(FAST, SLOW);

  /**
   * @throws NullPointerException if an object argument is null
   * @throws IllegalArgumentException if the short window is not shorter than the long one, or the
   *     threshold is not positive
   */
  public BurnRateRule {
    Objects.requireNonNull(name, "name");
    if (shortWindow.isNegative() || shortWindow.isZero() || shortWindow.compareTo(longWindow) >= 0) {
      throw new IllegalArgumentException("shortWindow must be positive and shorter than longWindow: " + shortWindow);
    }
    if (!(threshold > 0)) {
      throw new IllegalArgumentException("threshold must be > 0: " + threshold);
    }
  }

  /**
   * The share of a period's budget spent when the rule just fires: {@code threshold × longWindow / period}
   * (2 % for {@link #FAST} over 30 days).
   */
  public double budgetSpentAtThreshold(Duration period) {
    return threshold * longWindow.toSeconds() / (double) period.toSeconds();
  }
}
