package com.pulse.domain.telemetry.internal.decode;

import com.pulse.domain.telemetry.IngestRules;
import com.pulse.domain.telemetry.log.LogSink;
import java.util.Arrays;

/**
 * The log records of one event, held until the whole event has decoded (all-or-nothing, like
 * {@link RequestBuffer}): column arrays reused across events, tenant and service filled in per
 * resource by {@link #attribute} (a {@code ResourceLogs} may carry its resource after its records).
 * Not thread-safe.
 */
final class LogBuffer {
  private String[] tenant = new String[64];
  private String[] service = new String[64];
  private int[] severity = new int[64];
  private long[] timeEpochMillis = new long[64];
  private String[] message = new String[64];
  private int size;

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  /** Buffers one record; tenant and service are filled by {@link #attribute}. */
  void add(int severityNumber, long timeMillis, String text) {
    if (size == tenant.length) {
      int n = size * 2;
      tenant = Arrays.copyOf(tenant, n);
      service = Arrays.copyOf(service, n);
      severity = Arrays.copyOf(severity, n);
      timeEpochMillis = Arrays.copyOf(timeEpochMillis, n);
      message = Arrays.copyOf(message, n);
    }
    tenant[size] = null;
    service[size] = null;
    severity[size] = severityNumber;
    timeEpochMillis[size] = timeMillis;
    message[size] = text;
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
   * Checks every record against {@link IngestRules} (tenant id, service name), then passes each to
   * {@code sink} in order and clears the buffer.
   *
   * @return the number of records passed
   * @throws IllegalArgumentException if a record breaks a rule (the dead-letter reason); the buffer is cleared
   */
  int flushTo(LogSink sink) {
    int n = size;
    String lastTenant = null;
    String lastService = null;
    try {
      for (int i = 0; i < n; i++) {
        if (tenant[i] != lastTenant) {
          lastTenant = IngestRules.requireTenantId(tenant[i]);
        }
        if (service[i] != lastService) {
          lastService = IngestRules.requireName("service", service[i]);
        }
      }
    } catch (IllegalArgumentException e) {
      size = 0;
      throw e;
    }
    for (int i = 0; i < n; i++) {
      sink.logRecord(tenant[i], service[i], severity[i], timeEpochMillis[i], message[i]);
    }
    size = 0;
    return n;
  }
}
