package com.pulse.app;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff for transient warehouse failures: attempt {@code n} (1-based) that failed is
 * followed by a pause of {@code min(maxDelay, initialDelay * multiplier^(n-1))}, or the service's
 * retry-after when it asked for a longer one. Deterministic (no jitter: one metric query per metric
 * and run, so there is no herd to spread). Immutable.
 *
 * @param maxAttempts total attempts including the first, {@code >= 1}
 * @param initialDelay pause after the first failure
 * @param maxDelay upper bound of one pause
 * @param multiplier growth factor per attempt, {@code >= 1}
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier) {

  /** 4 attempts, 2 s, 4 s, 8 s pauses (capped at 30 s): rides out an Azure SQL failover (~30 s is typical). */
  public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(2), Duration.ofSeconds(30), 2.0);

  /**
   * @throws IllegalArgumentException if {@code maxAttempts < 1}, a delay is negative or {@code multiplier < 1}
   * @throws NullPointerException if a delay is null
   */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
    }
    if (Objects.requireNonNull(initialDelay, "initialDelay").isNegative()
        || Objects.requireNonNull(maxDelay, "maxDelay").isNegative()) {
      throw new IllegalArgumentException("delays must not be negative");
    }
    if (multiplier < 1) {
      throw new IllegalArgumentException("multiplier must be >= 1: " + multiplier);
    }
  }

  /** The pause after failed attempt {@code attempt} (1-based). */
  public Duration delayAfter(int attempt) {
    double millis = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
    return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
  }
}
