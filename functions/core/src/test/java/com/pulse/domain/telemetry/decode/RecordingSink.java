package com.pulse.domain.telemetry.decode;

import com.pulse.domain.telemetry.RequestSink;
import java.util.ArrayList;
import java.util.List;

/** Test sink that keeps every record it receives. */
final class RecordingSink implements RequestSink {
  /** One received request (the arguments of {@link RequestSink#request}). */
  record Request(String tenantId, String service, String operation, long startEpochMillis, double durationMs,
      boolean error, String userId) {}

  /** One received dependency call (the arguments of {@link RequestSink#dependency}). */
  record Dependency(String tenantId, String service, String dependency, String operation, long startEpochMillis,
      double durationMs, boolean error) {}

  final List<Request> requests = new ArrayList<>();
  final List<Dependency> dependencies = new ArrayList<>();
  final List<String> internalSpans = new ArrayList<>();

  @Override
  public void request(String tenantId, String service, String operation, long startEpochMillis, double durationMs,
      boolean error, CharSequence userId) {
    // the user id may be a view valid only during this call (RequestSink): keep a copy
    requests.add(new Request(tenantId, service, operation, startEpochMillis, durationMs, error,
        userId == null ? null : userId.toString()));
  }

  @Override
  public void dependency(String tenantId, String service, String dependency, String operation, long startEpochMillis,
      double durationMs, boolean error) {
    dependencies.add(new Dependency(tenantId, service, dependency, operation, startEpochMillis, durationMs, error));
  }

  @Override
  public void internalSpan(String tenantId, String service) {
    internalSpans.add(tenantId + "/" + service);
  }
}
