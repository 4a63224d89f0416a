package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.microsoft.azure.functions.ExecutionContext;
import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryWindowExport;
import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.app.observability.PulseTracing;
import com.pulse.app.telemetry.BatchResult;
import com.pulse.config.PulseConfig;
import com.pulse.domain.telemetry.WindowDocument;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Spans of every kind made by the real OpenTelemetry Java SDK, serialized by the SDK's OTLP
 * marshaler in both encodings, with and without a content type (the Collector's kafka exporter sets
 * none), through the Event Hub function: exact request and dependency windows.
 */
class OpenTelemetrySdkThroughFunctionTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:05Z");

  private final InMemoryWindowStore windows = new InMemoryWindowStore();
  private final InMemoryDeadLetterStore deadLetters = new InMemoryDeadLetterStore();

  private static List<io.opentelemetry.sdk.trace.data.SpanData> spans() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    Resource resource = Resource.create(Attributes.builder()
        .put("service.name", "checkout").put("tenant.id", "contoso").build());
    SdkTracerProvider provider = SdkTracerProvider.builder().setResource(resource)
        .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    {
      Tracer tracer = provider.get("pulse-test");
      long start = TimeUnit.MILLISECONDS.toNanos(T0.toEpochMilli());
      end(tracer.spanBuilder("GET /orders/{id}").setSpanKind(SpanKind.SERVER)
          .setAttribute("http.route", "/orders/{id}").setStartTimestamp(start, TimeUnit.NANOSECONDS).startSpan(),
          start, 12);
      end(tracer.spanBuilder("process order").setSpanKind(SpanKind.CONSUMER)
          .setStartTimestamp(start, TimeUnit.NANOSECONDS).startSpan().setStatus(StatusCode.ERROR), start, 30);
      end(tracer.spanBuilder("SELECT orders").setSpanKind(SpanKind.CLIENT).setAttribute("db.system.name", "postgresql")
          .setAttribute("db.namespace", "shop").setStartTimestamp(start, TimeUnit.NANOSECONDS).startSpan(), start, 3);
      end(tracer.spanBuilder("publish orders").setSpanKind(SpanKind.PRODUCER).setAttribute("messaging.system", "kafka")
          .setAttribute("messaging.destination.name", "orders").setStartTimestamp(start, TimeUnit.NANOSECONDS).startSpan(),
          start, 1);
      end(tracer.spanBuilder("render").setSpanKind(SpanKind.INTERNAL)
          .setStartTimestamp(start, TimeUnit.NANOSECONDS).startSpan(), start, 2);
    }
    List<io.opentelemetry.sdk.trace.data.SpanData> finished = List.copyOf(exporter.getFinishedSpanItems());
    provider.close(); // shutting down clears the in-memory exporter
    return finished;
  }

  private static void end(Span span, long startNanos, long millis) {
    span.end(startNanos + TimeUnit.MILLISECONDS.toNanos(millis), TimeUnit.NANOSECONDS);
  }

  private static byte[] encode(boolean json) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (json) {
      TraceRequestMarshaler.create(spans()).writeJsonTo(out);
    } else {
      TraceRequestMarshaler.create(spans()).writeBinaryTo(out);
    }
    return out.toByteArray();
  }

  private static Map<String, Object> system(long seq, String contentType) {
    return EventHubSystemProperties.of(seq, String.valueOf(seq * 100), "2026-11-20T10:00:06Z", contentType);
  }

  @Test
  @SuppressWarnings("unchecked")
  void everySpanKindInBothEncodingsWithAndWithoutContentType() throws IOException {
    ExecutionContext context = mock(ExecutionContext.class);
    when(context.getLogger()).thenReturn(Logger.getLogger("test"));
    CompositionRoot root = CompositionRoot.create(PulseConfig.parse(Map.of("TELEMETRY_ALLOWED_LATENESS", "PT1M")),
        Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC));
    TelemetryAggregation function = new TelemetryAggregation(root.telemetryAggregation(windows, deadLetters,
        new InMemoryWindowExport()), (batch, result) -> {}, PulseTracing.noop());
    byte[][] bodies = {encode(false), encode(true), encode(false), encode(true)};
    Map<String, Object>[] sys = new Map[] {
      system(1, "application/x-protobuf"), system(2, "application/json"), system(3, null), system(4, null)};
    Map<String, Object>[] props = new Map[] {Map.of(), Map.of(), Map.of(), Map.of()};
    String[] times = {"2026-11-20T10:00:06Z", "2026-11-20T10:00:06Z", "2026-11-20T10:00:06Z", "2026-11-20T10:00:06Z"};

    BatchResult r = function.process(bodies, Map.of("PartitionId", "0"), sys, props, new long[] {1, 2, 3, 4}, times,
        context);

    assertThat(deadLetters.list("0", 10)).extracting(d -> d.sequenceNumber() + ": " + d.reason()).isEmpty();
    assertThat(r.requests()).isEqualTo(8);
    assertThat(r.dependencies()).isEqualTo(8);
    assertThat(r.internalSpans()).isEqualTo(4);
    assertThat(r.requests() + r.dependencies() + r.notAggregated()).isEqualTo(5 * 4);
    List<WindowDocument> minute = windows.listRange("contoso", "PT1M", Instant.EPOCH, Instant.MAX);
    assertThat(minute).extracting(d -> d.dependency() + " | " + d.operation() + " | " + d.count() + " | "
            + d.errorCount() + " | " + d.latencySumMs())
        .containsExactlyInAnyOrder(
            "null | /orders/{id} | 4 | 0 | 48.0",
            "null | process order | 4 | 4 | 120.0",
            "postgresql/shop | SELECT orders | 4 | 0 | 12.0",
            "kafka/orders | publish orders | 4 | 0 | 4.0");
    assertThat(minute).allSatisfy(d -> {
      assertThat(d.windowStart()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
      assertThat(d.service()).isEqualTo("checkout");
      assertThat(d.lastSequenceNumber()).isEqualTo(4);
    });
  }
}
