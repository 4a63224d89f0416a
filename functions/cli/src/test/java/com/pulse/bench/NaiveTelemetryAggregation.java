package com.pulse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The naive baseline the benchmark compares against: Jackson databind (objects / a tree) or the
 * generated protobuf classes, then a {@code HashMap} from a concatenated window key to an
 * {@code ArrayList} of latencies. Same counting rules as the real decoders. Not thread-safe.
 */
final class NaiveTelemetryAggregation {
  /** Databind target of a Pulse JSON event. */
  public static final class PulseEvent {
    public String tenantId;
    public String service;
    public String operation;
    public String timestamp;
    public double durationMs;
    public String status;
    public String userId;
    public String traceparent;
  }

  private final ObjectMapper mapper = new ObjectMapper();
  final Map<String, List<Double>> latencies = new HashMap<>();
  final Map<String, Long> errors = new HashMap<>();

  void reset() {
    latencies.clear();
    errors.clear();
  }

  int pulseJson(byte[] body) throws IOException {
    PulseEvent e = mapper.readValue(body, PulseEvent.class);
    add(e.tenantId, e.service, e.operation, Instant.parse(e.timestamp).toEpochMilli(), e.durationMs,
        "error".equals(e.status));
    return 1;
  }

  int otlpJson(byte[] body) throws IOException {
    int n = 0;
    for (JsonNode rs : mapper.readTree(body).path("resourceSpans")) {
      String tenant = null;
      String service = null;
      for (JsonNode kv : rs.path("resource").path("attributes")) {
        String key = kv.path("key").asText();
        if (key.equals("tenant.id")) {
          tenant = kv.path("value").path("stringValue").asText();
        } else if (key.equals("service.name")) {
          service = kv.path("value").path("stringValue").asText();
        }
      }
      for (JsonNode ss : rs.path("scopeSpans")) {
        for (JsonNode span : ss.path("spans")) {
          int kind = span.path("kind").asInt();
          if (kind != 2 && kind != 5) {
            continue;
          }
          String operation = span.path("name").asText();
          long status = 0;
          for (JsonNode kv : span.path("attributes")) {
            String key = kv.path("key").asText();
            if (key.equals("http.route")) {
              operation = kv.path("value").path("stringValue").asText();
            } else if (key.equals("http.response.status_code")) {
              status = Long.parseLong(kv.path("value").path("intValue").asText());
            }
          }
          long start = Long.parseLong(span.path("startTimeUnixNano").asText());
          long end = Long.parseLong(span.path("endTimeUnixNano").asText());
          boolean error = span.path("status").path("code").asInt() == 2 || status >= 500;
          add(tenant, service, operation, start / 1_000_000, (end - start) / 1e6, error);
          n++;
        }
      }
    }
    return n;
  }

  int otlpProtobuf(byte[] body) throws IOException {
    int n = 0;
    for (ResourceSpans rs : ExportTraceServiceRequest.parseFrom(body).getResourceSpansList()) {
      String tenant = null;
      String service = null;
      for (KeyValue kv : rs.getResource().getAttributesList()) {
        if (kv.getKey().equals("tenant.id")) {
          tenant = kv.getValue().getStringValue();
        } else if (kv.getKey().equals("service.name")) {
          service = kv.getValue().getStringValue();
        }
      }
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        for (Span span : ss.getSpansList()) {
          if (span.getKindValue() != 2 && span.getKindValue() != 5) {
            continue;
          }
          String operation = span.getName();
          long status = 0;
          for (KeyValue kv : span.getAttributesList()) {
            if (kv.getKey().equals("http.route")) {
              operation = kv.getValue().getStringValue();
            } else if (kv.getKey().equals("http.response.status_code")) {
              status = kv.getValue().getIntValue();
            }
          }
          long start = span.getStartTimeUnixNano();
          boolean error = span.getStatus().getCodeValue() == 2 || status >= 500;
          add(tenant, service, operation, start / 1_000_000,
              (span.getEndTimeUnixNano() - start) / 1e6, error);
          n++;
        }
      }
    }
    return n;
  }

  private void add(String tenant, String service, String operation, long startMillis,
      double latencyMs, boolean error) {
    String key = tenant + "|" + service + "|" + operation + "|" + (startMillis / 60_000 * 60_000);
    latencies.computeIfAbsent(key, k -> new ArrayList<>()).add(latencyMs);
    if (error) {
      errors.merge(key, 1L, Long::sum);
    }
  }
}
