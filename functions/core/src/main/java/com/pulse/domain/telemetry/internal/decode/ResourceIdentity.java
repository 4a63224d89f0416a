package com.pulse.domain.telemetry.internal.decode;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;

/**
 * Who an OTLP resource's records belong to, the rule every OTLP decoder shares: tenant = resource
 * attribute {@code tenant.id}, service = resource attribute {@code service.name}, else
 * {@value OtlpAttribute#UNKNOWN_SERVICE} (the semantic-conventions default). Mutable, reset per
 * resource; not thread-safe.
 */
final class ResourceIdentity {
  private static final int RESOURCE_ATTRIBUTES = 1 << 3 | ProtobufWire.LEN;

  private String tenant;
  private String service;

  /** Forgets the previous resource. */
  void reset() {
    tenant = null;
    service = null;
  }

  /** Takes one resource attribute: {@code tenant.id} and {@code service.name} are kept, others ignored. */
  void offer(String key, String value) {
    if ("tenant.id".equals(key)) {
      tenant = value;
    } else if ("service.name".equals(key)) {
      service = value;
    }
  }

  /**
   * Reads a length-delimited protobuf {@code Resource} at the stream position, keeping its string
   * attributes {@code tenant.id} and {@code service.name} (cached in {@code names}).
   *
   * @param attribute the reusable key-value holder
   */
  void readProtobuf(CodedInputStream in, byte[] body, OtlpAttribute attribute, StringCache names) throws IOException {
    int limit = in.pushLimit(in.readRawVarint32());
    for (int t = in.readTag(); t != 0; t = in.readTag()) {
      if (t == RESOURCE_ATTRIBUTES) {
        attribute.readProtobuf(in);
        if (attribute.isString()) {
          if (attribute.keyIs(body, OtlpAttribute.TENANT_ID)) {
            tenant = attribute.stringValue(body, names);
          } else if (attribute.keyIs(body, OtlpAttribute.SERVICE_NAME)) {
            service = attribute.stringValue(body, names);
          }
        }
      } else {
        ProtobufWire.skip(in, t);
      }
    }
    in.popLimit(limit);
  }

  /**
   * The tenant.
   *
   * @param list the request's list of resources, for the reason ({@code resourceSpans})
   * @param index the resource's index in it
   * @throws IllegalArgumentException if the resource has no (or an empty) {@code tenant.id}
   *     ("unattributable: ...")
   */
  String tenant(String list, int index) {
    if (tenant == null || tenant.isEmpty()) {
      throw new IllegalArgumentException(
          "unattributable: " + list + "[" + index + "] has no resource attribute tenant.id");
    }
    return tenant;
  }

  /** The {@code tenant.id} read, null if none. */
  String tenantOrNull() {
    return tenant;
  }

  /** The {@code service.name} read, null if none. */
  String serviceOrNull() {
    return service;
  }

  /** The service, {@value OtlpAttribute#UNKNOWN_SERVICE} if the resource has none. */
  String service() {
    return service == null ? OtlpAttribute.UNKNOWN_SERVICE : service;
  }
}
