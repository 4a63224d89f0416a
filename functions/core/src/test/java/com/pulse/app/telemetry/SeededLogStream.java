package com.pulse.app.telemetry;

import com.pulse.domain.telemetry.log.OtlpLogs;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded stream of logs-hub events: OTLP protobuf {@code ExportLogsServiceRequest}s (built with the
 * opentelemetry-proto classes) of three tenants and three services each over a few minutes, every
 * severity (ERROR/FATAL heavy, so that series exceed their template bound), ERROR/FATAL bodies from 14 message shapes (more than a series keeps), some records late
 * or out of range, and a few bad events (no tenant, garbage, a traces body, empty).
 */
final class SeededLogStream {
  static final Instant START = Instant.parse("2026-11-21T10:00:00Z");
  private static final String[] TENANTS = {"contoso", "fabrikam", "tailspin"};
  private static final String[] SHAPES = {
    "order %d failed", "payment %d declined by 'bank-%d'", "timeout after %dms", "user %d not found",
    "db connection %d reset", "cache miss for key-%d", "retry %d of 5", "queue %d full", "token %d expired",
    "disk %d%% full", "shard %d unavailable", "lock %d held too long", "GC pause %dms", "socket %d closed",
  };

  private SeededLogStream() {}

  static List<TelemetryEvent> events(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    List<TelemetryEvent> events = new ArrayList<>(n);
    long enqueued = START.toEpochMilli();
    for (int i = 0; i < n; i++) {
      enqueued += r.nextInt(4_000);
      byte[] body;
      int kind = r.nextInt(100);
      if (kind < 3) {
        body = "garbage".getBytes(StandardCharsets.UTF_8);
      } else if (kind < 5) {
        body = OtlpLogs.request(null, "svc", OtlpLogs.record(17, "x", enqueued * 1_000_000L)).toByteArray();
      } else if (kind < 6) {
        body = new byte[0];
      } else {
        body = request(r, enqueued).toByteArray();
      }
      events.add(new TelemetryEvent(body, 1_000 + i, Long.toString(i * 512L), Instant.ofEpochMilli(enqueued),
          kind < 50 ? "application/x-protobuf" : null, Map.of()));
    }
    return events;
  }

  private static ExportLogsServiceRequest request(SplittableRandom r, long enqueuedMillis) {
    String tenant = TENANTS[r.nextInt(TENANTS.length)];
    String service = "svc-" + r.nextInt(3);
    int records = 1 + r.nextInt(8);
    LogRecord[] out = new LogRecord[records];
    for (int j = 0; j < records; j++) {
      int p = r.nextInt(100);
      int severity = p < 2 ? 30 : p < 40 ? 17 + r.nextInt(8) : r.nextInt(25); // 30: out of range
      long ageMillis = r.nextInt(100) < 10 ? 60_000L * (3 + r.nextInt(10)) : r.nextInt(5_000); // some late
      String body = String.format(SHAPES[r.nextInt(SHAPES.length)], r.nextInt(1000), r.nextInt(9));
      out[j] = OtlpLogs.record(severity, body, (enqueuedMillis - ageMillis) * 1_000_000L);
    }
    return OtlpLogs.request(tenant, service, out);
  }
}
