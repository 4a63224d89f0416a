package com.pulse.domain.telemetry.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.domain.telemetry.TelemetryDecoder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OtlpProtobufDecoderTest extends OtlpDecoderContract {
  @Override
  byte[] encode(OtlpSpans spans) {
    return spans.protobuf();
  }

  @Override
  TelemetryDecoder decoder() {
    return decoders.forContentType("application/x-protobuf");
  }

  @Test
  void bytesAreAValidExportTraceServiceRequest() throws Exception {
    byte[] body = encode(new OtlpSpans().span(CONTOSO, "a", SpanKind.SERVER, T0, 5));

    ExportTraceServiceRequest parsed = ExportTraceServiceRequest.parseFrom(body);

    assertThat(parsed.getResourceSpans(0).getScopeSpans(0).getSpans(0).getName()).isEqualTo("a");
  }

  @Test
  void anEmptyBodyIsAnEmptyRequest() {
    assertThat(decoder().decode(new byte[0], sink)).isZero();
  }

  @Test
  void rejectsACutInsideALengthDelimitedField() {
    byte[] full = encode(new OtlpSpans().span(CONTOSO, "a", SpanKind.SERVER, T0, 5));

    assertThatThrownBy(() -> decoder().decode(Arrays.copyOf(full, full.length - 3), sink))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("malformed OTLP protobuf:");
    assertThat(sink.requests).isEmpty();
  }

  @Test
  void rejectsGarbageAndJson() {
    assertThatThrownBy(() -> decoder().decode(new byte[] {(byte) 0xff, (byte) 0xff, 0x01}, sink))
        .hasMessageStartingWith("malformed OTLP protobuf:");
    byte[] otlpJson = new OtlpSpans().span(CONTOSO, "a", SpanKind.SERVER, T0, 5).json();
    assertThatThrownBy(() -> decoder().decode(otlpJson, sink))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(sink.requests).isEmpty();
  }
}
