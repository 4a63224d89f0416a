package com.pulse.domain.telemetry.internal.decode;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;

/**
 * Which OTLP signal a protobuf body holds, from the wire types of its first record's fields. The three
 * export requests share their outer shape (field 1: {@code Resource*}, its field 2: {@code Scope*},
 * its field 2: the records), so the first bytes cannot tell them apart, but the record fields can:
 * a {@code Span} has {@code start_time_unix_nano} (7, fixed64) and {@code kind} (6, varint); a
 * {@code LogRecord} has {@code time_unix_nano} (1, fixed64), {@code observed_time_unix_nano} (11,
 * fixed64) and {@code severity_number} (2, varint); a {@code Metric} has its data as a message in 5,
 * 7, 9, 10 or 11 and a string {@code name} in 1 (field numbers of opentelemetry-proto
 * {@code trace/v1/trace.proto}, {@code logs/v1/logs.proto}, {@code metrics/v1/metrics.proto}).
 * Used only on the failure path of a decoder, to give a dead letter the reason "this is a logs
 * request on the traces hub". Stateless.
 */
final class OtlpShape {
  /** What the body looks like. */
  enum Signal {
    TRACES("an OTLP traces request (ExportTraceServiceRequest)", "the traces hub (TELEMETRY_HUB_NAME)"),
    METRICS("an OTLP metrics request (ExportMetricsServiceRequest)", "the metrics hub (METRICS_HUB_NAME)"),
    LOGS("an OTLP logs request (ExportLogsServiceRequest)", "the logs hub (LOGS_HUB_NAME)"),
    UNKNOWN("", "");

    final String what;
    final String hub;

    Signal(String what, String hub) {
      this.what = what;
      this.hub = hub;
    }
  }

  private static final int FIXED64 = 1;
  private static final int LEN = 2;
  private static final int FIXED32 = 5;

  private OtlpShape() {}

  /** The signal of {@code body}'s first record; {@link Signal#UNKNOWN} when no record can be read. */
  static Signal of(byte[] body) {
    try {
      CodedInputStream in = CodedInputStream.newInstance(body);
      if (!enter(in, 1) || !enter(in, 2) || !enter(in, 2)) {
        return Signal.UNKNOWN;
      }
      boolean span = false;
      boolean log = false;
      boolean metricData = false;
      boolean lenName = false;
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        int field = tag >>> 3;
        int wire = tag & 7;
        span |= field == 7 && wire == FIXED64 || field == 8 && wire == FIXED64 || field == 6 && wire == 0
            || field == 15 && wire == LEN || field == 16 && wire == FIXED32;
        log |= field == 1 && wire == FIXED64 || field == 11 && wire == FIXED64 || field == 2 && wire == 0
            || field == 8 && wire == FIXED32 || field == 6 && wire == LEN;
        metricData |= wire == LEN && (field == 5 || field == 7 || field == 9 || field == 10 || field == 11 || field == 12);
        lenName |= field == 1 && wire == LEN;
        if (!in.skipField(tag)) {
          break;
        }
      }
      return span ? Signal.TRACES : log ? Signal.LOGS : metricData && lenName ? Signal.METRICS : Signal.UNKNOWN;
    } catch (IOException | RuntimeException e) {
      return Signal.UNKNOWN;
    }
  }

  /**
   * The dead-letter reason for a body of another signal than {@code expected} on {@code expected}'s
   * hub, or null if the body does not look like another signal.
   */
  static String misrouted(byte[] body, Signal expected, String detail) {
    Signal actual = of(body);
    if (actual == Signal.UNKNOWN || actual == expected) {
      return null;
    }
    return actual.what + " on " + expected.hub + ": it belongs on " + actual.hub
        + " (route the Collector's pipeline of that signal to its own topic)" + (detail == null ? "" : "; " + detail);
  }

  /** Moves into the first length-delimited field {@code field} at this level, or returns false. */
  private static boolean enter(CodedInputStream in, int field) throws IOException {
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == (field << 3 | LEN)) {
        in.pushLimit(in.readRawVarint32());
        return true;
      }
      if (!in.skipField(tag)) {
        return false;
      }
    }
    return false;
  }
}
