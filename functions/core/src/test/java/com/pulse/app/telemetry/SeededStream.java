package com.pulse.app.telemetry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded synthetic partition of Pulse JSON events and OTLP/JSON span requests (requests,
 * dependency calls, internal spans; with and without content type) for tests: several tenants/services/operations,
 * enqueued times advancing a few seconds per event, event times mostly just before enqueue and
 * sometimes minutes late, log-normal latencies, errors, users, and a few malformed bodies.
 * Latencies are multiples of 1/8 ms so latency sums are exact in binary floating point whatever the
 * order of addition (lets tests compare {@code latencySumMs} exactly).
 */
final class SeededStream {
  static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

  private SeededStream() {}

  static List<TelemetryEvent> events(long seed, int count) {
    SplittableRandom r = new SplittableRandom(seed);
    List<TelemetryEvent> events = new ArrayList<>(count);
    long enqueued = START.toEpochMilli();
    for (int i = 0; i < count; i++) {
      enqueued += r.nextInt(0, 8_000);
      String contentType = "application/json";
      byte[] body;
      int kind = r.nextInt(100);
      if (kind < 3) {
        body = "{\"tenantId\":\"t1\",\"service\":".getBytes(StandardCharsets.UTF_8); // truncated JSON
      } else if (kind < 5) {
        body = "{\"service\":\"api\",\"operation\":\"GET /\",\"timestamp\":1,\"durationMs\":1,\"status\":\"ok\"}"
            .getBytes(StandardCharsets.UTF_8); // no tenant
      } else if (kind < 6) {
        body = new byte[] {1, 2, 3};
        contentType = "application/octet-stream";
      } else if (kind < 20) {
        body = otlpJson(r, enqueued).getBytes(StandardCharsets.UTF_8);
        contentType = r.nextBoolean() ? "application/json" : null; // the Collector's kafka exporter sets none
      } else {
        int n = 1 + r.nextInt(4);
        StringBuilder sb = new StringBuilder("[");
        for (int j = 0; j < n; j++) {
          long lag = r.nextInt(100) < 8 ? r.nextLong(60_000, 1_800_000) : r.nextLong(0, 20_000);
          double latency = Math.round(Math.exp(3 + r.nextGaussian() * 1.2) * 8) / 8.0;
          if (j > 0) {
            sb.append(',');
          }
          sb.append("{\"tenantId\":\"t").append(r.nextInt(3))
              .append("\",\"service\":\"svc").append(r.nextInt(2))
              .append("\",\"operation\":\"op").append(r.nextInt(3))
              .append("\",\"timestamp\":").append(enqueued - lag)
              .append(",\"durationMs\":").append(latency)
              .append(",\"status\":\"").append(r.nextInt(100) < 7 ? "error" : "ok").append('"');
          if (r.nextBoolean()) {
            sb.append(",\"userId\":\"u").append(r.nextInt(200)).append('"');
          }
          sb.append('}');
        }
        body = sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
      }
      events.add(new TelemetryEvent(body, 1000 + i, Long.toString(i * 512L), Instant.ofEpochMilli(enqueued), contentType, Map.of()));
    }
    return events;
  }

  /** An OTLP/JSON request with spans of kind SERVER, CLIENT (database or HTTP dependency) and INTERNAL. */
  private static String otlpJson(SplittableRandom r, long enqueued) {
    StringBuilder sb = new StringBuilder("{\"resourceSpans\":[{\"resource\":{\"attributes\":[")
        .append("{\"key\":\"tenant.id\",\"value\":{\"stringValue\":\"t").append(r.nextInt(3)).append("\"}},")
        .append("{\"key\":\"service.name\",\"value\":{\"stringValue\":\"svc").append(r.nextInt(2))
        .append("\"}}]},\"scopeSpans\":[{\"spans\":[");
    int n = 1 + r.nextInt(4);
    for (int j = 0; j < n; j++) {
      long startNanos = (enqueued - (r.nextInt(100) < 8 ? r.nextLong(60_000, 1_800_000) : r.nextLong(0, 20_000))) * 1_000_000L;
      long latencyNanos = Math.round(Math.exp(2 + r.nextGaussian()) * 8) * 125_000L; // multiples of 1/8 ms
      int kind = new int[] {1, 2, 3, 3}[r.nextInt(4)];
      String attribute = r.nextBoolean()
          ? "{\"key\":\"db.system.name\",\"value\":{\"stringValue\":\"postgresql\"}}"
          : "{\"key\":\"server.address\",\"value\":{\"stringValue\":\"api.example.com\"}}";
      if (j > 0) {
        sb.append(',');
      }
      sb.append("{\"name\":\"call").append(r.nextInt(2)).append("\",\"kind\":").append(kind)
          .append(",\"startTimeUnixNano\":\"").append(startNanos).append("\",\"endTimeUnixNano\":\"")
          .append(startNanos + latencyNanos).append("\",\"attributes\":[").append(attribute).append("]")
          .append(r.nextInt(100) < 7 ? ",\"status\":{\"code\":2}" : "").append('}');
    }
    return sb.append("]}]}]}").toString();
  }
}
