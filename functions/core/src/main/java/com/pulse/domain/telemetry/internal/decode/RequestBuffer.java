package com.pulse.domain.telemetry.internal.decode;

import com.pulse.domain.telemetry.RequestSink;
import java.util.Arrays;

/**
 * The requests of one event, held until the whole event has decoded so that a decoder is
 * all-or-nothing: {@link #flushTo} is only called after the last byte parsed without error.
 * Column-oriented growable arrays, reused across events (no allocation per request once grown).
 * Tenant and service are set per row so that OTLP decoders can fill them in after the spans of a
 * {@code ResourceSpans} (whose {@code resource} may come after its spans) with {@link #attribute}.
 * Not thread-safe.
 */
final class RequestBuffer {
  private String[] tenant = new String[64];
  private String[] service = new String[64];
  private String[] operation = new String[64];
  private String[] user = new String[64];
  private long[] startEpochMillis = new long[64];
  private double[] durationMs = new double[64];
  private boolean[] error = new boolean[64];
  private int size;

  /** Number of buffered requests. */
  int size() {
    return size;
  }

  /** Drops all buffered requests (references are overwritten on reuse, not cleared). */
  void clear() {
    size = 0;
  }

  /**
   * Buffers one request; tenant and service may be null until {@link #attribute} fills them.
   *
   * @param latencyMs latency in milliseconds, {@code >= 0}
   * @param startMillis event time, epoch milliseconds UTC
   */
  void add(
      String tenantId,
      String serviceName,
      String operationName,
      long startMillis,
      double latencyMs,
      boolean isError,
      String userId) {
    if (size == tenant.length) {
      grow();
    }
    tenant[size] = tenantId;
    service[size] = serviceName;
    operation[size] = operationName;
    startEpochMillis[size] = startMillis;
    durationMs[size] = latencyMs;
    error[size] = isError;
    user[size] = userId;
    size++;
  }

  /** Sets tenant and service of rows {@code [from, size)} (one OTLP resource). */
  void attribute(int from, String tenantId, String serviceName) {
    for (int i = from; i < size; i++) {
      tenant[i] = tenantId;
      service[i] = serviceName;
    }
  }

  /**
   * Passes every buffered request to {@code sink} in order, then clears the buffer.
   *
   * @return the number of requests passed
   */
  int flushTo(RequestSink sink) {
    int n = size;
    for (int i = 0; i < n; i++) {
      sink.request(
          tenant[i], service[i], operation[i], startEpochMillis[i], durationMs[i], error[i], user[i]);
    }
    size = 0;
    return n;
  }

  private void grow() {
    int n = tenant.length * 2;
    tenant = Arrays.copyOf(tenant, n);
    service = Arrays.copyOf(service, n);
    operation = Arrays.copyOf(operation, n);
    user = Arrays.copyOf(user, n);
    startEpochMillis = Arrays.copyOf(startEpochMillis, n);
    durationMs = Arrays.copyOf(durationMs, n);
    error = Arrays.copyOf(error, n);
  }
}
