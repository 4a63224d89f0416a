package com.pulse.domain.telemetry;

/**
 * Receives the requests decoded from one event, one call per request (an OTLP span of kind SERVER or
 * CONSUMER, or one Pulse JSON event). Implementations are not required to be thread-safe; a decoder
 * calls its sink from the calling thread only.
 */
@FunctionalInterface
public interface RequestSink {

  /**
   * One request.
   *
   * @param tenantId tenant ({@code tenant.id} resource attribute or {@code tenantId}), never null or empty
   * @param service service name ({@code service.name} or {@code service}), never null
   * @param operation {@code http.route} if present, else the span name; or {@code operation}; never null
   * @param startEpochMillis event time: span start time or {@code timestamp}, epoch milliseconds UTC
   * @param durationMs latency in milliseconds ({@code end - start} for spans), {@code >= 0}
   * @param error true if span status is ERROR, {@code http.response.status_code >= 500}, or status "error"
   * @param userId {@code user.id} / {@code enduser.id} / {@code userId}, or null when absent
   */
  void request(
      String tenantId,
      String service,
      String operation,
      long startEpochMillis,
      double durationMs,
      boolean error,
      String userId);
}
