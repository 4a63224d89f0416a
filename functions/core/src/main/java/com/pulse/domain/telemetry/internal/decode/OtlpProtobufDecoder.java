package com.pulse.domain.telemetry.internal.decode;

import com.google.protobuf.CodedInputStream;
import com.pulse.domain.telemetry.RequestSink;
import com.pulse.domain.telemetry.TelemetryDecoder;
import java.io.IOException;
import java.util.Objects;

/**
 * Decoder of OTLP protobuf {@code ExportTraceServiceRequest} bodies ({@code application/x-protobuf}).
 * It walks the protobuf wire format with {@link CodedInputStream} instead of building the generated
 * message objects, reading only the fields Pulse needs and turning strings into cached
 * {@link String}s straight from the body bytes (field numbers from opentelemetry-proto v1.3.2,
 * {@code opentelemetry/proto/trace/v1/trace.proto}, {@code common/v1/common.proto},
 * {@code resource/v1/resource.proto}; wire format https://protobuf.dev/programming-guides/encoding/).
 *
 * <p>Tenant = resource attribute {@code tenant.id}; service = resource attribute {@code service.name}
 * (else {@code unknown_service}, the semantic-conventions default); what each span becomes is
 * {@link SpanMapping}, the rule shared with the OTLP/JSON decoder. Unknown fields are skipped.
 *
 * <p>All-or-nothing per body; not thread-safe (reusable buffer and string caches).
 */
public final class OtlpProtobufDecoder implements TelemetryDecoder {
  private static final int LEN = 2;
  private static final int RESOURCE_SPANS = 1 << 3 | LEN;
  private static final int RS_RESOURCE = 1 << 3 | LEN;
  private static final int RS_SCOPE_SPANS = 2 << 3 | LEN;
  private static final int SCOPE_SPANS_SPANS = 2 << 3 | LEN;
  private static final int SPAN_NAME = 5 << 3 | LEN;
  private static final int SPAN_KIND = 6 << 3;
  private static final int SPAN_START = 7 << 3 | 1;
  private static final int SPAN_END = 8 << 3 | 1;
  private static final int SPAN_ATTRIBUTES = 9 << 3 | LEN;
  private static final int SPAN_STATUS = 15 << 3 | LEN;
  private static final int STATUS_CODE = 3 << 3;

  private final RequestBuffer buffer = new RequestBuffer();
  private final StringCache names = new StringCache(StringCache.NAME_SLOTS);
  private final StringCache users = new StringCache(16384);
  private final OtlpAttribute attribute = new OtlpAttribute();
  private final SpanMapping span = new SpanMapping();
  private final ResourceIdentity resource = new ResourceIdentity();
  private int resourceIndex;

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the body is not a valid {@code ExportTraceServiceRequest}
   *     (truncated, bad wire type, span ending before it starts) or a resource with counted spans
   *     has no {@code tenant.id} ("unattributable: ...")
   * @throws NullPointerException if {@code body} or {@code sink} is null
   */
  @Override
  public int decode(byte[] body, RequestSink sink) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(sink, "sink");
    buffer.clear();
    try {
      CodedInputStream in = CodedInputStream.newInstance(body);
      resourceIndex = 0;
      ProtobufWire.each(in, RESOURCE_SPANS, resource -> {
        resourceSpans(resource, body);
        resourceIndex++;
      });
    } catch (IOException | IllegalArgumentException e) {
      buffer.clear();
      throw ProtobufWire.rejected(body, OtlpShape.Signal.TRACES, e);
    } catch (RuntimeException e) {
      buffer.clear();
      throw e;
    }
    return buffer.flushTo(sink);
  }

  private void resourceSpans(CodedInputStream in, byte[] body) throws IOException {
    int from = buffer.size();
    ResourceIdentity resource = this.resource;
    resource.reset();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == RS_RESOURCE) {
        resource.readProtobuf(in, body, attribute, names);
      } else if (tag == RS_SCOPE_SPANS) {
        ProtobufWire.nested(in, SCOPE_SPANS_SPANS, spans -> span(spans, body));
      } else {
        ProtobufWire.skip(in, tag);
      }
    }
    if (buffer.size() > from) {
      buffer.attribute(from, resource.tenant("resourceSpans", resourceIndex), resource.service());
    }
  }

  private void span(CodedInputStream in, byte[] body) throws IOException {
    SpanMapping span = this.span;
    span.reset();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag) {
        case SPAN_NAME:
          int nameLength = in.readRawVarint32();
          span.name = names.get(body, in.getTotalBytesRead(), nameLength);
          in.skipRawBytes(nameLength);
          break;
        case SPAN_KIND:
          span.kind = in.readEnum();
          break;
        case SPAN_START:
          span.startNanos = in.readFixed64();
          break;
        case SPAN_END:
          span.endNanos = in.readFixed64();
          break;
        case SPAN_ATTRIBUTES:
          attribute.readProtobuf(in);
          OtlpAttribute a = attribute;
          int id = SpanMapping.idOf(body, a.keyOffset, a.keyLength);
          if (id < 0) {
            break;
          }
          boolean isUser = id == SpanMapping.USER_ID || id == SpanMapping.ENDUSER_ID;
          if (isUser && a.isString() && AsciiText.isAscii(body, a.valueOffset, a.valueLength)) {
            span.asciiUser(id, body, a.valueOffset, a.valueLength);
          } else if (a.isString()) {
            span.string(id, a.stringValue(body, isUser ? users : names));
          } else if (a.isInt()) {
            span.integer(id, a.intValue);
          }
          break;
        case SPAN_STATUS:
          int limit = in.pushLimit(in.readRawVarint32());
          for (int t = in.readTag(); t != 0; t = in.readTag()) {
            if (t == STATUS_CODE) {
              span.statusCode = in.readEnum();
            } else {
              ProtobufWire.skip(in, t);
            }
          }
          in.popLimit(limit);
          break;
        default:
          ProtobufWire.skip(in, tag);
      }
    }
    span.emit(buffer, resourceIndex);
  }
}
