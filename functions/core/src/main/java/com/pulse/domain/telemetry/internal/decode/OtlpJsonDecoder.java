package com.pulse.domain.telemetry.internal.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Map;

/**
 * Streaming (Jackson token) decoder of OTLP/JSON {@code ExportTraceServiceRequest} bodies, following
 * the OTLP/JSON encoding rules (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding):
 * lowerCamelCase keys (the original snake_case names are accepted too, as in the proto3 JSON
 * mapping), trace and span ids as hex strings (not needed here, skipped), enums as integers
 * ({@code kind} 2 = SERVER, 5 = CONSUMER; status {@code code} 2 = ERROR; the enum value names such as
 * {@code "SPAN_KIND_SERVER"} are accepted too), and 64-bit integers ({@code startTimeUnixNano},
 * {@code endTimeUnixNano}, {@code intValue}) as decimal strings, or as JSON numbers. Unknown fields
 * are skipped. What a span becomes is {@link SpanMapping}, the rule shared with the protobuf decoder. Writes into a shared
 * {@link RequestBuffer}; not thread-safe.
 */
final class OtlpJsonDecoder {
  /** Value names of {@code SpanKind} and {@code Status.StatusCode} (trace.proto), for lenient input. */
  private static final Map<String, Integer> ENUM_NAMES = Map.of(
      "SPAN_KIND_UNSPECIFIED", SpanMapping.KIND_UNSPECIFIED,
      "SPAN_KIND_INTERNAL", SpanMapping.KIND_INTERNAL,
      "SPAN_KIND_SERVER", SpanMapping.KIND_SERVER,
      "SPAN_KIND_CLIENT", SpanMapping.KIND_CLIENT,
      "SPAN_KIND_PRODUCER", SpanMapping.KIND_PRODUCER,
      "SPAN_KIND_CONSUMER", SpanMapping.KIND_CONSUMER,
      "STATUS_CODE_UNSET", 0,
      "STATUS_CODE_OK", 1,
      "STATUS_CODE_ERROR", SpanMapping.STATUS_ERROR);

  private final RequestBuffer buffer;
  private final SpanMapping span = new SpanMapping();
  private final StringCache names = new StringCache(StringCache.NAME_SLOTS);
  private final StringCache values = new StringCache(16384);
  private final ResourceIdentity resource = new ResourceIdentity();
  private int resourceIndex;

  // the last KeyValue read
  private String key;
  private String stringValue;
  private long intValue;
  private boolean hasInt;

  OtlpJsonDecoder(RequestBuffer buffer) {
    this.buffer = buffer;
  }

  /**
   * Decodes the fields of a top-level {@code ExportTraceServiceRequest} object; the parser is on
   * its first {@code FIELD_NAME} and is left on its {@code END_OBJECT}.
   *
   * @throws IllegalArgumentException on an invalid request or an unattributable resource
   * @throws IOException from Jackson on malformed JSON
   */
  void decodeRequest(JsonParser p) throws IOException {
    resourceIndex = 0;
    for (JsonToken t = p.currentToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if (field.equals("resourceSpans") || field.equals("resource_spans")) {
        expect(v, JsonToken.START_ARRAY, field);
        while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
          expect(v, JsonToken.START_OBJECT, field);
          resourceSpans(p);
          resourceIndex++;
        }
      } else {
        p.skipChildren();
      }
    }
  }

  private void resourceSpans(JsonParser p) throws IOException {
    int from = buffer.size();
    ResourceIdentity resource = this.resource;
    resource.reset();
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if (field.equals("resource")) {
        OtlpJson.resourceAttributes(p, v, "resourceSpans", resourceIndex, () -> {
          keyValue(p);
          resource.offer(key, stringValue);
        });
      } else if (field.equals("scopeSpans") || field.equals("scope_spans")) {
        OtlpJson.scopeRecords(p, v, field, "spans", "spans", "resourceSpans", resourceIndex, () -> span(p));
      } else {
        p.skipChildren();
      }
    }
    if (buffer.size() > from) {
      buffer.attribute(from, resource.tenant("resourceSpans", resourceIndex), resource.service());
    }
  }

  private void span(JsonParser p) throws IOException {
    SpanMapping span = this.span;
    span.reset();
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      switch (field) {
        case "name":
          expect(v, JsonToken.VALUE_STRING, field);
          span.name = names.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          break;
        case "kind":
          span.kind = enumValue(p, v, field);
          break;
        case "startTimeUnixNano":
        case "start_time_unix_nano":
          span.startNanos = int64(p, v, field);
          break;
        case "endTimeUnixNano":
        case "end_time_unix_nano":
          span.endNanos = int64(p, v, field);
          break;
        case "attributes":
          expect(v, JsonToken.START_ARRAY, field);
          while (p.nextToken() != JsonToken.END_ARRAY) {
            keyValue(p);
            int id = SpanMapping.idOf(key);
            if (hasInt) {
              span.integer(id, intValue);
            } else if (stringValue != null) {
              span.string(id, stringValue);
            }
          }
          break;
        case "status":
          expect(v, JsonToken.START_OBJECT, field);
          while (p.nextToken() != JsonToken.END_OBJECT) {
            String sf = p.currentName();
            JsonToken sv = p.nextToken();
            if (sf.equals("code")) {
              span.statusCode = enumValue(p, sv, "status.code");
            } else {
              p.skipChildren();
            }
          }
          break;
        default:
          p.skipChildren();
      }
    }
    span.emit(buffer, resourceIndex);
  }

  /** Reads one {@code KeyValue} object (parser on its START_OBJECT) into the fields above. */
  private void keyValue(JsonParser p) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT, "attributes");
    key = null;
    stringValue = null;
    hasInt = false;
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if (field.equals("key")) {
        expect(v, JsonToken.VALUE_STRING, field);
        key = names.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      } else if (field.equals("value")) {
        expect(v, JsonToken.START_OBJECT, field);
        while (p.nextToken() != JsonToken.END_OBJECT) {
          String vf = p.currentName();
          JsonToken vv = p.nextToken();
          if ((vf.equals("stringValue") || vf.equals("string_value")) && vv == JsonToken.VALUE_STRING) {
            stringValue = values.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          } else if (vf.equals("intValue") || vf.equals("int_value")) {
            intValue = int64(p, vv, vf);
            hasInt = true;
          } else {
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }
  }

  /** An OTLP enum: its integer (the OTLP/JSON form) or its value name; unknown names are 0. */
  private int enumValue(JsonParser p, JsonToken v, String field) throws IOException {
    if (v == JsonToken.VALUE_NUMBER_INT) {
      return p.getIntValue();
    }
    if (v == JsonToken.VALUE_STRING) {
      return ENUM_NAMES.getOrDefault(p.getText(), 0);
    }
    throw wrongType(field, "an integer enum", v);
  }

  private long int64(JsonParser p, JsonToken v, String field) throws IOException {
    return OtlpJson.int64(p, v, field, "resourceSpans", resourceIndex);
  }

  private void expect(JsonToken actual, JsonToken expected, String field) {
    OtlpJson.expect(actual, expected, field, "resourceSpans", resourceIndex);
  }

  private IllegalArgumentException wrongType(String field, String expected, JsonToken actual) {
    return OtlpJson.wrongType(field, expected, actual, "resourceSpans", resourceIndex);
  }
}
