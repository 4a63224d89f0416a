package com.pulse.domain.telemetry;

/**
 * Receives the records decoded from one event, one call per record: a request (an OTLP span of kind
 * SERVER or CONSUMER, or one Pulse JSON event), a dependency call (a span of kind CLIENT or PRODUCER)
 * or an internal span (kind INTERNAL or UNSPECIFIED: counted, not aggregated). The mapping from span
 * to record is {@code com.pulse.domain.telemetry.decode.SpanMapping}. Every string argument has
 * passed {@link IngestRules}. Implementations are not required to be thread-safe; a decoder calls its
 * sink from the calling thread only.
 */
public interface RequestSink {
  /** Discards every record: for dry runs that only ask whether a body decodes. */
  RequestSink DISCARD = new RequestSink() {
    @Override
    public void request(String t, String s, String o, long start, double ms, boolean e, CharSequence u) {}

    @Override
    public void dependency(String t, String s, String d, String o, long start, double ms, boolean e) {}

    @Override
    public void internalSpan(String t, String s) {}
  };

  /**
   * One request.
   *
   * @param tenantId tenant ({@code tenant.id} resource attribute or {@code tenantId}), never null or empty
   * @param service service name ({@code service.name} or {@code service}), never null
   * @param operation {@code http.route} if present, else the span name; or {@code operation}; never null
   * @param startEpochMillis event time: span start time or {@code timestamp}, epoch milliseconds UTC
   * @param durationMs latency in milliseconds ({@code end - start} for spans), {@code >= 0}
   * @param error true if span status is ERROR, {@code http.response.status_code >= 500}, or status "error"
   * @param userId {@code user.id} / {@code enduser.id} / {@code userId}, or null when absent. It may
   *     be a view of the event's bytes that is valid only for the duration of this call (a decoder
   *     spares a string for a value that is usually only hashed): call {@code toString()} to keep it
   */
  void request(
      String tenantId,
      String service,
      String operation,
      long startEpochMillis,
      double durationMs,
      boolean error,
      CharSequence userId);

  /**
   * One dependency call (an outgoing call: database, HTTP, RPC, messaging).
   *
   * @param tenantId tenant, never null
   * @param service the calling service ({@code service.name}), never null
   * @param dependency what was called, e.g. {@code postgresql/orders}, {@code api.stripe.com},
   *     {@code kafka/orders} (see {@code SpanMapping}), never null
   * @param operation the span name (low cardinality by the semantic conventions), never null
   * @param startEpochMillis span start, epoch milliseconds UTC
   * @param durationMs latency in milliseconds
   * @param error true if the span status is ERROR, {@code error.type} is set, or the HTTP status is 4xx/5xx
   */
  void dependency(
      String tenantId,
      String service,
      String dependency,
      String operation,
      long startEpochMillis,
      double durationMs,
      boolean error);

  /**
   * One span of kind INTERNAL or UNSPECIFIED: in-process work that is neither a request nor a call
   * to a dependency; counted so that no span disappears without a trace.
   *
   * @param tenantId tenant, never null
   * @param service service, never null
   */
  void internalSpan(String tenantId, String service);
}
