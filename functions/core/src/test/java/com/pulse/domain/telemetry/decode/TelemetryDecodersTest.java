package com.pulse.domain.telemetry.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.domain.telemetry.internal.decode.JsonTelemetryDecoder;
import com.pulse.domain.telemetry.internal.decode.OtlpProtobufDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TelemetryDecodersTest {
  private final TelemetryDecoders decoders = new TelemetryDecoders();

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "Application/JSON", " application/json ; charset=utf-8"})
  void jsonIsMatchedIgnoringCaseAndParameters(String contentType) {
    assertThat(decoders.forContentType(contentType))
        .isInstanceOf(JsonTelemetryDecoder.class)
        .isSameAs(decoders.forContentType("application/json"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/x-protobuf", "APPLICATION/X-PROTOBUF;proto=v1"})
  void protobufIsMatchedIgnoringCaseAndParameters(String contentType) {
    assertThat(decoders.forContentType(contentType)).isInstanceOf(OtlpProtobufDecoder.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/jsonl", "application/protobuf", ";"})
  void otherContentTypesAreUnsupported(String contentType) {
    assertThatThrownBy(() -> decoders.forContentType(contentType))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unsupported content-type");
  }

  @Test
  void eachInstanceHasItsOwnDecoders() {
    assertThat(new TelemetryDecoders().forContentType("application/json"))
        .isNotSameAs(decoders.forContentType("application/json"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  "})
  void withoutAContentTypeTheEncodingIsDetectedPerBody(String contentType) {
    OtlpSpans spans = new OtlpSpans().span(OtlpSpans.resource("checkout", "contoso"), "GET", io.opentelemetry.api.trace.SpanKind.SERVER,
        1_763_703_697_123_000_000L, 5_000_000);
    RecordingSink sink = new RecordingSink();
    var decoder = decoders.forContentType(contentType);

    assertThat(decoder.decode(spans.protobuf(), sink)).isEqualTo(1);
    assertThat(decoder.decode(spans.json(), sink)).isEqualTo(1);
    byte[] lineFeedJson = ("\n" + new String(spans.json(), java.nio.charset.StandardCharsets.UTF_8))
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(decoder.decode(lineFeedJson, sink)).isEqualTo(1);
    assertThat(decoder.decode("[{\"tenantId\":\"t\",\"service\":\"s\",\"operation\":\"o\",\"timestamp\":0,\"durationMs\":1,\"status\":\"ok\"}]"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8), sink)).isEqualTo(1);
    assertThat(sink.requests).extracting(RecordingSink.Request::tenantId).containsExactly("contoso", "contoso", "contoso", "t");
    assertThatThrownBy(() -> decoder.decode(new byte[] {(byte) 0xff, 0x01}, sink))
        .hasMessageStartingWith("no content-type; malformed OTLP protobuf");
  }
}
