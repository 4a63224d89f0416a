package com.pulse.bench;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A seeded benchmark corpus of event bodies holding exactly {@link #REQUESTS} requests in each
 * format: Pulse JSON (one ~250-byte event per body), and OTLP protobuf / OTLP/JSON (requests of 50 to
 * 200 SERVER/CONSUMER spans, one resource each, produced by the OpenTelemetry SDK and serialized by
 * its OTLP marshaler). 40 tenants with Zipf-like skew, 4 services, 12 routes, 5,000 users, lognormal
 * latencies, ~2% errors, event times spread over {@link #EVENT_TIME_SPAN_MILLIS} (a live partition:
 * a batch holds recent events, so few minute windows are active at once).
 */
final class TelemetryCorpus {
  /** Span counts of the OTLP requests, cycled: sum 725 per cycle. */
  private static final int[] SPANS_PER_REQUEST = {50, 80, 125, 160, 200, 110};
  /** Requests (events or spans) in every corpus: 8 cycles of 725. */
  static final int REQUESTS = 5_800;

  /** Event times are uniform over this span: 2 minutes. */
  static final long EVENT_TIME_SPAN_MILLIS = 120_000;

  private static final long BASE_MILLIS = Instant.parse("2026-11-21T05:00:00Z").toEpochMilli();
  private static final String[] SERVICES = {"checkout-api", "search-api", "catalog-svc", "billing-worker"};
  private static final String[] ROUTES = {
    "/api/v1/orders", "/api/v1/orders/{orderId}", "/api/v1/orders/{orderId}/items",
    "/api/v1/search", "/api/v1/products/{sku}", "/api/v1/cart", "/api/v1/cart/items/{itemId}",
    "/api/v1/payments", "/api/v1/invoices/{invoiceId}", "/health", "/api/v1/users/{userId}",
    "/api/v1/recommendations"
  };

  private final SplittableRandom random;

  TelemetryCorpus(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** {@link #REQUESTS} Pulse JSON bodies, one event each. */
  byte[][] pulseJson() {
    byte[][] bodies = new byte[REQUESTS][];
    for (int i = 0; i < REQUESTS; i++) {
      long t = BASE_MILLIS + random.nextLong(EVENT_TIME_SPAN_MILLIS);
      String json = String.format(Locale.ROOT,
          "{\"tenantId\":\"%s\",\"service\":\"%s\",\"operation\":\"%s\",\"timestamp\":\"%s\","
              + "\"durationMs\":%.3f,\"status\":\"%s\",\"userId\":\"%s\",\"traceparent\":\"00-%032x-%016x-01\"}",
          tenant(), service(), "GET " + route(), Instant.ofEpochMilli(t), latencyMs(),
          random.nextInt(50) == 0 ? "error" : "ok", user(), random.nextLong() & Long.MAX_VALUE,
          random.nextLong());
      bodies[i] = json.getBytes(StandardCharsets.UTF_8);
    }
    return bodies;
  }

  /** OTLP requests holding {@link #REQUESTS} spans; {@code json} selects OTLP/JSON over protobuf. */
  byte[][] otlp(boolean json) {
    int requests = 8 * SPANS_PER_REQUEST.length;
    byte[][] bodies = new byte[requests][];
    for (int r = 0; r < requests; r++) {
      Resource resource = Resource.create(Attributes.builder()
          .put("service.name", service())
          .put("service.version", "1.4." + random.nextInt(10))
          .put("tenant.id", tenant())
          .put("host.name", "vm-" + random.nextInt(100))
          .put("telemetry.sdk.language", "java")
          .build());
      InMemorySpanExporter exporter = InMemorySpanExporter.create();
      List<SpanData> spans;
      try (SdkTracerProvider provider = SdkTracerProvider.builder().setResource(resource)
          .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
        Tracer tracer = provider.get("io.opentelemetry.tomcat-10.0", "2.10.0");
        for (int s = 0; s < SPANS_PER_REQUEST[r % SPANS_PER_REQUEST.length]; s++) {
          long startNanos = (BASE_MILLIS + random.nextLong(EVENT_TIME_SPAN_MILLIS)) * 1_000_000L + random.nextInt(1_000_000);
          String route = route();
          boolean error = random.nextInt(50) == 0;
          Span span = tracer.spanBuilder("GET " + route)
              .setSpanKind(random.nextInt(10) == 0 ? SpanKind.CONSUMER : SpanKind.SERVER)
              .setStartTimestamp(startNanos, TimeUnit.NANOSECONDS)
              .setAttribute("http.request.method", "GET")
              .setAttribute("http.route", route)
              .setAttribute("url.path", route.replace("{", "").replace("}", ""))
              .setAttribute("http.response.status_code", error ? 503L : 200L)
              .setAttribute("user.id", user())
              .startSpan();
          if (error) {
            span.setStatus(StatusCode.ERROR);
          }
          span.end(startNanos + (long) (latencyMs() * 1_000_000), TimeUnit.NANOSECONDS);
        }
        spans = exporter.getFinishedSpanItems(); // before close(): shutdown empties the exporter
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        TraceRequestMarshaler marshaler = TraceRequestMarshaler.create(spans);
        if (json) {
          marshaler.writeJsonTo(out);
        } else {
          marshaler.writeBinaryTo(out);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bodies[r] = out.toByteArray();
    }
    return bodies;
  }

  private String tenant() {
    // skewed: tenant k with probability ~ 1/(k+1)
    int k = (int) Math.floor(Math.exp(random.nextDouble() * Math.log(41))) - 1;
    return String.format(Locale.ROOT, "tenant-%03d", Math.min(k, 39));
  }

  private String service() {
    return SERVICES[random.nextInt(SERVICES.length)];
  }

  private String route() {
    return ROUTES[random.nextInt(ROUTES.length)];
  }

  private String user() {
    return String.format(Locale.ROOT, "user-%06d", random.nextInt(5_000));
  }

  private double latencyMs() {
    // lognormal, median ~20 ms
    return Math.exp(Math.log(20) + 0.8 * gaussian());
  }

  private double gaussian() {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
