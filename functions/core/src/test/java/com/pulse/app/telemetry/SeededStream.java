package com.pulse.app.telemetry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded synthetic partition of Pulse JSON events for tests: several tenants/services/operations,
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
}
