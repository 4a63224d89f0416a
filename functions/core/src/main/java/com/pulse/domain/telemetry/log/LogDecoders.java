package com.pulse.domain.telemetry.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.pulse.domain.telemetry.internal.decode.BodyEncoding;
import com.pulse.domain.telemetry.internal.decode.OtlpLogsJsonDecoder;
import com.pulse.domain.telemetry.internal.decode.OtlpLogsProtobufDecoder;

/**
 * Chooses the {@link LogDecoder} for an event on the logs hub by its {@code content-type}:
 * {@code application/x-protobuf} is OTLP protobuf {@code ExportLogsServiceRequest}
 * (opentelemetry-proto {@code collector/logs/v1/logs_service.proto}), {@code application/json} is
 * OTLP/JSON (top-level {@code resourceLogs}), and no content type (the Collector's kafka exporter
 * sets none) is detected per body: JSON if it starts with {@code {} (after blanks), else protobuf.
 * The media type is matched ignoring case, blanks and parameters.
 *
 * <p>Not thread-safe: decoders keep reusable buffers; use one instance per thread. Each decoder is
 * created on the first event of its media type.
 */
public final class LogDecoders {
  private LogDecoder protobuf;
  private LogDecoder json;
  private final LogDecoder detecting = this::decodeDetected;

  /** A factory with no decoder created yet. */
  public LogDecoders() {}

  /**
   * The decoder for {@code contentType}.
   *
   * @param contentType the event's content type, or null / blank when the producer set none
   * @return the decoder of that media type, or one detecting the encoding per body
   * @throws IllegalArgumentException if {@code contentType} is set but neither supported media type
   *     ("unsupported content-type ...": the dead-letter reason)
   */
  public LogDecoder forContentType(String contentType) {
    BodyEncoding encoding = BodyEncoding.ofContentType(contentType);
    return encoding == null ? detecting : encoding == BodyEncoding.JSON ? json() : protobuf();
  }

  /**
   * True if {@code body} looks like an OTLP logs request: OTLP/JSON whose first key is
   * {@code resourceLogs}, or protobuf whose first record has the fields of a {@code LogRecord}. For
   * tools that read one stream holding several signals (replay of Capture or jsonl files); the
   * functions know the signal from their hub instead.
   *
   * @throws NullPointerException if {@code body} is null
   */
  public static boolean isOtlpLogs(byte[] body) {
    int i = 0;
    while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) {
      i++;
    }
    if (i < body.length && body[i] == '{') {
      String head = new String(body, i, Math.min(body.length - i, 40), java.nio.charset.StandardCharsets.UTF_8)
          .replaceAll("\\s", "");
      if (head.startsWith("{\"resourceLogs\"") || head.startsWith("{\"resource_logs\"")) {
        return true;
      }
    }
    // a protobuf request starts with 0x0A, a JSON line feed, and its length byte may be '{'
    return OtlpLogsProtobufDecoder.isLogsRequest(body);
  }

  /** Detects the encoding by {@link BodyEncoding#decodeDetected}, arrays being JSON. */
  private int decodeDetected(byte[] body, LogSink sink) {
    return BodyEncoding.decodeDetected(body, sink, (b, s) -> json().decode(b, s), (b, s) -> protobuf().decode(b, s), true);
  }

  private LogDecoder json() {
    if (json == null) {
      json = new OtlpLogsJsonDecoder(new JsonFactory());
    }
    return json;
  }

  private LogDecoder protobuf() {
    if (protobuf == null) {
      protobuf = new OtlpLogsProtobufDecoder();
    }
    return protobuf;
  }
}
