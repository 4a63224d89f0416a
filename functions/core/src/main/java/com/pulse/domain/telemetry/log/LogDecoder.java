package com.pulse.domain.telemetry.log;

/**
 * Decodes one event body (an OTLP {@code ExportLogsServiceRequest}) into log records.
 * All-or-nothing: if {@link #decode} throws, the sink has not been called for that event, so the
 * whole event can be dead-lettered and replayed later without double counting. Instances keep
 * reusable buffers and are not thread-safe: use one per thread.
 */
@FunctionalInterface
public interface LogDecoder {

  /**
   * Decodes {@code body} and calls {@code sink} once per log record, in body order.
   *
   * @param body the event body, unchanged
   * @param sink receiver of decoded records
   * @return the number of records passed to the sink
   * @throws IllegalArgumentException if the body is malformed, not a logs request (the message names
   *     the hub it belongs on), or unattributable; the message is the dead-letter reason
   */
  int decode(byte[] body, LogSink sink);
}
