package com.pulse.domain.telemetry.internal.decode;

import com.google.protobuf.CodedInputStream;
import com.pulse.domain.telemetry.log.LogDecoder;
import com.pulse.domain.telemetry.log.LogSink;
import java.io.IOException;
import java.util.Objects;

/**
 * Decoder of OTLP protobuf {@code ExportLogsServiceRequest} bodies, walking the wire format with
 * {@link CodedInputStream} like {@link OtlpProtobufDecoder} (field numbers from opentelemetry-proto
 * {@code collector/logs/v1/logs_service.proto} and {@code logs/v1/logs.proto}: {@code ResourceLogs}
 * 1 resource, 2 scope_logs; {@code ScopeLogs} 2 log_records; {@code LogRecord} 1 time_unix_nano
 * (fixed64), 2 severity_number, 5 body ({@code AnyValue}), 11 observed_time_unix_nano (fixed64), 12
 * event_name). Tenant = resource attribute {@code tenant.id}, service = {@code service.name} (else
 * {@code unknown_service}); what a record becomes is {@link LogRecordMapping}. A body is turned into a
 * string only for ERROR/FATAL records (the others are skipped unread). Unknown fields are skipped.
 *
 * <p>A body that is not a logs request (a traces or metrics request on the logs hub) is rejected
 * with a reason naming the hub it belongs on ({@link OtlpShape}). All-or-nothing per body; not
 * thread-safe (reusable buffer and string caches).
 */
public final class OtlpLogsProtobufDecoder implements LogDecoder {
  private static final int LEN = 2;
  private static final int RESOURCE_LOGS = 1 << 3 | LEN;
  private static final int RL_RESOURCE = 1 << 3 | LEN;
  private static final int RL_SCOPE_LOGS = 2 << 3 | LEN;
  private static final int SCOPE_LOGS_RECORDS = 2 << 3 | LEN;
  private static final int ANY_STRING = 1 << 3 | LEN;
  private static final int LR_TIME = 1 << 3 | 1;
  private static final int LR_TIME_AS_LEN = 1 << 3 | LEN; // a span's trace_id or a metric's name
  private static final int LR_SEVERITY = 2 << 3;
  private static final int LR_BODY = 5 << 3 | LEN;
  private static final int LR_OBSERVED_TIME = 11 << 3 | 1;
  private static final int LR_EVENT_NAME = 12 << 3 | LEN;
  private static final String[] ANY_TYPES = {null, "string", "bool", "int", "double", "array", "kvlist", "bytes"};

  private final LogBuffer buffer = new LogBuffer();
  private final StringCache names = new StringCache(1024);
  private final StringCache messages = new StringCache(1024);
  private final OtlpAttribute attribute = new OtlpAttribute();
  private final LogRecordMapping record = new LogRecordMapping();
  private final ResourceIdentity resource = new ResourceIdentity();
  private int resourceIndex;

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the body is not a valid {@code ExportLogsServiceRequest}
   *     (truncated, bad wire type, invalid UTF-8 in a body read, record without a time), is a request
   *     of another signal ("... on the logs hub: it belongs on ..."), or a resource with records has
   *     no {@code tenant.id} ("unattributable: ...")
   * @throws NullPointerException if {@code body} or {@code sink} is null
   */
  @Override
  public int decode(byte[] body, LogSink sink) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(sink, "sink");
    buffer.clear();
    try {
      CodedInputStream in = CodedInputStream.newInstance(body);
      resourceIndex = 0;
      ProtobufWire.each(in, RESOURCE_LOGS, resource -> {
        resourceLogs(resource, body);
        resourceIndex++;
      });
    } catch (IOException | IllegalArgumentException e) {
      buffer.clear();
      throw ProtobufWire.rejected(body, OtlpShape.Signal.LOGS, e);
    } catch (RuntimeException e) {
      buffer.clear();
      throw e;
    }
    return buffer.flushTo(sink);
  }

  /** True if the first record of {@code body} has the fields of an OTLP {@code LogRecord} ({@link OtlpShape}). */
  public static boolean isLogsRequest(byte[] body) {
    return OtlpShape.of(body) == OtlpShape.Signal.LOGS;
  }

  private void resourceLogs(CodedInputStream in, byte[] body) throws IOException {
    int from = buffer.size();
    ResourceIdentity resource = this.resource;
    resource.reset();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == RL_RESOURCE) {
        resource.readProtobuf(in, body, attribute, names);
      } else if (tag == RL_SCOPE_LOGS) {
        ProtobufWire.nested(in, SCOPE_LOGS_RECORDS, records -> logRecord(records, body));
      } else {
        ProtobufWire.skip(in, tag);
      }
    }
    if (buffer.size() > from) {
      buffer.attribute(from, resource.tenant("resourceLogs", resourceIndex), resource.service());
    }
  }

  private void logRecord(CodedInputStream in, byte[] body) throws IOException {
    LogRecordMapping r = record;
    r.reset();
    int bodyOffset = -1;
    int bodyLength = 0;
    int eventOffset = -1;
    int eventLength = 0;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag) {
        case LR_TIME -> r.timeNanos = in.readFixed64();
        case LR_OBSERVED_TIME -> r.observedNanos = in.readFixed64();
        case LR_SEVERITY -> r.severityNumber = in.readEnum();
        case LR_TIME_AS_LEN -> throw new IllegalArgumentException(
            "resourceLogs[" + resourceIndex + "]: a log record's field 1 is a length-delimited value, not a time");
        case LR_BODY -> {
          int limit = in.pushLimit(in.readRawVarint32());
          for (int t = in.readTag(); t != 0; t = in.readTag()) {
            if (t == ANY_STRING) {
              bodyLength = in.readRawVarint32();
              bodyOffset = in.getTotalBytesRead();
              in.skipRawBytes(bodyLength);
              r.bodyType = null;
            } else {
              int field = t >>> 3;
              r.bodyType = field < ANY_TYPES.length ? ANY_TYPES[field] : "unknown";
              bodyOffset = -1;
              ProtobufWire.skip(in, t);
            }
          }
          in.popLimit(limit);
        }
        case LR_EVENT_NAME -> {
          eventLength = in.readRawVarint32();
          eventOffset = in.getTotalBytesRead();
          in.skipRawBytes(eventLength);
        }
        default -> ProtobufWire.skip(in, tag);
      }
    }
    if (r.needsMessage()) {
      if (bodyOffset >= 0) {
        r.body = messages.get(body, bodyOffset, bodyLength);
      } else if (eventOffset >= 0) {
        r.eventName = names.get(body, eventOffset, eventLength);
      }
    }
    r.emit(buffer, resourceIndex);
  }
}
