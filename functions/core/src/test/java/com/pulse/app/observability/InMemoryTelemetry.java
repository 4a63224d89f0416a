package com.pulse.app.observability;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An OpenTelemetry SDK whose spans, metrics and logs land in memory (opentelemetry-sdk-testing). */
public final class InMemoryTelemetry implements AutoCloseable {
  public final InMemorySpanExporter spans = InMemorySpanExporter.create();
  public final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  public final InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();
  public final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
      .setLoggerProvider(SdkLoggerProvider.builder().addLogRecordProcessor(SimpleLogRecordProcessor.create(logs)).build())
      .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
      .build();

  /** Collects metrics now, by instrument name. */
  public Map<String, MetricData> collect() {
    return metrics.collectAllMetrics().stream().collect(Collectors.toMap(MetricData::getName, m -> m));
  }

  /** The points of one metric, or empty. */
  public static Collection<? extends PointData> points(Map<String, MetricData> collected, String name) {
    MetricData data = collected.get(name);
    return data == null ? List.of() : data.getData().getPoints();
  }

  /** Shorthand for a string-attribute lookup. */
  public static String attribute(Attributes attributes, String key) {
    return attributes.get(AttributeKey.stringKey(key));
  }

  @Override
  public void close() {
    sdk.close();
  }
}
