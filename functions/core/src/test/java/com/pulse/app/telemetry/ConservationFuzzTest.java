package com.pulse.app.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.adapter.local.JsonLinesExport;
import com.pulse.domain.telemetry.RequestSink;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.decode.TelemetryDecoders;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Conservation over a fuzzed stream, per format: valid bodies (Pulse JSON, and OTLP bytes from the
 * real OpenTelemetry SDK) mutated by bit flips, truncation, invalid UTF-8, huge numbers, empty
 * bodies and missing content types go through the use case with the JSON-lines export. The batch
 * never fails, and events in = dead-lettered + decoded; records decoded = aggregated (requests +
 * dependency calls, equal to the minute windows' counts) + counted (expired, out of range, internal).
 */
class ConservationFuzzTest {
  private static final long T0_MILLIS = Instant.parse("2026-11-20T10:00:00Z").toEpochMilli();

  enum Format { PULSE_JSON, OTLP_PROTOBUF, OTLP_JSON }

  @TempDir Path exportDir;

  private static byte[] pulseJson(SplittableRandom r, long enqueued) {
    String duration = r.nextInt(50) == 0 ? "1e300" : String.valueOf(r.nextInt(1, 5000) / 8.0);
    long ts = r.nextInt(50) == 0 ? 253402300799000L : enqueued - r.nextInt(0, 120_000);
    return ("[{\"tenantId\":\"t" + r.nextInt(3) + "\",\"service\":\"svc\",\"operation\":\"op" + r.nextInt(3)
        + "\",\"timestamp\":" + ts + ",\"durationMs\":" + duration + ",\"status\":\"ok\"}]").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] otlp(SplittableRandom r, long enqueued, boolean json) {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .setResource(Resource.create(Attributes.builder().put("service.name", "svc")
            .put("tenant.id", "t" + r.nextInt(3)).build()))
        .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    Tracer tracer = provider.get("fuzz");
    SpanKind[] kinds = SpanKind.values();
    for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
      long start = TimeUnit.MILLISECONDS.toNanos(enqueued - r.nextInt(0, 120_000));
      long durationNanos = r.nextInt(50) == 0 ? TimeUnit.DAYS.toNanos(2) : r.nextLong(1, 5_000_000_000L);
      Span span = tracer.spanBuilder("op" + r.nextInt(3)).setSpanKind(kinds[r.nextInt(kinds.length)])
          .setAttribute("db.system.name", "postgresql").setStartTimestamp(start, TimeUnit.NANOSECONDS).startSpan();
      span.end(start + durationNanos, TimeUnit.NANOSECONDS);
    }
    List<SpanData> spans = List.copyOf(exporter.getFinishedSpanItems());
    provider.close();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (json) {
        TraceRequestMarshaler.create(spans).writeJsonTo(out);
      } else {
        TraceRequestMarshaler.create(spans).writeBinaryTo(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] mutate(SplittableRandom r, byte[] body) {
    int m = r.nextInt(10);
    byte[] b = body.clone();
    switch (m) {
      case 0 -> b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
      case 1 -> b = Arrays.copyOf(b, r.nextInt(b.length));
      case 2 -> b[r.nextInt(b.length)] = (byte) 0xed; // lead byte of an encoded surrogate
      case 3 -> b = new byte[0];
      default -> { } // unchanged
    }
    return b;
  }

  private static final class Counting implements RequestSink {
    long records;

    @Override
    public void request(String t, String s, String o, long start, double ms, boolean e, CharSequence u) {
      records++;
    }

    @Override
    public void dependency(String t, String s, String d, String o, long start, double ms, boolean e) {
      records++;
    }

    @Override
    public void internalSpan(String t, String s) {
      records++;
    }
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void everyEventIsAggregatedDeadLetteredOrCounted(Format format) {
    SplittableRandom r = new SplittableRandom(format.ordinal() * 7919L + 42);
    List<TelemetryEvent> events = new ArrayList<>();
    long enqueued = T0_MILLIS;
    for (int i = 0; i < 600; i++) {
      enqueued += r.nextInt(0, 4000);
      byte[] body = switch (format) {
        case PULSE_JSON -> pulseJson(r, enqueued);
        case OTLP_PROTOBUF -> otlp(r, enqueued, false);
        case OTLP_JSON -> otlp(r, enqueued, true);
      };
      String contentType = r.nextInt(4) == 0 ? null
          : format == Format.OTLP_PROTOBUF ? "application/x-protobuf" : "application/json";
      events.add(new TelemetryEvent(mutate(r, body), i, String.valueOf(i), Instant.ofEpochMilli(enqueued), contentType,
          Map.of()));
    }
    InMemoryWindowStore windows = new InMemoryWindowStore();
    InMemoryDeadLetterStore deadLetters = new InMemoryDeadLetterStore();
    AggregateBatch useCase = AggregateBatch.withPulseDecoders(windows, deadLetters, new JsonLinesExport(exportDir),
        LatenessPolicy.of(Duration.ofMinutes(1)), Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC));

    long deadLettered = 0;
    long aggregated = 0;
    long counted = 0;
    for (int from = 0; from < events.size(); from += 64) {
      BatchResult b = useCase.handle(new TelemetryBatch("0", events.subList(from, Math.min(events.size(), from + 64))));
      deadLettered += b.deadLettered();
      aggregated += b.requests() + b.dependencies();
      counted += b.notAggregated();
    }

    java.util.Set<Long> dead = new java.util.HashSet<>();
    deadLetters.list("0", 10_000).forEach(d -> dead.add(d.sequenceNumber()));
    TelemetryDecoders decoders = new TelemetryDecoders();
    Counting decodedRecords = new Counting();
    for (TelemetryEvent e : events) {
      if (!dead.contains(e.sequenceNumber())) {
        decoders.forContentType(e.contentType()).decode(e.body(), decodedRecords);
      }
    }
    long inWindows = windows.all().stream().filter(d -> d.granularity().equals("PT1M"))
        .mapToLong(WindowDocument::count).sum(); // any tenant: a bit flip can make a valid other tenant id

    assertThat(dead).hasSize((int) deadLettered);
    assertThat(deadLettered).as("some mutations are rejected").isPositive();
    assertThat(decodedRecords.records).as("records of the events that were not dead-lettered")
        .isEqualTo(aggregated + counted);
    assertThat(inWindows).as("aggregated records are in the minute windows").isEqualTo(aggregated);
    assertThat(counted).as("out-of-range values were counted").isPositive();
  }
}
