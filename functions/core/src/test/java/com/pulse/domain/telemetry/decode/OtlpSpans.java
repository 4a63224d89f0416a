package com.pulse.domain.telemetry.decode;

import io.opentelemetry.api.common.AttributeKey;
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
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Produces spans with the real OpenTelemetry Java SDK and serializes them with the SDK's own OTLP
 * marshaler ({@link TraceRequestMarshaler}), the code path of the OTLP exporters: no hand-written
 * bytes.
 */
final class OtlpSpans {
  static final AttributeKey<String> TENANT_ID = AttributeKey.stringKey("tenant.id");
  static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final Map<Resource, Tracer> tracers = new HashMap<>();

  /** A resource with {@code service.name} and {@code tenant.id} (either may be null = absent). */
  static Resource resource(String service, String tenant) {
    var b = Attributes.builder().put("host.name", "vm-1");
    if (service != null) {
      b.put(SERVICE_NAME, service);
    }
    if (tenant != null) {
      b.put(TENANT_ID, tenant);
    }
    return Resource.create(b.build());
  }

  /**
   * Records one finished span of {@code resource}.
   *
   * @param startNanos epoch nanoseconds
   * @param durationNanos end − start
   * @param customizer sets attributes / status on the span before it ends
   */
  OtlpSpans span(Resource resource, String name, SpanKind kind, long startNanos, long durationNanos,
      Consumer<Span> customizer) {
    // one provider (so one scope object) per resource: the marshaler then keeps span order
    Tracer tracer =
        tracers.computeIfAbsent(
            resource,
            r -> SdkTracerProvider.builder()
                .setResource(r)
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build()
                .get("pulse-test"));
    Span span =
        tracer.spanBuilder(name).setSpanKind(kind).setStartTimestamp(startNanos, TimeUnit.NANOSECONDS)
            .startSpan();
    customizer.accept(span);
    span.end(startNanos + durationNanos, TimeUnit.NANOSECONDS);
    return this;
  }

  OtlpSpans span(Resource resource, String name, SpanKind kind, long startNanos, long durationNanos) {
    return span(resource, name, kind, startNanos, durationNanos, s -> {});
  }

  List<SpanData> spans() {
    return exporter.getFinishedSpanItems();
  }

  byte[] protobuf() {
    return protobuf(spans());
  }

  byte[] json() {
    return json(spans());
  }

  static byte[] protobuf(Collection<SpanData> spans) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      TraceRequestMarshaler.create(spans).writeBinaryTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] json(Collection<SpanData> spans) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      TraceRequestMarshaler.create(spans).writeJsonTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static void error(Span span) {
    span.setStatus(StatusCode.ERROR, "boom");
  }
}
