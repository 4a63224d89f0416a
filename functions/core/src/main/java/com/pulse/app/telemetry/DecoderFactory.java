package com.pulse.app.telemetry;

import com.pulse.domain.telemetry.TelemetryDecoder;

/**
 * Chooses the decoder for an event's content type (implemented by
 * {@code com.pulse.domain.telemetry.decode.TelemetryDecoders}). One instance per thread, like the
 * decoders it returns.
 */
@FunctionalInterface
public interface DecoderFactory {

  /**
   * @param contentType the event's {@code content-type}, e.g. {@code application/x-protobuf}
   * @return a decoder for it
   * @throws IllegalArgumentException if the content type is not supported (the dead-letter reason)
   */
  TelemetryDecoder forContentType(String contentType);
}
