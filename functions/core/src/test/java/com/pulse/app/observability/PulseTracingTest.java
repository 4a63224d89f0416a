package com.pulse.app.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PulseTracingTest {
  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  private static final String PARENT_ID = "b7ad6b7169203331";
  private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + PARENT_ID + "-01";

  private final InMemoryTelemetry otel = new InMemoryTelemetry();
  private final PulseTracing tracing = PulseTracing.create(otel.sdk);

  @AfterEach
  void close() {
    otel.close();
  }

  private SpanData span(String name) {
    return otel.spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void anEventsTraceparentIsContinued() {
    Context parent = PulseTracing.extract(Map.of("traceparent", TRACEPARENT, "content-type", "application/json"));
    String result = tracing.invocation("TelemetryAggregation", "inv-1", "pubsub", parent, List.of(), () -> "done");

    assertThat(result).isEqualTo("done");
    SpanData invocation = span("TelemetryAggregation");
    assertThat(invocation.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(invocation.getParentSpanId()).isEqualTo(PARENT_ID);
    assertThat(invocation.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(invocation.getAttributes().get(AttributeKey.stringKey("faas.invocation_id"))).isEqualTo("inv-1");
    assertThat(invocation.getAttributes().get(AttributeKey.stringKey("faas.trigger"))).isEqualTo("pubsub");
  }

  @Test
  void aBatchSpanLinksToEveryEventThatCarriesATraceparent() {
    String other = "00-11111111111111111111111111111111-2222222222222222-01";
    List<SpanContext> links = PulseTracing.links(List.of(
        Map.of("traceparent", TRACEPARENT), Map.of(), Map.of("traceparent", "garbage"), Map.of("traceparent", other)));
    tracing.invocation("TelemetryAggregation", "inv-2", "pubsub", Context.root(), links, () -> null);

    SpanData invocation = span("TelemetryAggregation");
    assertThat(invocation.getParentSpanContext().isValid()).isFalse();
    assertThat(invocation.getLinks()).extracting(link -> link.getSpanContext().getTraceId())
        .containsExactly(TRACE_ID, "11111111111111111111111111111111");
  }

  @Test
  void storeAndExportSpansNestUnderTheInvocation() {
    tracing.invocation("WarehouseMetrics", "inv-3", "timer", Context.root(), List.of(), () -> {
      tracing.warehouseQuery("orders", () -> 42);
      tracing.storeCall("cosmosdb", "metrics", "upsert", () -> null);
      return tracing.export("MetricPoints", 12, () -> null);
    });

    SpanData root = span("WarehouseMetrics");
    assertThat(root.getKind()).isEqualTo(SpanKind.INTERNAL);
    SpanData query = span("warehouse query orders");
    SpanData store = span("upsert metrics");
    SpanData export = span("export MetricPoints");
    assertThat(List.of(query, store, export)).allSatisfy(child -> {
      assertThat(child.getTraceId()).isEqualTo(root.getTraceId());
      assertThat(child.getParentSpanId()).isEqualTo(root.getSpanId());
    });
    assertThat(query.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(query.getAttributes().get(AttributeKey.stringKey("pulse.metric"))).isEqualTo("orders");
    assertThat(store.getAttributes().get(AttributeKey.stringKey("db.system"))).isEqualTo("cosmosdb");
    assertThat(store.getAttributes().get(AttributeKey.stringKey("db.collection.name"))).isEqualTo("metrics");
    assertThat(store.getAttributes().get(AttributeKey.stringKey("db.operation.name"))).isEqualTo("upsert");
    assertThat(export.getKind()).isEqualTo(SpanKind.PRODUCER);
    assertThat(export.getAttributes().get(AttributeKey.longKey("pulse.export.records"))).isEqualTo(12L);
  }

  @Test
  void aFailingBodyMarksTheSpanAsErrorAndRethrowsTheCheckedException() {
    assertThatThrownBy(() -> tracing.warehouseQuery("orders", () -> {
      throw new SQLException("connection reset", "08S01");
    })).isInstanceOf(SQLException.class).hasMessage("connection reset");

    SpanData query = span("warehouse query orders");
    assertThat(query.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(query.getEvents()).anySatisfy(event -> assertThat(event.getName()).isEqualTo("exception"));
    assertThat(Span.current().getSpanContext().isValid()).isFalse(); // scope closed
  }

  @Test
  void missingOrMalformedTraceparentGivesARootContext() {
    assertThat(Span.fromContext(PulseTracing.extract(null)).getSpanContext().isValid()).isFalse();
    assertThat(Span.fromContext(PulseTracing.extract(Map.of("traceparent", "00-zz-1"))).getSpanContext().isValid()).isFalse();
  }
}
