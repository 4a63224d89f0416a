package com.pulse.domain.telemetry.log;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.exporter.internal.otlp.logs.LogsRequestMarshaler;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Log records made by the real OpenTelemetry Java SDK ({@code opentelemetry-sdk-logs}) and serialized
 * by the SDK's own OTLP marshaler ({@link LogsRequestMarshaler}, the OTLP exporters' code path), plus
 * {@code ExportLogsServiceRequest}s built with the opentelemetry-proto classes for shapes the SDK does
 * not produce (no time, other body types): no hand-written bytes.
 */
public final class OtlpLogs {
  static final AttributeKey<String> TENANT_ID = AttributeKey.stringKey("tenant.id");
  static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  private final InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();
  private final Map<io.opentelemetry.sdk.resources.Resource, SdkLoggerProvider> providers = new HashMap<>();

  /** A resource with {@code service.name} and {@code tenant.id} (null = absent). */
  public static io.opentelemetry.sdk.resources.Resource resource(String service, String tenant) {
    var b = Attributes.builder().put("host.name", "vm-1");
    if (service != null) {
      b.put(SERVICE_NAME, service);
    }
    if (tenant != null) {
      b.put(TENANT_ID, tenant);
    }
    return io.opentelemetry.sdk.resources.Resource.create(b.build());
  }

  /** Emits one record of {@code resource} at {@code epochNanos} (timestamp and observed timestamp). */
  public OtlpLogs log(io.opentelemetry.sdk.resources.Resource resource, io.opentelemetry.api.logs.Severity severity,
      String body, long epochNanos) {
    return log(resource, b -> b.setSeverity(severity).setBody(body).setTimestamp(epochNanos, TimeUnit.NANOSECONDS)
        .setObservedTimestamp(epochNanos, TimeUnit.NANOSECONDS));
  }

  /** Emits one record of {@code resource}, shaped by {@code builder}. */
  public OtlpLogs log(io.opentelemetry.sdk.resources.Resource resource, Consumer<LogRecordBuilder> builder) {
    SdkLoggerProvider provider = providers.computeIfAbsent(resource, r -> SdkLoggerProvider.builder()
        .setResource(r).addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter)).build());
    LogRecordBuilder b = provider.get("pulse-test").logRecordBuilder();
    builder.accept(b);
    b.emit();
    return this;
  }

  public List<LogRecordData> records() {
    return exporter.getFinishedLogRecordItems();
  }

  public byte[] protobuf() {
    return protobuf(records());
  }

  public byte[] json() {
    return json(records());
  }

  public static byte[] protobuf(Collection<LogRecordData> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      LogsRequestMarshaler.create(records).writeBinaryTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] json(Collection<LogRecordData> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      LogsRequestMarshaler.create(records).writeJsonTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An {@code ExportLogsServiceRequest} of one resource (opentelemetry-proto classes). */
  public static ExportLogsServiceRequest request(String tenant, String service, LogRecord... records) {
    Resource.Builder resource = Resource.newBuilder();
    if (tenant != null) {
      resource.addAttributes(KeyValue.newBuilder().setKey("tenant.id")
          .setValue(AnyValue.newBuilder().setStringValue(tenant)));
    }
    if (service != null) {
      resource.addAttributes(KeyValue.newBuilder().setKey("service.name")
          .setValue(AnyValue.newBuilder().setStringValue(service)));
    }
    return ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder().setResource(resource)
        .addScopeLogs(ScopeLogs.newBuilder().addAllLogRecords(List.of(records)))).build();
  }

  /** A {@code LogRecord} with a string body (opentelemetry-proto classes). */
  public static LogRecord record(int severityNumber, String body, long epochNanos) {
    return LogRecord.newBuilder().setTimeUnixNano(epochNanos).setObservedTimeUnixNano(epochNanos)
        .setSeverityNumberValue(severityNumber).setBody(AnyValue.newBuilder().setStringValue(body)).build();
  }
}
