package com.pulse.domain.telemetry.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.domain.telemetry.TelemetryDecoder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import com.google.protobuf.CodedOutputStream;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import java.io.ByteArrayOutputStream;
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
  void attributesSpansToAResourceThatFollowsThem() throws Exception {
    byte[] sdkBytes = encode(new OtlpSpans().span(FABRIKAM, "late-resource", SpanKind.SERVER, T0, 5));
    ResourceSpans rs = ExportTraceServiceRequest.parseFrom(sdkBytes).getResourceSpans(0);
    // protobuf merges repeated occurrences of a message: spans first, then the resource
    ByteArrayOutputStream resourceSpans = new ByteArrayOutputStream();
    rs.toBuilder().clearResource().build().writeTo(resourceSpans);
    ResourceSpans.newBuilder().setResource(rs.getResource()).build().writeTo(resourceSpans);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(body);
    out.writeByteArray(ExportTraceServiceRequest.RESOURCE_SPANS_FIELD_NUMBER, resourceSpans.toByteArray());
    out.flush();

    assertThat(ExportTraceServiceRequest.parseFrom(body.toByteArray()).getResourceSpans(0))
        .isEqualTo(rs);
    assertThat(decoder().decode(body.toByteArray(), sink)).isEqualTo(1);
    assertThat(sink.requests.get(0).tenantId()).isEqualTo("fabrikam");
    assertThat(sink.requests.get(0).service()).isEqualTo("search");
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

  @Test
  void rejectsInvalidUtf8InATenantIdInsteadOfReplacingIt() {
    byte[] body = encode(new OtlpSpans().span(OtlpSpans.resource("checkout", "acmeZZ"), "a", SpanKind.SERVER, T0, 5));
    byte[] marker = "acmeZZ".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i + marker.length <= body.length; i++) {
      if (Arrays.equals(body, i, i + marker.length, marker, 0, marker.length)) {
        body[i + 4] = (byte) 0xc3; // a lead byte followed by an ASCII byte: malformed
        body[i + 5] = (byte) 0x28;
      }
    }
    byte[] corrupted = body;

    assertThatThrownBy(() -> decoder().decode(corrupted, sink))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid UTF-8");
    assertThat(sink.requests).isEmpty();
  }
}
