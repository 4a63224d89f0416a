package com.pulse.domain.telemetry.internal.decode;

import com.pulse.domain.telemetry.IngestRules;
import com.pulse.domain.telemetry.RequestSink;
import java.util.Arrays;

/**
 * The records (requests, dependency calls, internal spans) of one event, held until the whole event has decoded so that a decoder is
 * all-or-nothing: {@link #flushTo} is only called after the last byte parsed without error.
 * Column-oriented growable arrays, reused across events (no allocation per request once grown). A
 * user id may be held as a range of the event's body ({@link #asciiUserOfLast}) and reaches the sink
 * as a view of those bytes, valid during the call, as {@link RequestSink} allows.
 * Tenant and service are set per row so that OTLP decoders can fill them in after the spans of a
 * {@code ResourceSpans} (whose {@code resource} may come after its spans) with {@link #attribute}.
 * Not thread-safe.
 */
final class RequestBuffer {
  private String[] tenant = new String[64];
  private String[] service = new String[64];
  private String[] operation = new String[64];
  private String[] user = new String[64];
  /** Start of the user id in {@link #userBytes}, or -1 when it is {@link #user}'s (or absent). */
  private int[] userStart = new int[64];
  private int[] userLength = new int[64];
  /** The body the user-id ranges point into (one per event: the buffer holds one event at a time). */
  private byte[] userBytes;
  private final AsciiText userView = new AsciiText();
  /**
   * Names that passed {@link IngestRules} before, by reference, each in the slot of its hash (a
   * string is immutable, so a reference that passed once passes again): decoders hand out cached
   * strings, so most names are checked once per stream instead of once per event. Direct-mapped;
   * a collision only means checking again.
   */
  private final String[] validTenants = new String[VALID_SLOTS];
  private final String[] validNames = new String[VALID_SLOTS];
  private long[] startEpochMillis = new long[64];
  private double[] durationMs = new double[64];
  private boolean[] error = new boolean[64];
  private String[] dependency = new String[64];
  private byte[] kind = new byte[64];
  private int size;

  private static final byte REQUEST = 0;
  private static final byte DEPENDENCY = 1;
  private static final byte INTERNAL = 2;
  private static final int VALID_SLOTS = 1024;

  /** Number of buffered requests. */
  int size() {
    return size;
  }

  /** Drops all buffered requests (references are overwritten on reuse, not cleared). */
  void clear() {
    size = 0;
    userBytes = null;
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
    userStart[size] = -1;
    kind[size] = REQUEST;
    size++;
  }

  /**
   * Sets the user id of the request buffered last to {@code body[userFrom, userFrom + userCount)},
   * ASCII (a plain JSON string, {@link PlainJsonString}, or bytes {@link AsciiText#isAscii} passed);
   * the sink gets it as a view of those bytes. Every request of one event must point into the same
   * {@code body}.
   */
  void asciiUserOfLast(byte[] body, int userFrom, int userCount) {
    user[size - 1] = null;
    userStart[size - 1] = userFrom;
    userLength[size - 1] = userCount;
    userBytes = body;
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
   * checked once per reference while it stays in its slot of a small direct-mapped table (decoders
   * hand out cached strings, so a stream's few tenants and names are checked about once each).
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
          lastTenant = validTenant(tenant[i]);
        }
        if (service[i] != lastService) {
          lastService = validName("service", service[i]);
        }
        if (kind[i] != INTERNAL && operation[i] != lastOperation) {
          lastOperation = validName("operation", operation[i]);
        }
        if (kind[i] == DEPENDENCY) {
          validName("dependency", dependency[i]);
        }
      } catch (IllegalArgumentException e) {
        clear();
        throw e;
      }
    }
    for (int i = 0; i < n; i++) {
      if (kind[i] == REQUEST) {
        CharSequence u = userStart[i] < 0 ? user[i] : userView.set(userBytes, userStart[i], userLength[i]);
        sink.request(tenant[i], service[i], operation[i], startEpochMillis[i], durationMs[i], error[i], u);
      } else if (kind[i] == DEPENDENCY) {
        sink.dependency(tenant[i], service[i], dependency[i], operation[i], startEpochMillis[i], durationMs[i], error[i]);
      } else {
        sink.internalSpan(tenant[i], service[i]);
      }
    }
    clear();
    return n;
  }

  /** {@link IngestRules#requireTenantId}, skipped for a reference that passed before. */
  private String validTenant(String tenantId) {
    return passed(validTenants, tenantId) ? tenantId : remember(validTenants, IngestRules.requireTenantId(tenantId));
  }

  /** {@link IngestRules#requireName}, skipped for a reference that passed before. */
  private String validName(String field, String name) {
    return passed(validNames, name) ? name : remember(validNames, IngestRules.requireName(field, name));
  }

  /** Whether {@code value} (may be null) is in its slot of {@code table}: it passed its rule before. */
  private static boolean passed(String[] table, String value) {
    return value != null && table[value.hashCode() & (VALID_SLOTS - 1)] == value;
  }

  /** Puts {@code value}, which just passed its rule, in its slot of {@code table}. @return value */
  private static String remember(String[] table, String value) {
    table[value.hashCode() & (VALID_SLOTS - 1)] = value;
    return value;
  }

  private void grow() {
    int n = tenant.length * 2;
    tenant = Arrays.copyOf(tenant, n);
    service = Arrays.copyOf(service, n);
    operation = Arrays.copyOf(operation, n);
    user = Arrays.copyOf(user, n);
    userStart = Arrays.copyOf(userStart, n);
    userLength = Arrays.copyOf(userLength, n);
    startEpochMillis = Arrays.copyOf(startEpochMillis, n);
    durationMs = Arrays.copyOf(durationMs, n);
    error = Arrays.copyOf(error, n);
    dependency = Arrays.copyOf(dependency, n);
    kind = Arrays.copyOf(kind, n);
  }
}
