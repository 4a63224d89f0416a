package com.pulse.bench;

import com.pulse.app.telemetry.TelemetryEvent;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A seeded stream of requests over a chosen number of (tenant, service, operation) keys, as one
 * partition's events in the three body formats, plus the same requests as NDJSON for DuckDB.
 *
 * <p>Key {@code k} is tenant {@code k / 50}, service {@code (k / 10) % 5}, operation {@code k % 10}
 * (1,000 keys = 20 tenants × 5 services × 10 operations; 10 keys = one tenant, one service); each
 * request picks its key uniformly. Event times advance evenly over {@link #SPAN_MILLIS} (a live
 * partition, as many events per minute at the start as at the end) with up to 2 s of jitter; the
 * enqueued time is the last request's time plus 2.5 s, or the previous event's enqueued time if
 * that is later: Event Hubs stamps a partition's events in the order it accepts them, so their
 * enqueued times never go back (before 2026-12-01 15:40 they did, with the jitter, and `replay`
 * parsed a Capture time string per event instead of once per second). Latencies are lognormal (median 20 ms), 2 % errors,
 * 5,000 users. Pulse JSON: one request per event. OTLP: {@value #SPANS_PER_BODY} SERVER spans per
 * body, all of one resource (tenant, service), so an OTLP body touches at most 10 keys.
 */
final class KeyedCorpus {
  /** Event times span 10 minutes. */
  static final long SPAN_MILLIS = 600_000;
  /** Spans per OTLP request body. */
  static final int SPANS_PER_BODY = 20;
  private static final long BASE_MILLIS = Instant.parse("2026-11-21T05:00:00Z").toEpochMilli();

  /** One request of the corpus. */
  record Request(String tenant, String service, String operation, long startMillis, double durationMs,
      boolean error, String user) {}

  final int keys;
  final List<Request> requests;
  final List<TelemetryEvent> events;

  private KeyedCorpus(int keys, List<Request> requests, List<TelemetryEvent> events) {
    this.keys = keys;
    this.requests = requests;
    this.events = events;
  }

  /** {@code count} requests over {@code keys} keys in {@code format}. */
  static KeyedCorpus create(TelemetryDecodeBenchmark.Format format, int keys, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Request> requests = new ArrayList<>(count);
    int body = format == TelemetryDecodeBenchmark.Format.PULSE_JSON ? 1 : SPANS_PER_BODY;
    for (int i = 0; i < count; i += body) {
      int resourceKey = random.nextInt(keys);
      for (int j = i; j < Math.min(count, i + body); j++) {
        int k = body == 1 ? resourceKey : Math.min(keys - 1, resourceKey / 10 * 10 + random.nextInt(Math.min(10, keys)));
        long t = BASE_MILLIS + SPAN_MILLIS * j / count - random.nextLong(2_000);
        double latency = Math.exp(Math.log(20) + 0.8 * gaussian(random));
        requests.add(new Request(String.format(Locale.ROOT, "tenant-%05d", k / 50), "service-" + (k / 10) % 5,
            "GET /api/v1/op" + k % 10, t, Math.round(latency * 1000) / 1000.0, random.nextInt(50) == 0,
            String.format(Locale.ROOT, "user-%06d", random.nextInt(5_000))));
      }
    }
    List<TelemetryEvent> events = new ArrayList<>();
    long seq = 0;
    long lastEnqueued = Long.MIN_VALUE;
    for (int i = 0; i < count; i += body) {
      List<Request> part = requests.subList(i, Math.min(count, i + body));
      byte[] bytes = switch (format) {
        case PULSE_JSON -> pulseJson(part.get(0)).getBytes(StandardCharsets.UTF_8);
        case OTLP_JSON -> otlp(part, true);
        case OTLP_PROTOBUF -> otlp(part, false);
      };
      // the broker stamps events as they arrive: never earlier than the event before in the partition
      long enqueued = Math.max(lastEnqueued, part.get(part.size() - 1).startMillis() + 2_500);
      lastEnqueued = enqueued;
      events.add(new TelemetryEvent(bytes, seq, Long.toString(seq * 300), Instant.ofEpochMilli(enqueued),
          format.contentType, Map.of()));
      seq++;
    }
    return new KeyedCorpus(keys, requests, events);
  }

  private static String pulseJson(Request r) {
    return String.format(Locale.ROOT,
        "{\"tenantId\":\"%s\",\"service\":\"%s\",\"operation\":\"%s\",\"timestamp\":\"%s\","
            + "\"durationMs\":%s,\"status\":\"%s\",\"userId\":\"%s\"}",
        r.tenant(), r.service(), r.operation(), Instant.ofEpochMilli(r.startMillis()), r.durationMs(),
        r.error() ? "error" : "ok", r.user());
  }

  private static byte[] otlp(List<Request> part, boolean json) {
    Request first = part.get(0);
    Resource resource = Resource.create(Attributes.builder()
        .put("service.name", first.service()).put("tenant.id", first.tenant()).build());
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    try (SdkTracerProvider provider = SdkTracerProvider.builder().setResource(resource)
        .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
      Tracer tracer = provider.get("bench");
      for (Request r : part) {
        long startNanos = r.startMillis() * 1_000_000L;
        Span span = tracer.spanBuilder(r.operation()).setSpanKind(SpanKind.SERVER)
            .setStartTimestamp(startNanos, TimeUnit.NANOSECONDS)
            .setAttribute("http.response.status_code", r.error() ? 503L : 200L)
            .setAttribute("user.id", r.user()).startSpan();
        if (r.error()) {
          span.setStatus(StatusCode.ERROR);
        }
        span.end(startNanos + (long) (r.durationMs() * 1_000_000), TimeUnit.NANOSECONDS);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      TraceRequestMarshaler marshaler = TraceRequestMarshaler.create(exporter.getFinishedSpanItems());
      if (json) {
        marshaler.writeJsonTo(out);
      } else {
        marshaler.writeBinaryTo(out);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the requests as Pulse JSON lines (what DuckDB reads). */
  void writeNdjson(Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Request r : requests) {
        w.write(pulseJson(r));
        w.write('\n');
      }
    }
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
