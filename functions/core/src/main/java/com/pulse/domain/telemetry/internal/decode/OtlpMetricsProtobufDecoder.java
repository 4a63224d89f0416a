package com.pulse.domain.telemetry.internal.decode;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Decoder of OTLP protobuf {@code ExportMetricsServiceRequest} bodies. Like
 * {@link OtlpProtobufDecoder} it walks the wire format with {@link CodedInputStream} (no generated
 * message objects), strings through a {@link StringCache}; field numbers from opentelemetry-proto
 * v1.3.2 {@code metrics/v1/metrics.proto} ({@code Metric}: name 1, unit 3, gauge 5, sum 7,
 * histogram 9, exponential_histogram 10, summary 11; repeated numbers packed or not). What a point
 * becomes is {@link MetricMapping}. All-or-nothing per body: on failure the points appended so far
 * are rolled back. Not thread-safe.
 */
public final class OtlpMetricsProtobufDecoder {
  private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;
  private static final int I64 = WireFormat.WIRETYPE_FIXED64;

  private final MetricMapping mapping;
  private final StringCache names = new StringCache(1024);
  private final StringCache values = new StringCache(4096);
  private final ResourceIdentity resource = new ResourceIdentity();
  private int resourceIndex;
  // the last KeyValue read
  private String key;
  private String text;
  private long valueHash;

  /** @param dimensions kept dimension names (allow-list) */
  public OtlpMetricsProtobufDecoder(List<String> dimensions) {
    this.mapping = new MetricMapping(dimensions);
  }

  /**
   * Appends the data points of {@code body} to {@code out}.
   *
   * @return number of points appended
   * @throws IllegalArgumentException if the body is not a valid request (the dead-letter reason:
   *     {@code malformed OTLP protobuf: ...}, {@code unattributable: ...}, invalid names)
   */
  public int decode(byte[] body, PointBuffer out) {
    Objects.requireNonNull(body, "body");
    int mark = out.mark();
    try {
      CodedInputStream in = CodedInputStream.newInstance(body);
      resourceIndex = 0;
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        if (tag == (1 << 3 | LEN)) {
          int limit = in.pushLimit(in.readRawVarint32());
          resourceMetrics(in, body, out);
          in.popLimit(limit);
          resourceIndex++;
        } else {
          ProtobufWire.skip(in, tag);
        }
      }
    } catch (IOException e) {
      out.rollback(mark);
      throw new IllegalArgumentException("malformed OTLP protobuf: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      out.rollback(mark);
      throw e;
    }
    return out.size() - mark;
  }

  private void resourceMetrics(CodedInputStream in, byte[] body, PointBuffer out) throws IOException {
    int from = out.size();
    ResourceIdentity resource = this.resource;
    resource.reset();
    long resourceHash = 0;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == (1 << 3 | LEN)) { // Resource
        int limit = in.pushLimit(in.readRawVarint32());
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
          if (t == (1 << 3 | LEN)) {
            keyValue(in, body);
            resourceHash += MetricMapping.attributeHash(key, valueHash);
            resource.offer(key, text);
          } else {
            ProtobufWire.skip(in, t);
          }
        }
        in.popLimit(limit);
      } else if (tag == (2 << 3 | LEN)) { // ScopeMetrics
        int limit = in.pushLimit(in.readRawVarint32());
        scopeMetrics(in, body, out);
        in.popLimit(limit);
      } else {
        ProtobufWire.skip(in, tag);
      }
    }
    MetricMapping.endResource(out, from, resource.tenantOrNull(), resource.serviceOrNull(), resourceHash, resourceIndex);
  }

  private void scopeMetrics(CodedInputStream in, byte[] body, PointBuffer out) throws IOException {
    int from = out.size();
    long scopeHash = 0;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == (1 << 3 | LEN)) { // InstrumentationScope: name 1
        int limit = in.pushLimit(in.readRawVarint32());
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
          if (t == (1 << 3 | LEN)) {
            scopeHash = MetricMapping.hashString(ProtobufWire.string(in, body, names));
          } else {
            ProtobufWire.skip(in, t);
          }
        }
        in.popLimit(limit);
      } else if (tag == (2 << 3 | LEN)) {
        int limit = in.pushLimit(in.readRawVarint32());
        metric(in, body, out);
        in.popLimit(limit);
      } else {
        ProtobufWire.skip(in, tag);
      }
    }
    MetricMapping.endScope(out, from, scopeHash);
  }

  private void metric(CodedInputStream in, byte[] body, PointBuffer out) throws IOException {
    int from = out.size();
    String name = null;
    String unit = "";
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = WireFormat.getTagFieldNumber(tag);
      if (tag == (1 << 3 | LEN)) {
        name = ProtobufWire.string(in, body, names);
      } else if (tag == (3 << 3 | LEN)) {
        unit = ProtobufWire.string(in, body, names);
      } else if (WireFormat.getTagWireType(tag) == LEN && (field == 5 || field == 7 || field == 9 || field == 10 || field == 11)) {
        int type = field == 5 ? DataPoint.GAUGE : field == 7 ? DataPoint.SUM : field == 9 ? DataPoint.HISTOGRAM
            : field == 10 ? DataPoint.EXPONENTIAL_HISTOGRAM : DataPoint.SUMMARY;
        int limit = in.pushLimit(in.readRawVarint32());
        data(in, body, out, type);
        in.popLimit(limit);
      } else {
        ProtobufWire.skip(in, tag);
      }
    }
    MetricMapping.endMetric(out, from, name, unit, resourceIndex);
  }

  /** {@code Gauge}/{@code Sum}/{@code Histogram}/{@code ExponentialHistogram}/{@code Summary}: points 1, temporality 2, monotonic 3. */
  private void data(CodedInputStream in, byte[] body, PointBuffer out, int type) throws IOException {
    int from = out.size();
    int temporality = 0;
    boolean monotonic = false;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == (1 << 3 | LEN)) {
        int limit = in.pushLimit(in.readRawVarint32());
        point(in, body, out.next(), type);
        in.popLimit(limit);
      } else if (tag == (2 << 3) && type != DataPoint.GAUGE && type != DataPoint.SUMMARY) {
        temporality = in.readEnum();
      } else if (tag == (3 << 3) && type == DataPoint.SUM) {
        monotonic = in.readBool();
      } else {
        ProtobufWire.skip(in, tag);
      }
    }
    MetricMapping.endData(out, from, type, temporality, monotonic);
  }

  private void point(CodedInputStream in, byte[] body, DataPoint p, int type) throws IOException {
    int attributes = type == DataPoint.EXPONENTIAL_HISTOGRAM ? 1 : type == DataPoint.HISTOGRAM ? 9 : 7;
    int flags = type == DataPoint.HISTOGRAM || type == DataPoint.EXPONENTIAL_HISTOGRAM ? 10 : 8;
    mapping.beginAttributes();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = WireFormat.getTagFieldNumber(tag);
      int wire = WireFormat.getTagWireType(tag);
      if (field == attributes && wire == LEN) {
        keyValue(in, body);
        mapping.pointAttribute(p, key, valueHash, text);
      } else if (field == 2 && wire == I64) {
        p.startNanos = in.readFixed64();
      } else if (field == 3 && wire == I64) {
        p.timeNanos = in.readFixed64();
      } else if (field == flags && wire == 0) {
        p.flags = in.readUInt32();
      } else if (type == DataPoint.GAUGE || type == DataPoint.SUM) {
        if (field == 4 && wire == I64) {
          p.value = in.readDouble();
        } else if (field == 6 && wire == I64) {
          p.value = in.readSFixed64();
        } else {
          ProtobufWire.skip(in, tag);
        }
      } else if (field == 4 && wire == I64) {
        p.count = in.readFixed64();
      } else if (field == 5 && wire == I64) {
        p.sum = in.readDouble();
      } else if (type == DataPoint.HISTOGRAM) {
        histogramField(in, p, tag, field, wire);
      } else if (type == DataPoint.EXPONENTIAL_HISTOGRAM) {
        exponentialField(in, p, tag, field, wire);
      } else {
        ProtobufWire.skip(in, tag);
      }
    }
    mapping.endPoint(p);
  }

  private static void histogramField(CodedInputStream in, DataPoint p, int tag, int field, int wire) throws IOException {
    if (field == 6 && wire == LEN) {
      int limit = in.pushLimit(in.readRawVarint32());
      while (in.getBytesUntilLimit() > 0) {
        p.addBucket(in.readFixed64());
      }
      in.popLimit(limit);
    } else if (field == 6 && wire == I64) {
      p.addBucket(in.readFixed64());
    } else if (field == 7 && wire == LEN) {
      int limit = in.pushLimit(in.readRawVarint32());
      while (in.getBytesUntilLimit() > 0) {
        p.addBound(in.readDouble());
      }
      in.popLimit(limit);
    } else if (field == 7 && wire == I64) {
      p.addBound(in.readDouble());
    } else if (field == 11 && wire == I64) {
      p.min = in.readDouble();
    } else if (field == 12 && wire == I64) {
      p.max = in.readDouble();
    } else {
      ProtobufWire.skip(in, tag);
    }
  }

  private static void exponentialField(CodedInputStream in, DataPoint p, int tag, int field, int wire) throws IOException {
    if (field == 6 && wire == 0) {
      p.scale = in.readSInt32();
    } else if (field == 7 && wire == I64) {
      p.zeroCount = in.readFixed64();
    } else if ((field == 8 || field == 9) && wire == LEN) {
      boolean positive = field == 8;
      int limit = in.pushLimit(in.readRawVarint32());
      for (int t = in.readTag(); t != 0; t = in.readTag()) {
        if (t == (1 << 3)) {
          int offset = in.readSInt32();
          if (positive) {
            p.positiveOffset = offset;
          } else {
            p.negativeOffset = offset;
          }
        } else if (t == (2 << 3 | LEN)) {
          int packed = in.pushLimit(in.readRawVarint32());
          while (in.getBytesUntilLimit() > 0) {
            p.addExponential(positive, in.readUInt64());
          }
          in.popLimit(packed);
        } else if (t == (2 << 3)) {
          p.addExponential(positive, in.readUInt64());
        } else {
          ProtobufWire.skip(in, t);
        }
      }
      in.popLimit(limit);
    } else if (field == 12 && wire == I64) {
      p.min = in.readDouble();
    } else if (field == 13 && wire == I64) {
      p.max = in.readDouble();
    } else {
      ProtobufWire.skip(in, tag); // zero_threshold (14): values in the zero bucket are reported at 0
    }
  }

  /** Reads one {@code KeyValue} ({@code AnyValue}: string 1, bool 2, int 3, double 4, others hashed raw). */
  private void keyValue(CodedInputStream in, byte[] body) throws IOException {
    key = "";
    text = null;
    valueHash = 0;
    int limit = in.pushLimit(in.readRawVarint32());
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == (1 << 3 | LEN)) {
        key = ProtobufWire.string(in, body, names);
      } else if (tag == (2 << 3 | LEN)) {
        int valueLimit = in.pushLimit(in.readRawVarint32());
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
          if (t == (1 << 3 | LEN)) {
            text = ProtobufWire.string(in, body, values);
            valueHash = MetricMapping.hashString(text);
          } else if (t == (2 << 3)) {
            valueHash = MetricMapping.hashLong(in.readBool() ? 1 : 0) + 1;
          } else if (t == (3 << 3)) {
            long v = in.readInt64();
            valueHash = MetricMapping.hashLong(v);
            text = MetricMapping.intText(v);
          } else if (t == (4 << 3 | I64)) {
            valueHash = MetricMapping.hashDouble(in.readDouble());
          } else if (WireFormat.getTagWireType(t) == LEN) {
            int length = in.readRawVarint32();
            valueHash = MetricMapping.hashBytes(body, in.getTotalBytesRead(), length) + t;
            in.skipRawBytes(length);
          } else {
            ProtobufWire.skip(in, t);
          }
        }
        in.popLimit(valueLimit);
      } else {
        ProtobufWire.skip(in, tag);
      }
    }
    in.popLimit(limit);
  }
}
