package com.pulse.domain.telemetry;

/**
 * Decodes one event body into requests. All-or-nothing: if {@link #decode} throws, the sink has not
 * been called for that event (decoders buffer internally), so the whole event can be dead-lettered
 * and later replayed without double counting. Instances may keep reusable buffers and are therefore
 * not thread-safe: use one per thread.
 */
public interface TelemetryDecoder {

  /**
   * Decodes {@code body} and calls {@code sink} once per counted request, in event order.
   *
   * @param body the event body, unchanged
   * @param sink receiver of decoded requests
   * @return the number of requests passed to the sink (may be 0, e.g. only CLIENT spans)
   * @throws IllegalArgumentException if the body is malformed, undecodable or unattributable (no
   *     tenant); the message is the dead-letter reason
   */
  int decode(byte[] body, RequestSink sink);
}
