package com.pulse.cli;

import com.google.protobuf.ByteString;
import com.pulse.adapter.capture.CaptureAvro;
import com.pulse.app.telemetry.TelemetryEvent;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded synthetic telemetry written as Event Hubs Capture Avro files, one file per partition and
 * hour under {@code <dir>/pulse/telemetry/<partition>/yyyy/MM/dd/HH/00/00.avro} (the default
 * Capture path layout). Same seed and options, same bytes.
 *
 * <ul>
 *   <li>tenants with Zipf-skewed sizes (weight of tenant {@code k} ∝ 1/k), routed to a partition by
 *       tenant (the producer's partition key);
 *   <li>diurnal load: events per minute ∝ {@code 1 + 0.6·sin(2π(h − 9)/24)} of the UTC hour {@code h};
 *   <li>log-normal latencies per operation; error bursts (5-minute spans with 30% errors on one
 *       service), 1% errors otherwise; 2% of requests arrive 2–10 minutes late;
 *   <li>about 70% Pulse JSON events (arrays of 1–10 requests) and 30% OTLP protobuf
 *       {@code ExportTraceServiceRequest}s of 5–40 spans (SERVER spans are requests; some CLIENT spans, database and HTTP dependency calls),
 *       built with the {@code io.opentelemetry.proto} builders;
 *   <li>about 0.5% malformed events (truncated JSON, missing tenant, unsupported content type).
 * </ul>
 * Not thread-safe.
 */
public final class TelemetryGenerator {
  private static final String[][] SERVICES = {
    {"checkout", "POST /orders", "GET /orders/{id}", "POST /payments"},
    {"catalog", "GET /products", "GET /products/{id}"},
    {"search", "GET /search"},
    {"auth", "POST /token", "GET /userinfo"},
  };

  /**
   * Options.
   *
   * @param seed random seed
   * @param start first minute (UTC)
   * @param duration length of the stream
   * @param partitions number of partitions, {@code >= 1}
   * @param tenants number of tenants, {@code >= 1}
   * @param eventsPerMinute mean events per minute over all partitions at average load, {@code >= 1}
   */
  public record Options(long seed, Instant start, Duration duration, int partitions, int tenants, int eventsPerMinute) {
    /** @throws IllegalArgumentException if a count is below 1 or the duration is not positive */
    public Options {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(duration, "duration");
      if (partitions < 1 || tenants < 1 || eventsPerMinute < 1 || duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("partitions, tenants, eventsPerMinute must be >= 1 and duration > 0");
      }
    }
  }

  /**
   * Written files and counts.
   *
   * @param files Capture files written
   * @param events events written
   * @param requests countable requests in well-formed events (SERVER spans and Pulse JSON events)
   * @param malformed events that must be dead-lettered
   */
  public record Output(List<Path> files, long events, long requests, long malformed) {}

  /**
   * A seeded outage: requests of one tenant to one service fail at {@code errorRate} during
   * {@code [from, to)} (the demo's known outage for the SLO burn-rate alerts).
   *
   * @param tenant tenant index ({@code tenant-<index>})
   * @param service service name, e.g. {@code checkout}
   * @param from first affected instant
   * @param to end (exclusive)
   * @param errorRate failing fraction of the affected requests, 0..1
   */
  public record Outage(int tenant, String service, Instant from, Instant to, double errorRate) {}

  private final Options options;
  private final List<Outage> outages;
  private final SplittableRandom random;
  private final double[] tenantCdf;
  private int currentTenant = -1;

  /** @throws NullPointerException if {@code options} is null */
  public TelemetryGenerator(Options options) {
    this(options, List.of());
  }

  /**
   * A generator with seeded outages; without outages the stream is the same as {@link #TelemetryGenerator(Options)}'s.
   *
   * @throws NullPointerException if an argument is null
   */
  public TelemetryGenerator(Options options, List<Outage> outages) {
    this.outages = List.copyOf(outages);
    this.options = Objects.requireNonNull(options, "options");
    this.random = new SplittableRandom(options.seed());
    this.tenantCdf = new double[options.tenants()];
    double sum = 0;
    for (int k = 0; k < options.tenants(); k++) {
      sum += 1.0 / (k + 1);
      tenantCdf[k] = sum;
    }
    for (int k = 0; k < tenantCdf.length; k++) {
      tenantCdf[k] /= sum;
    }
  }

  /**
   * Generates the stream and writes it under {@code dir}.
   *
   * @throws java.io.UncheckedIOException if a file cannot be written
   */
  public Output writeTo(Path dir) {
    int parts = options.partitions();
    List<List<TelemetryEvent>> hourBuffers = new ArrayList<>();
    long[] sequence = new long[parts];
    long[] offset = new long[parts];
    long[] lastEnqueued = new long[parts];
    for (int p = 0; p < parts; p++) {
      hourBuffers.add(new ArrayList<>());
    }
    List<Path> files = new ArrayList<>();
    long events = 0;
    long requests = 0;
    long malformed = 0;
    long minutes = options.duration().toMinutes();
    long startMinute = options.start().toEpochMilli() / 60_000 * 60_000;
    int burstService = -1;
    long burstUntil = 0;
    for (long m = 0; m < Math.max(1, minutes); m++) {
      long minuteStart = startMinute + m * 60_000;
      if (minuteStart >= burstUntil && random.nextInt(30) == 0) {
        burstService = random.nextInt(SERVICES.length);
        burstUntil = minuteStart + 5 * 60_000;
      }
      int hour = ZonedDateTime.ofInstant(Instant.ofEpochMilli(minuteStart), ZoneOffset.UTC).getHour();
      double load = 1 + 0.6 * Math.sin(2 * Math.PI * (hour - 9) / 24.0);
      int n = (int) Math.round(options.eventsPerMinute() * load * (0.9 + 0.2 * random.nextDouble()));
      for (int i = 0; i < n; i++) {
        int tenant = tenant();
        int p = Math.floorMod(("tenant-" + tenant).hashCode(), parts);
        long enqueued = Math.max(lastEnqueued[p], minuteStart + random.nextInt(60_000));
        lastEnqueued[p] = enqueued;
        boolean burst = minuteStart < burstUntil;
        Body body = body(tenant, enqueued, burst ? burstService : -1);
        requests += Math.max(0, body.requests);
        malformed += body.requests < 0 ? 1 : 0;
        TelemetryEvent event = new TelemetryEvent(body.bytes, sequence[p]++, Long.toString(offset[p]), Instant.ofEpochMilli(enqueued),
            body.contentType, Map.of("content-type", body.contentType, "producer", "pulse-generator"));
        offset[p] += body.bytes.length;
        hourBuffers.get(p).add(event);
        events++;
      }
      boolean lastMinute = m == Math.max(1, minutes) - 1;
      if ((minuteStart + 60_000) % 3_600_000 == 0 || lastMinute) {
        for (int p = 0; p < parts; p++) {
          List<TelemetryEvent> buffer = hourBuffers.get(p);
          if (!buffer.isEmpty()) {
            ZonedDateTime t = ZonedDateTime.ofInstant(buffer.get(0).enqueuedTime(), ZoneOffset.UTC);
            Path file = dir.resolve(String.format("pulse/telemetry/%d/%04d/%02d/%02d/%02d/00/00.avro",
                p, t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour()));
            CaptureAvro.write(file, buffer);
            files.add(file);
            buffer.clear();
          }
        }
      }
    }
    return new Output(files, events, requests, malformed);
  }

  private double outageRate(int service, long enqueuedMillis) {
    for (Outage o : outages) {
      if (o.tenant() == currentTenant && o.service().equals(SERVICES[service][0])
          && enqueuedMillis >= o.from().toEpochMilli() && enqueuedMillis < o.to().toEpochMilli()) {
        return o.errorRate();
      }
    }
    return 0;
  }

  private int tenant() {
    double u = random.nextDouble();
    for (int k = 0; k < tenantCdf.length; k++) {
      if (u <= tenantCdf[k]) {
        return k;
      }
    }
    return tenantCdf.length - 1;
  }

  private record Body(byte[] bytes, String contentType, int requests) {}

  private Body body(int tenant, long enqueued, int burstService) {
    currentTenant = tenant;
    int roll = random.nextInt(1000);
    if (roll < 2) {
      return new Body("{\"tenantId\":\"tenant-1\",\"service\":\"checkout\",\"oper".getBytes(StandardCharsets.UTF_8), "application/json", -1);
    }
    if (roll < 4) {
      return new Body(("{\"service\":\"search\",\"operation\":\"GET /search\",\"timestamp\":" + enqueued
          + ",\"durationMs\":12,\"status\":\"ok\"}").getBytes(StandardCharsets.UTF_8), "application/json", -1);
    }
    if (roll < 5) {
      return new Body("<event/>".getBytes(StandardCharsets.UTF_8), "application/xml", -1);
    }
    return roll < 700 ? pulseJson(tenant, enqueued, burstService) : otlp(tenant, enqueued, burstService);
  }

  private Body pulseJson(int tenant, long enqueued, int burstService) {
    int n = 1 + random.nextInt(10);
    StringBuilder sb = new StringBuilder(n * 260).append('[');
    for (int j = 0; j < n; j++) {
      Request r = request(enqueued, burstService);
      if (j > 0) {
        sb.append(',');
      }
      sb.append("{\"tenantId\":\"tenant-").append(tenant)
          .append("\",\"service\":\"").append(SERVICES[r.service][0])
          .append("\",\"operation\":\"").append(r.operation)
          .append("\",\"timestamp\":\"").append(Instant.ofEpochMilli(r.startMillis))
          .append("\",\"durationMs\":").append(r.durationMs)
          .append(",\"status\":\"").append(r.error ? "error" : "ok")
          .append("\",\"userId\":\"user-").append(tenant).append('-').append(random.nextInt(50 + 400 / (tenant + 1)))
          .append("\",\"traceparent\":\"00-").append(hex(16)).append('-').append(hex(8)).append("-01\"}");
    }
    return new Body(sb.append(']').toString().getBytes(StandardCharsets.UTF_8), "application/json", n);
  }

  private Body otlp(int tenant, long enqueued, int burstService) {
    Request first = request(enqueued, burstService);
    int service = first.service;
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    int n = 5 + random.nextInt(36);
    int counted = 0;
    for (int j = 0; j < n; j++) {
      Request r = j == 0 ? first : request(enqueued, burstService, service);
      boolean client = random.nextInt(5) == 0;
      long startNanos = r.startMillis * 1_000_000L;
      Span.Builder span = Span.newBuilder()
          .setTraceId(ByteString.copyFrom(bytes(16)))
          .setSpanId(ByteString.copyFrom(bytes(8)))
          .setName(client ? (r.durationMs > 20 ? "SELECT orders" : "GET") : r.operation)
          .setKind(client ? Span.SpanKind.SPAN_KIND_CLIENT : Span.SpanKind.SPAN_KIND_SERVER)
          .setStartTimeUnixNano(startNanos)
          .setEndTimeUnixNano(startNanos + Math.round(r.durationMs * 1_000_000))
          .addAttributes(attr("http.route", r.operation))
          .addAttributes(KeyValue.newBuilder().setKey("http.response.status_code")
              .setValue(AnyValue.newBuilder().setIntValue(r.error ? 503 : 200)))
          .addAttributes(attr("user.id", "user-" + tenant + "-" + random.nextInt(50 + 400 / (tenant + 1))));
      if (client && r.durationMs > 20) { // a database call (semantic conventions: db.system.name, db.namespace)
        span.addAttributes(attr("db.system.name", "postgresql")).addAttributes(attr("db.namespace", "shop"));
      } else if (client) { // an outgoing HTTP call
        span.addAttributes(attr("server.address", "payments.internal"));
      }
      if (r.error && random.nextBoolean()) {
        span.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR));
      }
      scope.addSpans(span);
      counted += client ? 0 : 1;
    }
    ExportTraceServiceRequest request = ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder()
            .setResource(Resource.newBuilder()
                .addAttributes(attr("service.name", SERVICES[service][0]))
                .addAttributes(attr("tenant.id", "tenant-" + tenant)))
            .addScopeSpans(scope))
        .build();
    return new Body(request.toByteArray(), "application/x-protobuf", counted);
  }

  private record Request(int service, String operation, long startMillis, double durationMs, boolean error) {}

  private Request request(long enqueued, int burstService) {
    return request(enqueued, burstService, random.nextInt(SERVICES.length));
  }

  private Request request(long enqueued, int burstService, int service) {
    int op = 1 + random.nextInt(SERVICES[service].length - 1);
    double mu = 2.5 + service * 0.5 + op * 0.3; // median e^mu ms
    double durationMs = Math.round(Math.exp(mu + 0.8 * random.nextGaussian()) * 1000) / 1000.0;
    boolean error = random.nextDouble() < Math.max(service == burstService ? 0.30 : 0.01, outageRate(service, enqueued));
    long lag = random.nextInt(100) < 2 ? 120_000 + random.nextInt(480_000) : random.nextInt(3_000);
    return new Request(service, SERVICES[service][op], enqueued - lag - Math.round(durationMs), durationMs, error);
  }

  private static KeyValue attr(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) random.nextInt(256);
    }
    b[0] |= 1; // never all-zero (invalid trace/span id)
    return b;
  }

  private String hex(int n) {
    return java.util.HexFormat.of().formatHex(bytes(n));
  }
}
