package com.pulse.cli;

import com.pulse.adapter.capture.CaptureAvro;
import com.pulse.app.telemetry.TelemetryEvent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleGauge;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.exporter.internal.otlp.metrics.MetricsRequestMarshaler;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentSelector;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.View;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import io.opentelemetry.sdk.resources.Resource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded synthetic OTLP metrics made by the real OpenTelemetry Java SDK ({@link SdkMeterProvider}
 * driven by a simulated clock, collected every 60 s like a periodic reader, serialized by the SDK's
 * OTLP marshaler) and written as Event Hubs Capture Avro files of the metrics hub under
 * {@code <dir>/pulse/otlp_metrics/<partition>/yyyy/MM/dd/HH/00/00.avro}, shaped as the Collector's
 * kafka exporter writes them: no content type, {@code otlp_proto} or {@code otlp_json}, one partition
 * per resource ({@code partition_metrics_by_resource_attributes}).
 *
 * <p>Per tenant (at most {@value #MAX_TENANTS}) and service, two instances: one exports CUMULATIVE
 * temporality as protobuf, the other DELTA as JSON. Instruments: counter {@code app.orders.placed},
 * gauges {@code process.cpu.utilization} and {@code jvm.memory.used} ({@code jvm.memory.type}),
 * explicit histogram {@code http.server.request.duration} (s, the semantic-conventions buckets,
 * {@code http.route}) and exponential histogram {@code db.client.operation.duration} (s,
 * {@code db.system.name}, {@code db.operation.name}). The cumulative instance restarts once an hour
 * (a reset by start time). Same seed, same bytes. Not thread-safe.
 */
public final class MetricsGenerator {
  /** Tenants that send metrics. */
  public static final int MAX_TENANTS = 4;
  private static final String[] SERVICES = {"checkout", "catalog"};
  private static final String[] ROUTES = {"/orders", "/orders/{id}", "/products"};
  private static final List<Double> HTTP_BUCKETS =
      List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);

  /**
   * Written files and counts.
   *
   * @param files Capture files written
   * @param events events (one OTLP request per instance and collection)
   * @param ordersPlaced the true total of {@code app.orders.placed} per tenant (what the windows must add up to)
   */
  public record Output(List<Path> files, long events, Map<String, Long> ordersPlaced) {}

  private final TelemetryGenerator.Options options;
  private final SplittableRandom random;
  private final Map<String, Long> ordersPlaced = new java.util.TreeMap<>();

  /** @param options the stream's seed, start, duration, partitions and tenants */
  public MetricsGenerator(TelemetryGenerator.Options options) {
    this.options = options;
    this.random = new SplittableRandom(options.seed() * 31 + 7);
  }

  /**
   * Generates and writes the stream under {@code dir}.
   *
   * @throws UncheckedIOException if a file cannot be written
   */
  public Output writeTo(Path dir) {
    int parts = options.partitions();
    SimulatedClock clock = new SimulatedClock(options.start().toEpochMilli() * 1_000_000L);
    List<Instance> instances = new ArrayList<>();
    for (int t = 0; t < Math.min(MAX_TENANTS, options.tenants()); t++) {
      for (String service : SERVICES) {
        for (int i = 0; i < 2; i++) {
          instances.add(new Instance("tenant-" + t, service, i, i == 0, clock));
        }
      }
    }
    List<List<TelemetryEvent>> buffers = new ArrayList<>();
    long[] sequence = new long[parts];
    for (int p = 0; p < parts; p++) {
      buffers.add(new ArrayList<>());
    }
    List<Path> files = new ArrayList<>();
    long events = 0;
    long minutes = Math.max(1, options.duration().toMinutes());
    for (long m = 0; m < minutes; m++) {
      for (int second = 0; second < 60; second += 5) {
        clock.nanos = (options.start().toEpochMilli() + m * 60_000 + second * 1000L) * 1_000_000L;
        instances.forEach(this::record);
      }
      clock.nanos = (options.start().toEpochMilli() + (m + 1) * 60_000 - 500) * 1_000_000L;
      for (Instance instance : instances) {
        byte[] body = instance.collect();
        if (body.length == 0) {
          continue;
        }
        int p = Math.floorMod(instance.resource.getAttributes().hashCode(), parts);
        Instant enqueued = Instant.ofEpochMilli(clock.nanos / 1_000_000L + 200 + random.nextInt(300));
        buffers.get(p).add(new TelemetryEvent(body, sequence[p]++, Long.toString(sequence[p] * 4096), enqueued, null,
            Map.of("producer", "otelcol-kafka-exporter")));
        events++;
        if (instance.cumulative && (m + 1) % 60 == 30) {
          instance.restart(clock);
        }
      }
      long minuteEnd = options.start().toEpochMilli() + (m + 1) * 60_000;
      if (minuteEnd % 3_600_000 == 0 || m == minutes - 1) {
        for (int p = 0; p < parts; p++) {
          List<TelemetryEvent> buffer = buffers.get(p);
          if (!buffer.isEmpty()) {
            buffer.sort(java.util.Comparator.comparing(TelemetryEvent::enqueuedTime));
            List<TelemetryEvent> ordered = new ArrayList<>();
            long first = buffer.stream().mapToLong(TelemetryEvent::sequenceNumber).min().orElseThrow();
            for (TelemetryEvent e : buffer) {
              ordered.add(new TelemetryEvent(e.body(), first + ordered.size(), e.offset(), e.enqueuedTime(), null,
                  e.properties()));
            }
            ZonedDateTime t = ZonedDateTime.ofInstant(ordered.get(0).enqueuedTime(), ZoneOffset.UTC);
            Path file = dir.resolve(String.format("pulse/%s/%d/%04d/%02d/%02d/%02d/00/00.avro", TelemetryReplay.METRICS_HUB,
                p, t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour()));
            CaptureAvro.write(file, ordered);
            files.add(file);
            buffer.clear();
          }
        }
      }
    }
    instances.forEach(Instance::close);
    return new Output(files, events, Map.copyOf(ordersPlaced));
  }

  private void record(Instance i) {
    Attributes route = Attributes.of(AttributeKey.stringKey("http.route"), ROUTES[random.nextInt(ROUTES.length)],
        AttributeKey.stringKey("http.request.method"), "GET");
    int orders = random.nextInt(4);
    ordersPlaced.merge(i.resource.getAttribute(AttributeKey.stringKey("tenant.id")), (long) orders, Long::sum);
    i.orders.add(orders, Attributes.of(AttributeKey.stringKey("app.channel"), random.nextBoolean() ? "web" : "app"));
    i.cpu.set(Math.round(random.nextDouble() * 1000) / 1000.0);
    i.memory.set(200e6 + random.nextInt(50_000_000), Attributes.of(AttributeKey.stringKey("jvm.memory.type"), "heap"));
    i.memory.set(60e6 + random.nextInt(5_000_000), Attributes.of(AttributeKey.stringKey("jvm.memory.type"), "non_heap"));
    for (int k = 0; k < 3; k++) {
      i.http.record(Math.exp(-3 + 0.8 * random.nextGaussian()), route);
      i.db.record(Math.exp(-6 + 1.0 * random.nextGaussian()),
          Attributes.of(AttributeKey.stringKey("db.system.name"), "postgresql", AttributeKey.stringKey("db.operation.name"), "SELECT"));
    }
  }

  /** One SDK instance (a process of a service of a tenant). */
  private static final class Instance {
    final Resource resource;
    final boolean cumulative;
    SdkMeterProvider provider;
    CollectingReader reader;
    LongCounter orders;
    DoubleGauge cpu;
    DoubleGauge memory;
    DoubleHistogram http;
    DoubleHistogram db;

    Instance(String tenant, String service, int index, boolean cumulative, Clock clock) {
      this.resource = Resource.create(Attributes.builder().put("service.name", service).put("tenant.id", tenant)
          .put("service.instance.id", service + "-" + index).build());
      this.cumulative = cumulative;
      start(clock);
    }

    void start(Clock clock) {
      reader = new CollectingReader(cumulative);
      provider = SdkMeterProvider.builder().setClock(clock).setResource(resource).registerMetricReader(reader)
          .registerView(InstrumentSelector.builder().setName("db.client.operation.duration").build(),
              View.builder().setAggregation(Aggregation.base2ExponentialBucketHistogram()).build())
          .build();
      Meter meter = provider.get("pulse-generator");
      orders = meter.counterBuilder("app.orders.placed").setUnit("{order}").build();
      cpu = meter.gaugeBuilder("process.cpu.utilization").setUnit("1").build();
      memory = meter.gaugeBuilder("jvm.memory.used").setUnit("By").build();
      http = meter.histogramBuilder("http.server.request.duration").setUnit("s")
          .setExplicitBucketBoundariesAdvice(HTTP_BUCKETS).build();
      db = meter.histogramBuilder("db.client.operation.duration").setUnit("s").build();
    }

    void restart(Clock clock) {
      provider.close();
      start(clock);
    }

    /** One collection as the kafka exporter's body: protobuf (cumulative instance) or JSON (delta). */
    byte[] collect() {
      Collection<MetricData> metrics = reader.registration.collectAllMetrics();
      if (metrics.isEmpty()) {
        return new byte[0];
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        if (cumulative) {
          MetricsRequestMarshaler.create(metrics).writeBinaryTo(out);
        } else {
          MetricsRequestMarshaler.create(metrics).writeJsonTo(out);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }

    void close() {
      provider.close();
    }
  }

  /** A pull reader: the generator collects when its simulated export interval ends. */
  private static final class CollectingReader implements MetricReader {
    private final boolean cumulative;
    private CollectionRegistration registration = CollectionRegistration.noop();

    CollectingReader(boolean cumulative) {
      this.cumulative = cumulative;
    }

    @Override
    public void register(CollectionRegistration registration) {
      this.registration = registration;
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType type) {
      return cumulative ? AggregationTemporality.CUMULATIVE : AggregationTemporality.DELTA;
    }

    @Override
    public CompletableResultCode forceFlush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  /** The SDK's clock, moved by the generator. */
  private static final class SimulatedClock implements Clock {
    long nanos;

    SimulatedClock(long nanos) {
      this.nanos = nanos;
    }

    @Override
    public long now() {
      return nanos;
    }

    @Override
    public long nanoTime() {
      return nanos;
    }
  }
}
