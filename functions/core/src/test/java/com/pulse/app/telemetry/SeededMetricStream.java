package com.pulse.app.telemetry;

import static com.pulse.testing.OtlpMetricRequests.exponentialHistogram;
import static com.pulse.testing.OtlpMetricRequests.exponentialPoint;
import static com.pulse.testing.OtlpMetricRequests.gauge;
import static com.pulse.testing.OtlpMetricRequests.histogram;
import static com.pulse.testing.OtlpMetricRequests.histogramPoint;
import static com.pulse.testing.OtlpMetricRequests.point;
import static com.pulse.testing.OtlpMetricRequests.resource;
import static com.pulse.testing.OtlpMetricRequests.sum;

import com.pulse.testing.OtlpMetricRequests;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded partition of the metrics hub: OTLP requests (protobuf or JSON, with or without content
 * type) from three tenants with cumulative counters (several streams per series, resets by start
 * time), delta counters, gauges, cumulative explicit histograms and delta exponential histograms;
 * about 8% of points minutes late, about 6% of events truncated or without tenant. Values are whole
 * numbers, so sums are exact whatever the order of additions.
 */
final class SeededMetricStream {
  private static final long S = 1_000_000_000L;
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");

  private SeededMetricStream() {}

  static List<TelemetryEvent> events(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    Map<String, long[]> counters = new HashMap<>(); // stream → {start, value, lastTime}
    Map<String, long[]> histograms = new HashMap<>(); // stream → {start, lastTime, sum, c0, c1, c2, c3}
    List<TelemetryEvent> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant enqueued = T0.plusSeconds(2L * i);
      long nowNanos = enqueued.getEpochSecond() * S;
      String tenant = "t" + r.nextInt(3);
      boolean noTenant = r.nextInt(100) < 3;
      Resource res = resource("svc" + r.nextInt(2), noTenant ? null : tenant);
      List<MetricData> metrics = new ArrayList<>();
      long time = r.nextInt(100) < 8 ? nowNanos - (60 + r.nextInt(1800)) * S : nowNanos - r.nextInt(20) * S;
      for (int instance = 0; instance < 2; instance++) {
        String key = tenant + res.getAttribute(AttributeKey.stringKey("service.name")) + instance;
        long[] c = counters.computeIfAbsent(key, k -> new long[] {time - 30 * S, 0, 0});
        if (r.nextInt(100) < 4) {
          c[0] = time - S;
          c[1] = 0;
        }
        c[1] += r.nextInt(6);
        Attributes a = Attributes.of(ROUTE, "/r" + instance, AttributeKey.stringKey("pod"), "p" + instance);
        metrics.add(sum(res, "requests", "{request}", true, true, point(c[0], time, a, c[1])));
      }
      metrics.add(sum(res, "bytes", "By", false, true, point(time - S, time, Attributes.empty(), r.nextInt(1000))));
      metrics.add(gauge(res, "queue.depth", "1", point(0, time, Attributes.empty(), r.nextInt(50))));
      long[] h = histograms.computeIfAbsent(tenant + res, k -> new long[] {time - 10 * S, 0, 0, 0, 0, 0, 0});
      long added = 1 + r.nextInt(5);
      for (int v = 0; v < added; v++) {
        int value = 1 + r.nextInt(2000);
        h[2] += value;
        h[value <= 10 ? 3 : value <= 100 ? 4 : value <= 1000 ? 5 : 6]++;
      }
      metrics.add(histogram(res, "db.duration", "ms", true, histogramPoint(h[0], time, Attributes.empty(), h[2], 1, 2000,
          List.of(10.0, 100.0, 1000.0), List.of(h[3], h[4], h[5], h[6]))));
      List<Long> buckets = Arrays.asList((long) r.nextInt(4), (long) r.nextInt(4), 1L);
      long count = buckets.stream().mapToLong(Long::longValue).sum();
      metrics.add(exponentialHistogram(res, "rpc.duration", "ms", false,
          exponentialPoint(time - S, time, Attributes.empty(), 2, 7 * count, 0, 5, 9, 9 + r.nextInt(4), buckets)));
      boolean json = r.nextBoolean();
      byte[] body = json ? OtlpMetricRequests.json(metrics) : OtlpMetricRequests.protobuf(metrics);
      if (r.nextInt(100) < 3) {
        body = Arrays.copyOf(body, Math.max(1, body.length - 1 - r.nextInt(body.length / 2)));
      }
      String contentType = r.nextBoolean() ? null : json ? "application/json" : "application/x-protobuf";
      events.add(OtlpMetricRequests.event(100 + i, enqueued, body, contentType));
    }
    return events;
  }
}
