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
   * {@code resourceLogs} (or {@code resource_logs}), or protobuf whose first record has the fields of
   * a {@code LogRecord}. A body that opens like JSON ({@code {} or {@code [} after whitespace) is
   * probed as protobuf only if its first byte is {@code 0x0A}, so the usual JSON event costs a few
   * byte comparisons and never an exception. For tools that read one stream holding several signals
   * (replay of Capture or jsonl files); the functions know the signal from their hub instead.
   * Stateless and thread-safe.
   *
   * @throws NullPointerException if {@code body} is null
   */
  public static boolean isOtlpLogs(byte[] body) {
    int i = skipWhitespace(body, 0);
    if (i < body.length && body[i] == '{') {
      int key = skipWhitespace(body, i + 1);
      if (startsWith(body, key, RESOURCE_LOGS) || startsWith(body, key, RESOURCE_LOGS_SNAKE)) {
        return true;
      }
    }
    // A protobuf request starts with the tag of field 1 (0x0A, a JSON line feed) and its length byte
    // may be '{'; a body whose first byte is anything else and that opens like JSON is not protobuf
    // (0x7B and 0x5B would be deprecated group tags), so it is not probed: the probe of a JSON body
    // costs an exception per event.
    if (i < body.length && (body[i] == '{' || body[i] == '[') && body[0] != 0x0A) {
      return false;
    }
    return OtlpLogsProtobufDecoder.isLogsRequest(body);
  }

  private static final byte[] RESOURCE_LOGS = "\"resourceLogs\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] RESOURCE_LOGS_SNAKE = "\"resource_logs\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private static int skipWhitespace(byte[] body, int from) {
    int i = from;
    while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) {
      i++;
    }
    return i;
  }

  private static boolean startsWith(byte[] body, int from, byte[] prefix) {
    return body.length - from >= prefix.length
        && java.util.Arrays.equals(body, from, from + prefix.length, prefix, 0, prefix.length);
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
