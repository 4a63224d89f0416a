package com.pulse.domain.telemetry.internal.decode;

/**
 * How an event body is encoded, the rule every signal's decoder factory shares: by the event's
 * {@code content-type} ({@code application/json} or {@code application/x-protobuf}, matched ignoring
 * case, surrounding blanks and parameters such as {@code ; charset=utf-8}) or, without one (the
 * OpenTelemetry Collector's kafka exporter sets none), detected per body ({@link #decodeDetected}).
 * Stateless.
 */
public enum BodyEncoding {
  /** {@code application/json}. */
  JSON,
  /** {@code application/x-protobuf}. */
  PROTOBUF;

  /**
   * Decodes one body into a sink of type {@code S}.
   *
   * @param <S> the sink type
   */
  @FunctionalInterface
  public interface Decoder<S> {
    /**
     * @return records decoded
     * @throws IllegalArgumentException if the body does not decode (the message is the reason)
     */
    int decode(byte[] body, S sink);
  }

  /**
   * The encoding named by {@code contentType}.
   *
   * @return null if {@code contentType} is null or blank (detect per body)
   * @throws IllegalArgumentException if {@code contentType} is set but neither supported media type
   *     ("unsupported content-type ...": the dead-letter reason)
   */
  public static BodyEncoding ofContentType(String contentType) {
    if (contentType == null) {
      return null;
    }
    // the exact media types first: what SDK exporters send, on every event of a batch
    if (contentType.equals("application/json")) {
      return JSON;
    }
    if (contentType.equals("application/x-protobuf")) {
      return PROTOBUF;
    }
    if (contentType.isBlank()) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    if (media.equalsIgnoreCase("application/json")) {
      return JSON;
    }
    if (media.equalsIgnoreCase("application/x-protobuf")) {
      return PROTOBUF;
    }
    throw new IllegalArgumentException(
        "unsupported content-type '" + contentType + "': expected application/x-protobuf or application/json");
  }

  /**
   * Decodes a body that came without a content type: as JSON if it starts with {@code {} (or, with
   * {@code arrays}, {@code [}) after spaces, tabs or carriage returns, otherwise as protobuf. A
   * protobuf request starts with the tag byte {@code 0x0A} (field 1, length-delimited), which is also
   * a JSON line feed, so a body starting with line feeds is read as protobuf first and as JSON only if
   * that fails and a JSON value follows the white space.
   *
   * @param <S> the sink type
   * @param arrays whether a top-level JSON array is a JSON body (Pulse JSON events) or not (OTLP)
   * @return what the chosen decoder returned
   * @throws IllegalArgumentException if the chosen decoder rejects the body; the protobuf reason is
   *     prefixed {@code "no content-type; "}
   */
  public static <S> int decodeDetected(byte[] body, S sink, Decoder<? super S> json, Decoder<? super S> protobuf,
      boolean arrays) {
    for (byte b : body) {
      if (b == '{' || arrays && b == '[') {
        return json.decode(body, sink);
      }
      if (b != ' ' && b != '\t' && b != '\r') {
        break;
      }
    }
    try {
      return protobuf.decode(body, sink);
    } catch (IllegalArgumentException notProtobuf) {
      int i = 0;
      while (i < body.length && (body[i] == '\n' || body[i] == ' ' || body[i] == '\t' || body[i] == '\r')) {
        i++;
      }
      if (i > 0 && i < body.length && (body[i] == '{' || arrays && body[i] == '[')) {
        return json.decode(body, sink);
      }
      throw new IllegalArgumentException("no content-type; " + notProtobuf.getMessage(), notProtobuf);
    }
  }
}
