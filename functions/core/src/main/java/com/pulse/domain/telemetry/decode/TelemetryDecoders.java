package com.pulse.domain.telemetry.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.pulse.domain.telemetry.TelemetryDecoder;
import com.pulse.domain.telemetry.internal.decode.JsonTelemetryDecoder;
import com.pulse.domain.telemetry.internal.decode.OtlpProtobufDecoder;

/**
 * Chooses the {@link TelemetryDecoder} for an event's {@code content-type} property:
 *
 * <ul>
 *   <li>{@code application/x-protobuf}: OTLP protobuf {@code ExportTraceServiceRequest}
 *       (opentelemetry-proto {@code collector/trace/v1/trace_service.proto});
 *   <li>{@code application/json}: OTLP/JSON when the top-level object has {@code resourceSpans}
 *       (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding), otherwise Pulse JSON
 *       events (one object or an array; fields in {@link PulseJsonDecoder}).
 * </ul>
 *
 * Pulse JSON {@code timestamp} is either an ISO-8601 / RFC 3339 string with an offset ({@code Z} or
 * {@code ±hh:mm}, e.g. {@code 2026-11-21T05:41:37.123Z}) or an integer of epoch milliseconds UTC;
 * {@code durationMs} is a number of milliseconds; {@code status} is {@code ok} or {@code error}.
 * OTLP int64 fields are accepted as decimal strings (the OTLP/JSON form) or numbers, enums as
 * integers or value names.
 *
 * <p>Every decoder is all-or-nothing per body and throws {@link IllegalArgumentException} whose
 * message is the dead-letter reason: {@code malformed JSON: ...}, {@code malformed OTLP protobuf:
 * ...}, {@code event N: ...} (Pulse JSON, with the field), {@code resourceSpans[N]: ...} (OTLP), or
 * {@code unattributable: ...} when a request has no tenant.
 *
 * <p>The media type is matched ignoring case, surrounding blanks and parameters
 * ({@code application/json; charset=utf-8}). JSON bodies must be UTF-8 (RFC 8259 §8.1).
 *
 * <p>Not thread-safe: the decoders keep reusable buffers and string caches; use one instance per
 * thread (the decoders it returns belong to it).
 */
public final class TelemetryDecoders {
  private final TelemetryDecoder protobuf = new OtlpProtobufDecoder();
  private final TelemetryDecoder json = new JsonTelemetryDecoder(new JsonFactory());

  /** Creates the decoders with empty buffers and caches. */
  public TelemetryDecoders() {}

  /**
   * The decoder for {@code contentType}; the same instance for every call with the same media type.
   *
   * @param contentType the event's {@code content-type} property, e.g. {@code application/json}
   * @return the decoder of that media type
   * @throws IllegalArgumentException if {@code contentType} is null, blank or not one of the two
   *     supported media types ("unsupported content-type ...": the dead-letter reason)
   */
  public TelemetryDecoder forContentType(String contentType) {
    if (contentType != null) {
      int semicolon = contentType.indexOf(';');
      String media =
          (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
      if (media.equalsIgnoreCase("application/json")) {
        return json;
      }
      if (media.equalsIgnoreCase("application/x-protobuf")) {
        return protobuf;
      }
    }
    throw new IllegalArgumentException(
        "unsupported content-type " + (contentType == null ? "(none)" : "'" + contentType + "'")
            + ": expected application/x-protobuf or application/json");
  }
}
