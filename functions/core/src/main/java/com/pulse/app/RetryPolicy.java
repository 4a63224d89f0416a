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

  /**
   * How long an Azure SQL reconfiguration (failover, load balancing, upgrade) may keep a database
   * unreachable: Microsoft's transient-fault guidance says most finish in less than 60 seconds, so
   * the default policy's pauses add up to more than this. Source: "Troubleshoot transient connection
   * errors in SQL Database and SQL Managed Instance",
   * https://learn.microsoft.com/azure/azure-sql/database/troubleshoot-common-connectivity-issues
   */
  public static final Duration AZURE_SQL_RECONFIGURATION = Duration.ofSeconds(60);

  /**
   * The warehouse default, after the same guidance ("delay for 5 seconds before your first retry …
   * the delay should grow exponentially, up to a maximum of 60 seconds"): 5 attempts with pauses of
   * 5, 10, 20 and 40 s, 75 s in all ({@link #totalBackoff()}), so the last attempt starts after a
   * reconfiguration of up to {@link #AZURE_SQL_RECONFIGURATION} has finished. A run that meets a
   * failover is at most 75 s longer, far inside the Functions timeout.
   */
  public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(5), Duration.ofSeconds(60), 2.0);

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

  /**
   * This policy with another number of attempts (e.g. from the {@code WAREHOUSE_QUERY_MAX_ATTEMPTS}
   * setting).
   *
   * @throws IllegalArgumentException if {@code maxAttempts < 1}
   */
  public RetryPolicy withMaxAttempts(int maxAttempts) {
    return new RetryPolicy(maxAttempts, initialDelay, maxDelay, multiplier);
  }

  /** The sum of the pauses between the first and the last attempt: how long a transient fault can be ridden out. */
  public Duration totalBackoff() {
    Duration total = Duration.ZERO;
    for (int attempt = 1; attempt < maxAttempts; attempt++) {
      total = total.plus(delayAfter(attempt));
    }
    return total;
  }

  /** The pause after failed attempt {@code attempt} (1-based). */
  public Duration delayAfter(int attempt) {
    double millis = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
    return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
  }
}
