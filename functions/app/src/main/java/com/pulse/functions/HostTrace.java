package com.pulse.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.TraceContext;
import com.pulse.app.observability.PulseTracing;
import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The Functions host's trace context of an invocation ({@link ExecutionContext#getTraceContext()},
 * W3C {@code traceparent}/{@code tracestate}) as a parent {@link Context}, so the host's and the
 * worker's spans form one trace. Stateless.
 */
final class HostTrace {
  private HostTrace() {}

  /** The host's span context as parent; {@link Context#root()} when the host passes none or it is malformed. */
  static Context parent(ExecutionContext context) {
    TraceContext trace = context.getTraceContext();
    if (trace == null || trace.getTraceparent() == null || trace.getTraceparent().isBlank()) {
      return Context.root();
    }
    Map<String, String> carrier = new HashMap<>();
    carrier.put("traceparent", trace.getTraceparent());
    if (trace.getTracestate() != null && !trace.getTracestate().isBlank()) {
      carrier.put("tracestate", trace.getTracestate());
    }
    return PulseTracing.extract(carrier);
  }
}
