package com.pulse.domain.telemetry.decode;

import com.pulse.domain.telemetry.RequestSink;
import com.pulse.domain.telemetry.TelemetryDecoder;

/** Decoder of OTLP protobuf trace requests. Not thread-safe. */
final class OtlpProtobufDecoder implements TelemetryDecoder {
  private final RequestBuffer buffer = new RequestBuffer();

  @Override
  public int decode(byte[] body, RequestSink sink) {
    throw new IllegalArgumentException("OTLP protobuf decoding not implemented yet");
  }
}
