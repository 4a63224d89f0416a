package com.pulse.app.port;

import java.time.Duration;
import java.util.Optional;

/**
 * A dependency (store, hub, warehouse, mail service) failed in a way worth retrying later: HTTP 429
 * (with the service's retry-after), 408, 5xx, a timeout or a dropped connection. Adapters translate
 * SDK exceptions into this type; a Function entry point lets it propagate so the host's retry policy
 * re-drives the whole invocation (the bookkeeping makes that safe).
 *
 * <p>No JDK exception carries a status code and a retry-after, hence this type.
 */
public final class DependencyException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int statusCode;
  private final transient Duration retryAfter;

  /**
   * @param message what failed, naming the dependency and operation
   * @param statusCode HTTP-like status code (429, 503, ...) or 0 when there is none (timeout, I/O)
   * @param retryAfter service-provided back-off, or null
   * @param cause the SDK exception
   */
  public DependencyException(String message, int statusCode, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.retryAfter = retryAfter;
  }

  /** HTTP-like status code, or 0 when the failure had none (timeout, connection reset). */
  public int statusCode() {
    return statusCode;
  }

  /** The back-off the service asked for (Cosmos DB {@code x-ms-retry-after-ms}), if any. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
