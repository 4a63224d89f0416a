package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Test;

class HostTraceTest {
  private static ExecutionContext context(String traceparent, String tracestate) {
    ExecutionContext context = mock(ExecutionContext.class);
    TraceContext trace = mock(TraceContext.class);
    when(trace.getTraceparent()).thenReturn(traceparent);
    when(trace.getTracestate()).thenReturn(tracestate);
    when(context.getTraceContext()).thenReturn(trace);
    return context;
  }

  @Test
  void theHostsTraceparentBecomesTheParent() {
    SpanContext parent = Span.fromContext(HostTrace.parent(
        context("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "pulse=1"))).getSpanContext();
    assertThat(parent.isRemote()).isTrue();
    assertThat(parent.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(parent.getSpanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(parent.getTraceState().get("pulse")).isEqualTo("1");
  }

  @Test
  void noOrMalformedTraceContextGivesARootSpan() {
    assertThat(HostTrace.parent(mock(ExecutionContext.class))).isSameAs(Context.root());
    assertThat(HostTrace.parent(context(" ", null))).isSameAs(Context.root());
    assertThat(Span.fromContext(HostTrace.parent(context("00-zz-1", null))).getSpanContext().isValid()).isFalse();
  }
}
