package com.pulse.domain.telemetry.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.pulse.domain.telemetry.RequestSink;
import com.pulse.domain.telemetry.TelemetryDecoder;
import com.pulse.domain.telemetry.internal.decode.BodyEncoding;
import com.pulse.domain.telemetry.internal.decode.JsonTelemetryDecoder;
import com.pulse.domain.telemetry.internal.decode.OtlpProtobufDecoder;

/**
 * Chooses the {@link TelemetryDecoder} for an event's {@code content-type} property (or, without
 * one, detects the encoding per body: {@link BodyEncoding#decodeDetected}, arrays being JSON):
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
  private TelemetryDecoder protobuf;
  private TelemetryDecoder json;
  private final TelemetryDecoder detecting = this::decodeDetected;

  /**
   * Creates the factory; each decoder (with its buffers and caches) is created on the first event of
   * its media type, so a stream of one format never loads or allocates the other.
   */
  public TelemetryDecoders() {}

  /**
   * The decoder for {@code contentType}; the same instance for every call with the same media type.
   *
   * @param contentType the event's {@code content-type} property, e.g. {@code application/json}, or
   *     null / blank when the producer sets none (the OpenTelemetry Collector's kafka exporter)
   * @return the decoder of that media type; without a content type, a decoder that detects the
   *     encoding per body (see {@link BodyEncoding#decodeDetected})
   * @throws IllegalArgumentException if {@code contentType} is set but not one of the two
   *     supported media types ("unsupported content-type ...": the dead-letter reason)
   */
  public TelemetryDecoder forContentType(String contentType) {
    BodyEncoding encoding = BodyEncoding.ofContentType(contentType);
    return encoding == null ? detecting : encoding == BodyEncoding.JSON ? json() : protobuf();
  }

  private int decodeDetected(byte[] body, RequestSink sink) {
    return BodyEncoding.decodeDetected(body, sink, (b, s) -> json().decode(b, s), (b, s) -> protobuf().decode(b, s), true);
  }

  private TelemetryDecoder json() {
    if (json == null) {
      json = new JsonTelemetryDecoder(new JsonFactory());
    }
    return json;
  }

  private TelemetryDecoder protobuf() {
    if (protobuf == null) {
      protobuf = new OtlpProtobufDecoder();
    }
    return protobuf;
  }
}
