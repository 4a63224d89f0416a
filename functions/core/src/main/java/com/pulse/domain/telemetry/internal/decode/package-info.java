/**
 * The telemetry decoders behind {@link com.pulse.domain.telemetry.decode.TelemetryDecoders}: OTLP
 * protobuf, OTLP/JSON and Pulse JSON into a {@link com.pulse.domain.telemetry.RequestSink}, with
 * their string cache, number and timestamp parsers and request buffer. Internal to Pulse's domain:
 * public only so {@code TelemetryDecoders} can create them; they may change without notice
 * (docs/ARCHITECTURE.md, "Internal packages").
 */
package com.pulse.domain.telemetry.internal.decode;
