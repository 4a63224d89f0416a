package com.pulse.adapter.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.app.observability.InMemoryTelemetry;
import com.pulse.app.observability.PulseTracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenTelemetryLogHandlerTest {
  private final InMemoryTelemetry otel = new InMemoryTelemetry();
  private final Logger logger = Logger.getLogger("com.pulse.test.logbridge");
  private final OpenTelemetryLogHandler handler = new OpenTelemetryLogHandler(otel.sdk);

  OpenTelemetryLogHandlerTest() {
    logger.setUseParentHandlers(false);
    logger.addHandler(handler);
  }

  @AfterEach
  void close() {
    logger.removeHandler(handler);
    otel.close();
  }

  @Test
  void logRecordsInsideASpanCarryItsTraceAndSpanId() throws Exception {
    PulseTracing.create(otel.sdk).invocation("WarehouseMetrics", "inv-9", "timer", Context.root(), List.of(), () -> {
      logger.log(Level.INFO, "metric {0} computed {1} points", new Object[] {"orders", 12});
      return null;
    });

    SpanData span = otel.spans.getFinishedSpanItems().get(0);
    LogRecordData record = otel.logs.getFinishedLogRecordItems().get(0);
    assertThat(record.getBodyValue().asString()).isEqualTo("metric orders computed 12 points");
    assertThat(record.getSeverity()).isEqualTo(Severity.INFO);
    assertThat(record.getSpanContext().getTraceId()).isEqualTo(span.getTraceId());
    assertThat(record.getSpanContext().getSpanId()).isEqualTo(span.getSpanId());
    assertThat(record.getInstrumentationScopeInfo().getName()).isEqualTo("com.pulse.test.logbridge");
  }

  @Test
  void exceptionsBecomeSemanticConventionAttributes() {
    logger.log(Level.SEVERE, "export failed", new IllegalStateException("hub unavailable"));

    LogRecordData record = otel.logs.getFinishedLogRecordItems().get(0);
    assertThat(record.getSeverity()).isEqualTo(Severity.ERROR);
    assertThat(record.getSpanContext().isValid()).isFalse();
    assertThat(record.getAttributes().get(AttributeKey.stringKey("exception.type")))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(record.getAttributes().get(AttributeKey.stringKey("exception.message"))).isEqualTo("hub unavailable");
    assertThat(record.getAttributes().get(AttributeKey.stringKey("exception.stacktrace")))
        .contains("OpenTelemetryLogHandlerTest");
  }

  @Test
  void levelsMapToSeverityRanges() {
    assertThat(OpenTelemetryLogHandler.severity(Level.WARNING)).isEqualTo(Severity.WARN);
    assertThat(OpenTelemetryLogHandler.severity(Level.CONFIG)).isEqualTo(Severity.INFO);
    assertThat(OpenTelemetryLogHandler.severity(Level.FINE)).isEqualTo(Severity.DEBUG);
    assertThat(OpenTelemetryLogHandler.severity(Level.FINEST)).isEqualTo(Severity.TRACE);
  }

  @Test
  void installIsIdempotent() {
    String name = "com.pulse.test.install";
    OpenTelemetryLogHandler first = OpenTelemetryLogHandler.install(otel.sdk, name);
    OpenTelemetryLogHandler second = OpenTelemetryLogHandler.install(otel.sdk, name);
    assertThat(second).isSameAs(first);
    assertThat(Logger.getLogger(name).getHandlers()).containsOnlyOnce(first);
    Logger.getLogger(name).removeHandler(first);
  }
}
