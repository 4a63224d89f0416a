package com.pulse.domain.telemetry.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.domain.telemetry.RequestSink;
import com.pulse.domain.telemetry.decode.TelemetryDecoders;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The OTLP logs decoders, fed with bytes the OpenTelemetry Java SDK's OTLP marshaler writes (protobuf
 * and OTLP/JSON, with and without a content type) and requests built with the opentelemetry-proto
 * classes.
 */
class LogDecodersTest {
  static final long T0 = 1_795_000_000_000_000_000L; // 2026-11-18T08:26:40Z in epoch nanos
  static final io.opentelemetry.sdk.resources.Resource CONTOSO = OtlpLogs.resource("checkout", "contoso");

  /** How an event reaches the logs hub. */
  enum Encoding {
    PROTOBUF("application/x-protobuf", OtlpLogs::protobuf),
    JSON("application/json", OtlpLogs::json),
    KAFKA_PROTO(null, OtlpLogs::protobuf),
    KAFKA_JSON(null, OtlpLogs::json);

    final String contentType;
    final Function<OtlpLogs, byte[]> encode;

    Encoding(String contentType, Function<OtlpLogs, byte[]> encode) {
      this.contentType = contentType;
      this.encode = encode;
    }
  }

  private final LogDecoders decoders = new LogDecoders();
  private final RecordingLogSink sink = new RecordingLogSink();

  private int decode(Encoding e, byte[] body) {
    return decoders.forContentType(e.contentType).decode(body, sink);
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void sdkRecordsOfEverySeverityDecodeWithTenantServiceAndTime(Encoding e) {
    OtlpLogs logs = new OtlpLogs();
    Severity[] all = {Severity.UNDEFINED_SEVERITY_NUMBER, Severity.TRACE, Severity.DEBUG2, Severity.INFO,
        Severity.WARN4, Severity.ERROR, Severity.FATAL3};
    for (int i = 0; i < all.length; i++) {
      logs.log(CONTOSO, all[i], "order 4711 failed after 30ms", T0 + i * 1_000_000L);
    }

    assertThat(decode(e, e.encode.apply(logs))).isEqualTo(7);

    assertThat(sink.records).extracting(RecordingLogSink.Entry::severityNumber).containsExactly(0, 1, 6, 9, 16, 17, 23);
    assertThat(sink.records).allSatisfy(r -> {
      assertThat(r.tenantId()).isEqualTo("contoso");
      assertThat(r.service()).isEqualTo("checkout");
    });
    assertThat(sink.records.get(2).timeEpochMillis()).isEqualTo(T0 / 1_000_000 + 2);
    assertThat(sink.records).extracting(RecordingLogSink.Entry::message)
        .containsExactly(null, null, null, null, null, "order 4711 failed after 30ms", "order 4711 failed after 30ms");
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void withoutATimestampTheObservedTimeCounts(Encoding e) {
    OtlpLogs logs = new OtlpLogs().log(CONTOSO, b -> b.setSeverity(Severity.WARN).setBody("slow")
        .setObservedTimestamp(T0, java.util.concurrent.TimeUnit.NANOSECONDS));

    decode(e, e.encode.apply(logs));

    assertThat(sink.records.get(0).timeEpochMillis()).isEqualTo(T0 / 1_000_000);
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void aResourceWithoutTenantIsUnattributable(Encoding e) {
    OtlpLogs logs = new OtlpLogs().log(OtlpLogs.resource("checkout", null), Severity.ERROR, "x", T0);

    assertThatThrownBy(() -> decode(e, e.encode.apply(logs)))
        .hasMessageContaining("unattributable: resourceLogs[0] has no resource attribute tenant.id");
    assertThat(sink.records).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void anInvalidTenantIdRejectsTheEvent(Encoding e) {
    OtlpLogs logs = new OtlpLogs().log(OtlpLogs.resource("checkout", "acme corp"), Severity.INFO, "x", T0);

    assertThatThrownBy(() -> decode(e, e.encode.apply(logs))).hasMessageContaining("unattributable: tenant id \"acme corp\"");
  }

  @ParameterizedTest
  @EnumSource(value = Encoding.class, names = {"PROTOBUF", "KAFKA_PROTO"})
  void recordsWithoutAnyTimeRejectTheEvent(Encoding e) {
    byte[] body = OtlpLogs.request("contoso", "checkout",
        LogRecord.newBuilder().setSeverityNumberValue(17).build()).toByteArray();

    assertThatThrownBy(() -> decode(e, body))
        .hasMessageEndingWith("resourceLogs[0]: log record without a valid timeUnixNano or observedTimeUnixNano");
  }

  @ParameterizedTest
  @EnumSource(value = Encoding.class, names = {"PROTOBUF", "KAFKA_PROTO"})
  void aStructuredBodyIsNamedByItsType(Encoding e) {
    LogRecord kv = LogRecord.newBuilder().setTimeUnixNano(T0).setSeverityNumberValue(21)
        .setBody(AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder()
            .addValues(KeyValue.newBuilder().setKey("msg").setValue(AnyValue.newBuilder().setStringValue("boom")))))
        .build();
    LogRecord none = LogRecord.newBuilder().setTimeUnixNano(T0).setSeverityNumberValue(17).build();

    decode(e, OtlpLogs.request("contoso", null, kv, none).toByteArray());

    assertThat(sink.records).extracting(RecordingLogSink.Entry::message).containsExactly("(kvlist body)", "(no body)");
    assertThat(sink.records.get(0).service()).isEqualTo("unknown_service");
  }

  @ParameterizedTest
  @EnumSource(value = Encoding.class, names = {"PROTOBUF", "KAFKA_PROTO"})
  void invalidUtf8IsRejectedInAMessageThatIsRead(Encoding e) {
    byte[] body = OtlpLogs.request("contoso", "checkout", OtlpLogs.record(17, "boom-", T0)).toByteArray();
    int at = indexOf(body, "boom-".getBytes(StandardCharsets.UTF_8)) + 4;
    body[at] = (byte) 0xC3; // a lead byte without its continuation

    assertThatThrownBy(() -> decode(e, body)).hasMessageContaining("invalid UTF-8 in a string field");
  }

  @org.junit.jupiter.api.Test
  void isOtlpLogsTellsLogsRequestsFromOtherBodiesWithoutProbingJsonAsProtobuf() {
    OtlpLogs sdk = new OtlpLogs().log(CONTOSO, Severity.INFO, "started", T0);
    assertThat(LogDecoders.isOtlpLogs(sdk.protobuf())).isTrue();
    assertThat(LogDecoders.isOtlpLogs(sdk.json())).isTrue();
    assertThat(LogDecoders.isOtlpLogs(" \r\n{ \n\t\"resource_logs\":[]}".getBytes(StandardCharsets.UTF_8))).isTrue();
    // a protobuf request whose first length byte is '{' (0x7B): the body reads "\n{..." as text
    String padding = "x".repeat(200);
    for (int n = 0; n < 200; n++) {
      byte[] body = OtlpLogs.request("contoso", "checkout", OtlpLogs.record(9, padding.substring(n), T0)).toByteArray();
      if (body[1] == '{') {
        assertThat(LogDecoders.isOtlpLogs(body)).as("protobuf of %d bytes starting \\n{", body.length).isTrue();
      }
    }
    assertThat(java.util.stream.IntStream.range(0, 200).filter(n -> OtlpLogs.request("contoso", "checkout",
        OtlpLogs.record(9, padding.substring(n), T0)).toByteArray()[1] == '{')).as("the loop met a '{' length byte").isNotEmpty();
    assertThat(LogDecoders.isOtlpLogs("{\"tenantId\":\"contoso\",\"service\":\"checkout\"}".getBytes(StandardCharsets.UTF_8)))
        .isFalse();
    assertThat(LogDecoders.isOtlpLogs("{\"resourceSpans\":[]}".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(LogDecoders.isOtlpLogs("[{\"resourceLogs\":[]}]".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(LogDecoders.isOtlpLogs(new byte[0])).isFalse();
    assertThat(LogDecoders.isOtlpLogs(ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
        .addScopeSpans(ScopeSpans.newBuilder().addSpans(Span.newBuilder().setName("GET /")
            .setKind(Span.SpanKind.SPAN_KIND_SERVER).setStartTimeUnixNano(T0).setEndTimeUnixNano(T0 + 5))))
        .build().toByteArray())).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void aTracesRequestOnTheLogsHubNamesTheTracesHub(Encoding e) {
    ExportTraceServiceRequest traces = ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
        .addScopeSpans(ScopeSpans.newBuilder().addSpans(Span.newBuilder()
            .setTraceId(com.google.protobuf.ByteString.copyFrom(new byte[16]))
            .setSpanId(com.google.protobuf.ByteString.copyFrom(new byte[8]))
            .setName("GET /").setKind(Span.SpanKind.SPAN_KIND_SERVER).setStartTimeUnixNano(T0).setEndTimeUnixNano(T0 + 5))))
        .build();
    byte[] body = e == Encoding.PROTOBUF || e == Encoding.KAFKA_PROTO ? traces.toByteArray()
        : "{\"resourceSpans\":[]}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> decode(e, body))
        .hasMessageContaining("traces request")
        .hasMessageContaining("on the logs hub (LOGS_HUB_NAME): it belongs on the traces hub (TELEMETRY_HUB_NAME)");
  }

  @ParameterizedTest
  @EnumSource(value = Encoding.class, names = {"PROTOBUF", "KAFKA_PROTO"})
  void aMetricsRequestOnTheLogsHubNamesTheMetricsHub(Encoding e) {
    byte[] body = ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
        .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(Metric.newBuilder().setName("cpu").setUnit("1")
            .setGauge(Gauge.newBuilder().addDataPoints(NumberDataPoint.newBuilder().setTimeUnixNano(T0).setAsDouble(0.5))))))
        .build().toByteArray();

    assertThatThrownBy(() -> decode(e, body))
        .hasMessageContaining("an OTLP metrics request (ExportMetricsServiceRequest) on the logs hub (LOGS_HUB_NAME): it"
            + " belongs on the metrics hub (METRICS_HUB_NAME)");
  }

  @ParameterizedTest
  @EnumSource(value = Encoding.class, names = {"PROTOBUF", "KAFKA_PROTO"})
  void aMetricsRequestOnTheTracesHubNamesTheMetricsHub(Encoding e) {
    byte[] body = ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
        .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(Metric.newBuilder().setName("cpu").setUnit("1")
            .setGauge(Gauge.newBuilder().addDataPoints(NumberDataPoint.newBuilder().setTimeUnixNano(T0).setAsDouble(0.5))))))
        .build().toByteArray();

    assertThatThrownBy(() -> new TelemetryDecoders().forContentType(e.contentType).decode(body, RequestSink.DISCARD))
        .hasMessageContaining("an OTLP metrics request (ExportMetricsServiceRequest) on the traces hub"
            + " (TELEMETRY_HUB_NAME): it belongs on the metrics hub (METRICS_HUB_NAME)");
  }

  @ParameterizedTest
  @EnumSource(value = Encoding.class, names = {"PROTOBUF", "KAFKA_PROTO", "JSON"})
  void aLogsRequestOnTheTracesHubNamesTheLogsHub(Encoding e) {
    OtlpLogs logs = new OtlpLogs().log(CONTOSO, Severity.ERROR, "order 1 failed", T0);
    TelemetryDecoders traces = new TelemetryDecoders();

    assertThatThrownBy(() -> traces.forContentType(e.contentType).decode(e.encode.apply(logs), RequestSink.DISCARD))
        .hasMessageContaining("logs request")
        .hasMessageContaining("on the traces hub (TELEMETRY_HUB_NAME): it belongs on the logs hub (LOGS_HUB_NAME)");
  }

  @ParameterizedTest
  @EnumSource(value = Encoding.class, names = {"JSON", "KAFKA_JSON"})
  void severityNamesAndSnakeCaseAreAccepted(Encoding e) {
    String body = new String(new OtlpLogs().log(CONTOSO, Severity.ERROR2, "x", T0).json(), StandardCharsets.UTF_8)
        .replace("\"severityNumber\":18", "\"severityNumber\":\"SEVERITY_NUMBER_ERROR2\"")
        .replace("\"timeUnixNano\":\"" + T0 + "\"", "\"time_unix_nano\":" + T0);

    decode(e, body.getBytes(StandardCharsets.UTF_8));

    assertThat(sink.records.get(0).severityNumber()).isEqualTo(18);
    assertThat(sink.records.get(0).timeEpochMillis()).isEqualTo(T0 / 1_000_000);
  }

  @ParameterizedTest
  @EnumSource(value = Encoding.class, names = {"JSON", "KAFKA_JSON"})
  void pulseJsonEventsOnTheLogsHubAreRejected(Encoding e) {
    assertThatThrownBy(() -> decode(e, "[{\"tenantId\":\"t\"}]".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("belong on the traces hub (TELEMETRY_HUB_NAME)");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
