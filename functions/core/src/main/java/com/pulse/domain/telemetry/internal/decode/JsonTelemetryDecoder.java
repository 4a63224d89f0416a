package com.pulse.domain.telemetry.internal.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.pulse.domain.telemetry.RequestSink;
import com.pulse.domain.telemetry.TelemetryDecoder;
import java.io.IOException;
import java.util.Objects;

/**
 * Decoder for {@code application/json} bodies: an object with a top-level {@code resourceSpans}
 * field is an OTLP/JSON {@code ExportTraceServiceRequest} ({@link OtlpJsonDecoder}); any other object,
 * or an array of objects, is Pulse JSON ({@link PulseJsonDecoder}). One pass in the usual case
 * ({@code resourceSpans} is the first field of an OTLP request); a Pulse-looking object that has
 * {@code resourceSpans} later is re-parsed as OTLP. All-or-nothing per body. Not thread-safe.
 */
public final class JsonTelemetryDecoder implements TelemetryDecoder {
  private final JsonFactory factory;
  private final RequestBuffer buffer = new RequestBuffer();
  private final PulseJsonDecoder pulse = new PulseJsonDecoder(buffer);
  private final OtlpJsonDecoder otlp = new OtlpJsonDecoder(buffer);

  public JsonTelemetryDecoder(JsonFactory factory) {
    this.factory = factory;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the body is not well-formed JSON, is neither an OTLP/JSON
   *     request nor Pulse JSON events, or a request has no tenant ("unattributable: ...")
   * @throws NullPointerException if {@code body} or {@code sink} is null
   */
  @Override
  public int decode(byte[] body, RequestSink sink) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(sink, "sink");
    buffer.clear();
    try {
      parse(body);
    } catch (IOException e) {
      buffer.clear();
      throw OtlpJson.rejected(e);
    } catch (RuntimeException e) {
      buffer.clear();
      throw e;
    }
    return buffer.flushTo(sink);
  }

  private void parse(byte[] body) throws IOException {
    try (JsonParser p = factory.createParser(body)) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_ARRAY) {
        pulse.decodeArray(p, body);
      } else if (t == JsonToken.START_OBJECT) {
        JsonToken first = PulseJsonDecoder.firstToken(p);
        if (first == JsonToken.FIELD_NAME && "resourceSpans".equals(p.currentName())) {
          otlp.decodeRequest(p);
        } else if (first == JsonToken.FIELD_NAME && ("resourceLogs".equals(p.currentName())
            || "resource_logs".equals(p.currentName()))) {
          throw new IllegalArgumentException("an OTLP/JSON logs request on the traces hub (TELEMETRY_HUB_NAME): it"
              + " belongs on the logs hub (LOGS_HUB_NAME) (route the Collector's logs pipeline to its own topic)");
        } else if (pulse.decodeObject(p, body, 0, first) == PulseJsonDecoder.OTLP) {
          buffer.clear();
          try (JsonParser again = factory.createParser(body)) {
            again.nextToken();
            again.nextToken();
            otlp.decodeRequest(again);
            expectEnd(again);
          }
          return;
        }
      } else {
        throw new IllegalArgumentException(
            "expected a JSON object or array, found " + (t == null ? "an empty body" : t));
      }
      expectEnd(p);
    }
  }

  private static void expectEnd(JsonParser p) throws IOException {
    JsonToken extra = p.nextToken();
    if (extra != null) {
      throw new IllegalArgumentException("trailing content after the JSON value: " + extra);
    }
  }
}
