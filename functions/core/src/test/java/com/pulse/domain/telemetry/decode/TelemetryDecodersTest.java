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
  @NullSource
  @ValueSource(strings = {"", "text/plain", "application/jsonl", "application/protobuf", ";"})
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
}
