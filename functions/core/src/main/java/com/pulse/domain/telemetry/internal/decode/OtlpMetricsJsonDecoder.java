package com.pulse.domain.telemetry.internal.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Streaming (Jackson token) decoder of OTLP/JSON {@code ExportMetricsServiceRequest} bodies
 * (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding): lowerCamelCase keys
 * (snake_case accepted), int64/fixed64 fields ({@code timeUnixNano}, {@code count},
 * {@code bucketCounts}, {@code asInt}) as decimal strings or numbers, doubles as numbers or the
 * proto3 JSON strings {@code "NaN"}, {@code "Infinity"}, enums as integers or value names
 * ({@code AGGREGATION_TEMPORALITY_CUMULATIVE}). Unknown fields are skipped. What a point becomes is
 * {@link MetricMapping}, the rule shared with {@link OtlpMetricsProtobufDecoder}. All-or-nothing per
 * body. Not thread-safe.
 */
public final class OtlpMetricsJsonDecoder {
  private static final Map<String, Integer> TEMPORALITY = Map.of(
      "AGGREGATION_TEMPORALITY_UNSPECIFIED", 0, "AGGREGATION_TEMPORALITY_DELTA", DataPoint.DELTA,
      "AGGREGATION_TEMPORALITY_CUMULATIVE", DataPoint.CUMULATIVE);

  private final JsonFactory factory;
  private final MetricMapping mapping;
  private final StringCache names = new StringCache(1024);
  private final StringCache values = new StringCache(4096);
  private final ResourceIdentity resource = new ResourceIdentity();
  private long resourceHash;
  private int resourceIndex;
  private String key;
  private String text;
  private long valueHash;

  /**
   * @param factory Jackson factory (thread-safe, shared)
   * @param dimensions kept dimension names (allow-list)
   */
  public OtlpMetricsJsonDecoder(JsonFactory factory, List<String> dimensions) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.mapping = new MetricMapping(dimensions);
  }

  /**
   * Appends the data points of {@code body} to {@code out}.
   *
   * @return number of points appended
   * @throws IllegalArgumentException if the body is not an OTLP/JSON metrics request (the
   *     dead-letter reason)
   */
  public int decode(byte[] body, PointBuffer out) {
    int mark = out.mark();
    try (JsonParser p = factory.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("expected an OTLP/JSON ExportMetricsServiceRequest object");
      }
      resourceIndex = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if (field.equals("resourceMetrics") || field.equals("resource_metrics")) {
          expect(v, JsonToken.START_ARRAY, field);
          while (p.nextToken() != JsonToken.END_ARRAY) {
            expect(p.currentToken(), JsonToken.START_OBJECT, field);
            resourceMetrics(p, out);
            resourceIndex++;
          }
        } else if (field.equals("resourceSpans") || field.equals("resourceLogs")) {
          throw new IllegalArgumentException("an OTLP/JSON " + (field.equals("resourceSpans") ? "traces" : "logs")
              + " request on the metrics hub (top-level " + field + ")");
        } else {
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("trailing content after the JSON value");
      }
    } catch (IOException e) {
      out.rollback(mark);
      throw OtlpJson.rejected(e);
    } catch (RuntimeException e) {
      out.rollback(mark);
      throw e;
    }
    return out.size() - mark;
  }

  private void resourceMetrics(JsonParser p, PointBuffer out) throws IOException {
    int from = out.size();
    ResourceIdentity resource = this.resource;
    resource.reset();
    resourceHash = 0;
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if (field.equals("resource")) {
        OtlpJson.resourceAttributes(p, v, "resourceMetrics", resourceIndex, () -> {
          keyValue(p);
          resourceHash += MetricMapping.attributeHash(key, valueHash);
          resource.offer(key, text);
        });
      } else if (field.equals("scopeMetrics") || field.equals("scope_metrics")) {
        expect(v, JsonToken.START_ARRAY, field);
        while (p.nextToken() != JsonToken.END_ARRAY) {
          expect(p.currentToken(), JsonToken.START_OBJECT, field);
          scopeMetrics(p, out);
        }
      } else {
        p.skipChildren();
      }
    }
    MetricMapping.endResource(out, from, resource.tenantOrNull(), resource.serviceOrNull(), resourceHash, resourceIndex);
  }

  private void scopeMetrics(JsonParser p, PointBuffer out) throws IOException {
    int from = out.size();
    long scopeHash = 0;
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if (field.equals("scope")) {
        expect(v, JsonToken.START_OBJECT, field);
        while (p.nextToken() != JsonToken.END_OBJECT) {
          String sf = p.currentName();
          JsonToken sv = p.nextToken();
          if (sf.equals("name") && sv == JsonToken.VALUE_STRING) {
            scopeHash = MetricMapping.hashString(string(p, names));
          } else {
            p.skipChildren();
          }
        }
      } else if (field.equals("metrics")) {
        expect(v, JsonToken.START_ARRAY, field);
        while (p.nextToken() != JsonToken.END_ARRAY) {
          expect(p.currentToken(), JsonToken.START_OBJECT, field);
          metric(p, out);
        }
      } else {
        p.skipChildren();
      }
    }
    MetricMapping.endScope(out, from, scopeHash);
  }

  private void metric(JsonParser p, PointBuffer out) throws IOException {
    int from = out.size();
    String name = null;
    String unit = "";
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      int type = switch (field) {
        case "gauge" -> DataPoint.GAUGE;
        case "sum" -> DataPoint.SUM;
        case "histogram" -> DataPoint.HISTOGRAM;
        case "exponentialHistogram", "exponential_histogram" -> DataPoint.EXPONENTIAL_HISTOGRAM;
        case "summary" -> DataPoint.SUMMARY;
        default -> -1;
      };
      if (field.equals("name")) {
        expect(v, JsonToken.VALUE_STRING, field);
        name = string(p, names);
      } else if (field.equals("unit")) {
        expect(v, JsonToken.VALUE_STRING, field);
        unit = string(p, names);
      } else if (type >= 0) {
        expect(v, JsonToken.START_OBJECT, field);
        data(p, out, type);
      } else {
        p.skipChildren();
      }
    }
    MetricMapping.endMetric(out, from, name, unit, resourceIndex);
  }

  private void data(JsonParser p, PointBuffer out, int type) throws IOException {
    int from = out.size();
    int temporality = 0;
    boolean monotonic = false;
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if (field.equals("dataPoints") || field.equals("data_points")) {
        expect(v, JsonToken.START_ARRAY, field);
        while (p.nextToken() != JsonToken.END_ARRAY) {
          expect(p.currentToken(), JsonToken.START_OBJECT, field);
          point(p, out.next(), type);
        }
      } else if (field.equals("aggregationTemporality") || field.equals("aggregation_temporality")) {
        temporality = v == JsonToken.VALUE_STRING ? TEMPORALITY.getOrDefault(p.getText(), 0) : (int) int64(p, v, field);
      } else if (field.equals("isMonotonic") || field.equals("is_monotonic")) {
        monotonic = v == JsonToken.VALUE_TRUE;
      } else {
        p.skipChildren();
      }
    }
    MetricMapping.endData(out, from, type, temporality, monotonic);
  }

  private void point(JsonParser p, DataPoint dp, int type) throws IOException {
    mapping.beginAttributes();
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      switch (field) {
        case "attributes" -> {
          expect(v, JsonToken.START_ARRAY, field);
          while (p.nextToken() != JsonToken.END_ARRAY) {
            keyValue(p);
            mapping.pointAttribute(dp, key, valueHash, text);
          }
        }
        case "startTimeUnixNano", "start_time_unix_nano" -> dp.startNanos = int64(p, v, field);
        case "timeUnixNano", "time_unix_nano" -> dp.timeNanos = int64(p, v, field);
        case "flags" -> dp.flags = (int) int64(p, v, field);
        case "asDouble", "as_double" -> dp.value = number(p, v, field);
        case "asInt", "as_int" -> dp.value = int64(p, v, field);
        case "count" -> dp.count = int64(p, v, field);
        case "sum" -> dp.sum = number(p, v, field);
        case "min" -> dp.min = number(p, v, field);
        case "max" -> dp.max = number(p, v, field);
        case "scale" -> dp.scale = (int) int64(p, v, field);
        case "zeroCount", "zero_count" -> dp.zeroCount = int64(p, v, field);
        case "bucketCounts", "bucket_counts" -> {
          expect(v, JsonToken.START_ARRAY, field);
          for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            dp.addBucket(int64(p, t, field));
          }
        }
        case "explicitBounds", "explicit_bounds" -> {
          expect(v, JsonToken.START_ARRAY, field);
          for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            dp.addBound(number(p, t, field));
          }
        }
        case "positive", "negative" -> {
          expect(v, JsonToken.START_OBJECT, field);
          boolean positive = field.equals("positive");
          while (p.nextToken() != JsonToken.END_OBJECT) {
            String bf = p.currentName();
            JsonToken bv = p.nextToken();
            if (bf.equals("offset")) {
              int offset = (int) int64(p, bv, bf);
              if (positive) {
                dp.positiveOffset = offset;
              } else {
                dp.negativeOffset = offset;
              }
            } else if (bf.equals("bucketCounts") || bf.equals("bucket_counts")) {
              expect(bv, JsonToken.START_ARRAY, bf);
              for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                dp.addExponential(positive, int64(p, t, bf));
              }
            } else {
              p.skipChildren();
            }
          }
        }
        default -> p.skipChildren();
      }
    }
    if (type != DataPoint.HISTOGRAM) {
      dp.nBuckets = 0; // bucketCounts belongs to explicit histograms only
    }
    mapping.endPoint(dp);
  }

  private void keyValue(JsonParser p) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT, "attributes");
    key = "";
    text = null;
    valueHash = 0;
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if (field.equals("key")) {
        expect(v, JsonToken.VALUE_STRING, field);
        key = string(p, names);
      } else if (field.equals("value")) {
        expect(v, JsonToken.START_OBJECT, field);
        while (p.nextToken() != JsonToken.END_OBJECT) {
          String vf = p.currentName();
          JsonToken vv = p.nextToken();
          switch (vf) {
            case "stringValue", "string_value" -> {
              expect(vv, JsonToken.VALUE_STRING, vf);
              text = string(p, values);
              valueHash = MetricMapping.hashString(text);
            }
            case "intValue", "int_value" -> {
              long n = int64(p, vv, vf);
              valueHash = MetricMapping.hashLong(n);
              text = MetricMapping.intText(n);
            }
            case "boolValue", "bool_value" -> valueHash = MetricMapping.hashLong(vv == JsonToken.VALUE_TRUE ? 1 : 0) + 1;
            case "doubleValue", "double_value" -> valueHash = MetricMapping.hashDouble(number(p, vv, vf));
            default -> {
              valueHash = MetricMapping.hashString(vf) + 7;
              p.skipChildren();
            }
          }
        }
      } else {
        p.skipChildren();
      }
    }
  }

  private static String string(JsonParser p, StringCache cache) throws IOException {
    return cache.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
  }

  /** A double: a JSON number or a proto3 JSON string ("NaN", "Infinity", "-Infinity", or a decimal). */
  private double number(JsonParser p, JsonToken v, String field) throws IOException {
    if (v == JsonToken.VALUE_NUMBER_FLOAT || v == JsonToken.VALUE_NUMBER_INT) {
      return p.getDoubleValue();
    }
    if (v == JsonToken.VALUE_STRING) {
      try {
        return Double.parseDouble(p.getText());
      } catch (NumberFormatException e) {
        throw wrong(field, "a number", v);
      }
    }
    throw wrong(field, "a number", v);
  }

  private long int64(JsonParser p, JsonToken v, String field) throws IOException {
    return OtlpJson.int64(p, v, field, "resourceMetrics", resourceIndex);
  }

  private void expect(JsonToken actual, JsonToken expected, String field) {
    OtlpJson.expect(actual, expected, field, "resourceMetrics", resourceIndex);
  }

  private IllegalArgumentException wrong(String field, String expected, JsonToken actual) {
    return OtlpJson.wrongType(field, expected, actual, "resourceMetrics", resourceIndex);
  }
}
