package com.pulse.adapter.cosmos;

import com.azure.cosmos.CosmosException;
import com.pulse.app.port.DependencyException;
import java.time.Duration;

/**
 * Translates {@link CosmosException} into Pulse's exception contract (Azure SDK guideline: surface
 * status, retry-after and RU charge; don't swallow them). Status codes per
 * https://learn.microsoft.com/rest/api/cosmos-db/http-status-codes-for-cosmosdb.
 *
 * <ul>
 *   <li>429 (throttled, after the SDK's own retries honouring {@code x-ms-retry-after-ms}) →
 *       {@link DependencyException} carrying the service's retry-after;
 *   <li>408, 410, 449, 5xx and status 0 (transport failure) → {@link DependencyException};
 *   <li>anything else (400 bad document, 401/403 missing RBAC role, 404 missing container, 413 too
 *       large) → {@link IllegalStateException}: retrying will not help.
 * </ul>
 */
public final class CosmosFailures {
  private CosmosFailures() {}

  /** True if retrying the operation later can succeed. */
  public static boolean isTransient(int statusCode) {
    return statusCode == 0 || statusCode == 408 || statusCode == 410 || statusCode == 429
        || statusCode == 449 || statusCode >= 500;
  }

  /**
   * The exception to throw for a failed Cosmos DB call.
   *
   * @param container container name, for the message
   * @param operation operation name ({@code read}, {@code upsert}, ...), for the message
   * @param e the SDK exception
   * @return a {@link DependencyException} for transient failures, else an {@link IllegalStateException}
   */
  public static RuntimeException translate(String container, String operation, CosmosException e) {
    return translate(container, operation, e.getStatusCode(), e.getSubStatusCode(), e.getRetryAfterDuration(), e);
  }

  /** As {@link #translate(String, String, CosmosException)} from a status (bulk results carry no exception). */
  public static RuntimeException translate(String container, String operation, int statusCode,
      int subStatusCode, Duration retryAfter, Throwable cause) {
    String message = "Cosmos DB " + operation + " on container " + container + " failed with status "
        + statusCode + (subStatusCode != 0 ? "/" + subStatusCode : "");
    if (isTransient(statusCode)) {
      Duration backOff = retryAfter == null || retryAfter.isZero() || retryAfter.isNegative() ? null : retryAfter;
      return new DependencyException(message, statusCode, backOff, cause);
    }
    return new IllegalStateException(message, cause);
  }
}
