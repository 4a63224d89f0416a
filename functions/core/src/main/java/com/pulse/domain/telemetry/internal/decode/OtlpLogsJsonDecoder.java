package com.pulse.domain.telemetry.internal.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.pulse.domain.telemetry.log.LogDecoder;
import com.pulse.domain.telemetry.log.LogSink;
import com.pulse.domain.telemetry.log.Severity;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Streaming (Jackson token) decoder of OTLP/JSON {@code ExportLogsServiceRequest} bodies, under the
 * OTLP/JSON rules (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding): lowerCamelCase
 * keys (snake_case accepted), {@code severityNumber} as an integer or its value name
 * ({@code "SEVERITY_NUMBER_ERROR2"}), 64-bit times as decimal strings or numbers, {@code body} an
 * {@code AnyValue} object. What a record becomes is {@link LogRecordMapping}, the rule shared with
 * {@link OtlpLogsProtobufDecoder}. A top-level {@code resourceSpans} or {@code resourceMetrics}, or
 * a JSON array (Pulse JSON events), is rejected with a reason naming the hub it belongs on.
 * All-or-nothing per body; not thread-safe.
 */
public final class OtlpLogsJsonDecoder implements LogDecoder {
  private static final Map<String, Integer> SEVERITY_NAMES = new HashMap<>();

  static {
    SEVERITY_NAMES.put("SEVERITY_NUMBER_UNSPECIFIED", 0);
    for (Severity s : Severity.values()) {
      for (int n = s.lowest(); n <= s.highest() && s != Severity.UNSPECIFIED; n++) {
        int grade = n - s.lowest() + 1;
        SEVERITY_NAMES.put("SEVERITY_NUMBER_" + s.name() + (grade == 1 ? "" : Integer.toString(grade)), n);
      }
    }
  }

  private final JsonFactory factory;
  private final LogBuffer buffer = new LogBuffer();
  private final LogRecordMapping record = new LogRecordMapping();
  private final StringCache names = new StringCache(1024);
  private final StringCache messages = new StringCache(1024);
  private final ResourceIdentity resource = new ResourceIdentity();
  private int resourceIndex;
  private String key;
  private String stringValue;

  /** @throws NullPointerException if {@code factory} is null */
  public OtlpLogsJsonDecoder(JsonFactory factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the body is not well-formed JSON, not an OTLP/JSON logs
   *     request (the reason names the hub it belongs on), has a record without a time, or a resource
   *     without {@code tenant.id} ("unattributable: ...")
   * @throws NullPointerException if {@code body} or {@code sink} is null
   */
  @Override
  public int decode(byte[] body, LogSink sink) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(sink, "sink");
    buffer.clear();
    try (JsonParser p = factory.createParser(body)) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_ARRAY) {
        throw new IllegalArgumentException("Pulse JSON events on the logs hub (LOGS_HUB_NAME): they belong on the"
            + " traces hub (TELEMETRY_HUB_NAME)");
      }
      if (t != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("expected a JSON object, found " + (t == null ? "an empty body" : t));
      }
      boolean found = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if (field.equals("resourceLogs") || field.equals("resource_logs")) {
          expect(v, JsonToken.START_ARRAY, field);
          found = true;
          resourceIndex = 0;
          while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(v, JsonToken.START_OBJECT, field);
            resourceLogs(p);
            resourceIndex++;
          }
        } else if (field.equals("resourceSpans") || field.equals("resource_spans")) {
          throw misrouted("an OTLP/JSON traces request", "the traces hub (TELEMETRY_HUB_NAME)");
        } else if (field.equals("resourceMetrics") || field.equals("resource_metrics")) {
          throw misrouted("an OTLP/JSON metrics request", "the metrics hub (METRICS_HUB_NAME)");
        } else {
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("trailing content after the JSON value");
      }
      if (!found) {
        throw new IllegalArgumentException("not an OTLP/JSON logs request: no top-level resourceLogs (Pulse JSON events"
            + " belong on the traces hub, TELEMETRY_HUB_NAME)");
      }
    } catch (IOException e) {
      buffer.clear();
      throw OtlpJson.rejected(e);
    } catch (RuntimeException e) {
      buffer.clear();
      throw e;
    }
    return buffer.flushTo(sink);
  }

  private static IllegalArgumentException misrouted(String what, String hub) {
    return new IllegalArgumentException(what + " on the logs hub (LOGS_HUB_NAME): it belongs on " + hub
        + " (route the Collector's pipeline of that signal to its own topic)");
  }

  private void resourceLogs(JsonParser p) throws IOException {
    int from = buffer.size();
    ResourceIdentity resource = this.resource;
    resource.reset();
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if (field.equals("resource")) {
        OtlpJson.resourceAttributes(p, v, "resourceLogs", resourceIndex, () -> {
          keyValue(p);
          resource.offer(key, stringValue);
        });
      } else if (field.equals("scopeLogs") || field.equals("scope_logs")) {
        OtlpJson.scopeRecords(p, v, field, "logRecords", "log_records", "resourceLogs", resourceIndex, () -> logRecord(p));
      } else {
        p.skipChildren();
      }
    }
    if (buffer.size() > from) {
      buffer.attribute(from, resource.tenant("resourceLogs", resourceIndex), resource.service());
    }
  }

  private void logRecord(JsonParser p) throws IOException {
    LogRecordMapping r = record;
    r.reset();
    boolean severitySeen = false;
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      switch (field) {
        case "timeUnixNano", "time_unix_nano" -> r.timeNanos = int64(p, v, field);
        case "observedTimeUnixNano", "observed_time_unix_nano" -> r.observedNanos = int64(p, v, field);
        case "severityNumber", "severity_number" -> {
          r.severityNumber = severity(p, v);
          severitySeen = true;
        }
        case "eventName", "event_name" -> {
          expect(v, JsonToken.VALUE_STRING, field);
          r.eventName = names.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
        case "body" -> {
          if (severitySeen && !r.needsMessage() || v != JsonToken.START_OBJECT) {
            p.skipChildren();
            break;
          }
          while (p.nextToken() != JsonToken.END_OBJECT) {
            String bf = p.currentName();
            JsonToken bv = p.nextToken();
            if ((bf.equals("stringValue") || bf.equals("string_value")) && bv == JsonToken.VALUE_STRING) {
              r.body = messages.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            } else {
              r.bodyType = bf.endsWith("Value") ? bf.substring(0, bf.length() - 5)
                  : bf.endsWith("_value") ? bf.substring(0, bf.length() - 6) : bf;
              p.skipChildren();
            }
          }
        }
        default -> p.skipChildren();
      }
    }
    r.emit(buffer, resourceIndex);
  }

  private int severity(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NUMBER_INT) {
      return p.getIntValue();
    }
    if (v == JsonToken.VALUE_STRING) {
      Integer n = SEVERITY_NAMES.get(p.getText());
      if (n == null) {
        throw new IllegalArgumentException("resourceLogs[" + resourceIndex + "]: unknown severityNumber \""
            + p.getText() + "\"");
      }
      return n;
    }
    throw new IllegalArgumentException("resourceLogs[" + resourceIndex + "]: field 'severityNumber' must be an"
        + " integer enum, found " + v);
  }

  /** Reads one {@code KeyValue} object (parser on its START_OBJECT): {@link #key}, string {@link #stringValue}. */
  private void keyValue(JsonParser p) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT, "attributes");
    key = null;
    stringValue = null;
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if (field.equals("key") && v == JsonToken.VALUE_STRING) {
        key = names.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      } else if (field.equals("value") && v == JsonToken.START_OBJECT) {
        while (p.nextToken() != JsonToken.END_OBJECT) {
          String vf = p.currentName();
          JsonToken vv = p.nextToken();
          if ((vf.equals("stringValue") || vf.equals("string_value")) && vv == JsonToken.VALUE_STRING) {
            stringValue = names.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          } else {
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }
  }

  private long int64(JsonParser p, JsonToken v, String field) throws IOException {
    return OtlpJson.unsignedInt64(p, v, field, "resourceLogs", resourceIndex);
  }

  private void expect(JsonToken actual, JsonToken expected, String field) {
    OtlpJson.expect(actual, expected, field, "resourceLogs", resourceIndex);
  }
}
