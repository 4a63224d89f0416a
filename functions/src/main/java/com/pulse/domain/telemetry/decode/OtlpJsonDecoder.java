package com.pulse.domain.telemetry.decode;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** Streaming decoder of OTLP/JSON trace requests. Not thread-safe. */
final class OtlpJsonDecoder {
  private final RequestBuffer buffer;

  OtlpJsonDecoder(RequestBuffer buffer) {
    this.buffer = buffer;
  }

  /**
   * Decodes an {@code ExportTraceServiceRequest}; the parser is on a top-level FIELD_NAME.
   *
   * @throws IllegalArgumentException on an invalid request
   * @throws IOException from Jackson on malformed JSON
   */
  void decodeRequest(JsonParser p) throws IOException {
    throw new IllegalArgumentException("OTLP/JSON decoding not implemented yet");
  }
}
