package com.pulse.domain.telemetry.internal.decode;

import com.pulse.domain.telemetry.IngestRules;
import com.pulse.domain.telemetry.RequestSink;
import java.util.Arrays;

/**
 * The records (requests, dependency calls, internal spans) of one event, held until the whole event has decoded so that a decoder is
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
  private String[] dependency = new String[64];
  private byte[] kind = new byte[64];
  private int size;

  private static final byte REQUEST = 0;
  private static final byte DEPENDENCY = 1;
  private static final byte INTERNAL = 2;

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
    kind[size] = REQUEST;
    size++;
  }

  /** Buffers one dependency call; tenant and service are filled by {@link #attribute}. */
  void addDependency(String dependencyName, String operationName, long startMillis, double latencyMs, boolean isError) {
    add(null, null, operationName, startMillis, latencyMs, isError, null);
    kind[size - 1] = DEPENDENCY;
    dependency[size - 1] = dependencyName;
  }

  /** Buffers one internal span (counted only); tenant and service are filled by {@link #attribute}. */
  void addInternal() {
    add(null, null, null, 0, 0, false, null);
    kind[size - 1] = INTERNAL;
  }

  /** Sets tenant and service of rows {@code [from, size)} (one OTLP resource). */
  void attribute(int from, String tenantId, String serviceName) {
    for (int i = from; i < size; i++) {
      tenant[i] = tenantId;
      service[i] = serviceName;
    }
  }

  /**
   * Checks every buffered request against {@link IngestRules} (tenant id, service and operation
   * names), then passes each to {@code sink} in order and clears the buffer. Validation comes first,
   * so an invalid request rejects the whole event before the sink has seen any of it. A name is
   * checked once per run of equal references (decoders hand out cached strings).
   *
   * @return the number of requests passed
   * @throws IllegalArgumentException if a request breaks a rule (the dead-letter reason); the buffer
   *     is cleared
   */
  int flushTo(RequestSink sink) {
    int n = size;
    String lastTenant = null;
    String lastService = null;
    String lastOperation = null;
    for (int i = 0; i < n; i++) {
      try {
        if (tenant[i] != lastTenant) {
          lastTenant = IngestRules.requireTenantId(tenant[i]);
        }
        if (service[i] != lastService) {
          lastService = IngestRules.requireName("service", service[i]);
        }
        if (kind[i] != INTERNAL && operation[i] != lastOperation) {
          lastOperation = IngestRules.requireName("operation", operation[i]);
        }
        if (kind[i] == DEPENDENCY) {
          IngestRules.requireName("dependency", dependency[i]);
        }
      } catch (IllegalArgumentException e) {
        size = 0;
        throw e;
      }
    }
    for (int i = 0; i < n; i++) {
      if (kind[i] == REQUEST) {
        sink.request(tenant[i], service[i], operation[i], startEpochMillis[i], durationMs[i], error[i], user[i]);
      } else if (kind[i] == DEPENDENCY) {
        sink.dependency(tenant[i], service[i], dependency[i], operation[i], startEpochMillis[i], durationMs[i], error[i]);
      } else {
        sink.internalSpan(tenant[i], service[i]);
      }
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
    dependency = Arrays.copyOf(dependency, n);
    kind = Arrays.copyOf(kind, n);
  }
}
