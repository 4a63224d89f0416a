package com.pulse.domain.telemetry.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.domain.telemetry.TelemetryDecoder;
import io.opentelemetry.api.trace.SpanKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OtlpJsonDecoderTest extends OtlpDecoderContract {
  @Override
  byte[] encode(OtlpSpans spans) {
    return spans.json();
  }

  @Override
  TelemetryDecoder decoder() {
    return decoders.forContentType("application/json; charset=utf-8");
  }

  private String json(OtlpSpans spans) {
    return new String(spans.json(), StandardCharsets.UTF_8);
  }

  private int decode(String body) {
    return decoder().decode(body.getBytes(StandardCharsets.UTF_8), sink);
  }

  @Test
  void theSdkWritesTheOtlpJsonConventions() {
    String body = json(new OtlpSpans().span(CONTOSO, "a", SpanKind.SERVER, T0, 5,
        s -> s.setAttribute("http.response.status_code", 503L)));

    assertThat(body)
        .startsWith("{\"resourceSpans\":")
        .contains("\"kind\":2", "\"startTimeUnixNano\":\"" + T0 + "\"", "\"intValue\":\"503\"")
        .containsPattern("\"traceId\":\"[0-9a-f]{32}\"");
  }

  @Test
  void acceptsInt64AsNumbersAndEnumsByName() {
    String body = json(new OtlpSpans().span(CONTOSO, "a", SpanKind.SERVER, T0, 5_000_000,
            s -> s.setAttribute("http.response.status_code", 503L)))
        .replace("\"startTimeUnixNano\":\"" + T0 + "\"", "\"startTimeUnixNano\":" + T0)
        .replace("\"intValue\":\"503\"", "\"intValue\":503")
        .replace("\"kind\":2", "\"kind\":\"SPAN_KIND_SERVER\"");

    assertThat(decode(body)).isEqualTo(1);
    assertThat(sink.requests.get(0).durationMs()).isEqualTo(5.0);
    assertThat(sink.requests.get(0).error()).isTrue();
  }

  @Test
  void enumNamesFollowTheProtoValues() {
    String client = json(new OtlpSpans().span(CONTOSO, "a", SpanKind.SERVER, T0, 5))
        .replace("\"kind\":2", "\"kind\":\"SPAN_KIND_CLIENT\"");
    String consumerError = json(new OtlpSpans().span(CONTOSO, "a", SpanKind.SERVER, T0, 5))
        .replace("\"kind\":2", "\"kind\":\"SPAN_KIND_CONSUMER\"")
        .replace("\"status\":{}", "\"status\":{\"code\":\"STATUS_CODE_ERROR\"}");

    assertThat(decode(client)).isEqualTo(1);
    assertThat(sink.dependencies).hasSize(1);
    assertThat(sink.requests).isEmpty();
    assertThat(decode(consumerError)).isEqualTo(1);
    assertThat(sink.requests.get(0).error()).isTrue();
  }

  @Test
  void dispatchesToOtlpWhenResourceSpansIsNotTheFirstField() {
    String body = json(new OtlpSpans().span(CONTOSO, "a", SpanKind.SERVER, T0, 5))
        .replaceFirst("^\\{", "{\"comment\":{\"tenantId\":\"not-me\"},");

    assertThat(decode(body)).isEqualTo(1);
    assertThat(sink.requests.get(0).tenantId()).isEqualTo("contoso");
  }

  @Test
  void rejectsWrongTypes() {
    String body = json(new OtlpSpans().span(CONTOSO, "a", SpanKind.SERVER, T0, 5));

    assertThatThrownBy(() -> decode(body.replace("\"kind\":2", "\"kind\":{}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field 'kind' must be an integer enum");
    assertThatThrownBy(() -> decode(body.replace("\"startTimeUnixNano\":\"" + T0 + "\"",
            "\"startTimeUnixNano\":\"12x\"")))
        .hasMessageContaining("field 'startTimeUnixNano' is not an int64: \"12x\"");
    assertThatThrownBy(() -> decode(body.replace("\"scopeSpans\":[", "\"scopeSpans\":7,\"x\":[")))
        .hasMessageContaining("field 'scopeSpans' must be an array");
    assertThatThrownBy(() -> decode("{\"resourceSpans\":{}}"))
        .hasMessageContaining("field 'resourceSpans' must be an array");
    assertThat(sink.requests).isEmpty();
  }

  @Test
  void rejectsASpanEndingBeforeItStarts() {
    String body = json(new OtlpSpans().span(CONTOSO, "a", SpanKind.SERVER, T0, 5))
        .replace("\"endTimeUnixNano\":\"" + (T0 + 5) + "\"", "\"endTimeUnixNano\":\"" + (T0 - 5) + "\"");

    assertThatThrownBy(() -> decode(body)).hasMessageContaining("span ends before it starts");
  }

  @Test
  void rejectsACountedSpanWithoutStartTime() {
    String body = json(new OtlpSpans().span(CONTOSO, "a", SpanKind.SERVER, T0, 5))
        .replace("\"startTimeUnixNano\":\"" + T0 + "\",", "");

    assertThatThrownBy(() -> decode(body))
        .hasMessageContaining("resourceSpans[0]: span without a valid startTimeUnixNano: 0");
  }

  @Test
  void rejectsMalformedJson() {
    assertThatThrownBy(() -> decode("{\"resourceSpans\":[{\"resource\":"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("malformed JSON:");
    assertThatThrownBy(() -> decode("{\"resourceSpans\":[]} []"))
        .hasMessageContaining("trailing content");
  }
}
