package com.pulse.domain.telemetry.decode;

import com.pulse.domain.telemetry.RequestSink;
import java.util.ArrayList;
import java.util.List;

/** Test sink that keeps every request it receives. */
final class RecordingSink implements RequestSink {
  /** One received request. */
  record Request(
      String tenantId,
      String service,
      String operation,
      long startEpochMillis,
      double durationMs,
      boolean error,
      String userId) {}

  final List<Request> requests = new ArrayList<>();

  @Override
  public void request(
      String tenantId,
      String service,
      String operation,
      long startEpochMillis,
      double durationMs,
      boolean error,
      String userId) {
    requests.add(
        new Request(tenantId, service, operation, startEpochMillis, durationMs, error, userId));
  }
}
