package com.pulse.app.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Spans around Pulse's units of work: a function invocation, a warehouse query, a store call and an
 * export. Each helper runs the body with the span current (so store, export and log records nest
 * under it), records an exception and sets status ERROR if the body throws, and always ends the
 * span.
 *
 * <p>Producers' trace context travels in the W3C {@code traceparent}/{@code tracestate} event
 * properties (https://www.w3.org/TR/trace-context/); {@link #extract} turns them into a parent
 * context, {@link #links} into span links for a batch (OpenTelemetry messaging semantic conventions:
 * a batch receive links to each message's context,
 * https://opentelemetry.io/docs/specs/semconv/messaging/messaging-spans/). Attribute names follow
 * the semantic conventions ({@code faas.*}, {@code db.*}, {@code messaging.*}).
 *
 * <p>Thread-safe; with {@link OpenTelemetry#noop()} spans are non-recording and cost almost nothing.
 */
public final class PulseTracing {
  /** Most links put on one batch span; the OpenTelemetry SDK's default span link limit is 128. */
  public static final int MAX_LINKS = 128;

  static final AttributeKey<String> FAAS_INVOCATION_ID = AttributeKey.stringKey("faas.invocation_id");
  static final AttributeKey<String> FAAS_TRIGGER = AttributeKey.stringKey("faas.trigger");
  static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
  static final AttributeKey<String> DB_COLLECTION = AttributeKey.stringKey("db.collection.name");
  static final AttributeKey<String> DB_OPERATION = AttributeKey.stringKey("db.operation.name");
  static final AttributeKey<String> METRIC = AttributeKey.stringKey("pulse.metric");
  static final AttributeKey<String> TABLE = AttributeKey.stringKey("pulse.export.table");
  static final AttributeKey<Long> RECORDS = AttributeKey.longKey("pulse.export.records");

  private static final TextMapGetter<Map<String, ?>> PROPERTIES = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, ?> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, ?> carrier, String key) {
      Object value = carrier == null ? null : carrier.get(key);
      return value == null ? null : value.toString();
    }
  };

  private final Tracer tracer;

  private PulseTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer(PulseTelemetry.SCOPE);
  }

  /** @throws NullPointerException if {@code openTelemetry} is null */
  public static PulseTracing create(OpenTelemetry openTelemetry) {
    return new PulseTracing(Objects.requireNonNull(openTelemetry, "openTelemetry"));
  }

  /** Tracing that records nothing. */
  public static PulseTracing noop() {
    return new PulseTracing(OpenTelemetry.noop());
  }

  /** A body run inside a span; may throw a checked exception {@code E}. */
  @FunctionalInterface
  public interface Body<T, E extends Exception> {
    /** Runs the unit of work. @throws E as the work does */
    T run() throws E;
  }

  /**
   * A function invocation span (kind SERVER for HTTP, CONSUMER for Event Hubs, INTERNAL for timers),
   * a root span unless {@code parent} carries a remote span context.
   *
   * @param functionName the {@code @FunctionName}
   * @param invocationId the host's invocation id
   * @param trigger {@code faas.trigger} value: {@code http}, {@code pubsub}, {@code timer}
   * @param parent parent context, e.g. from {@link #extract}; {@link Context#root()} for none
   * @param links contexts of the batch's events (see {@link #links}); may be empty
   * @throws E as {@code body} does
   */
  public <T, E extends Exception> T invocation(String functionName, String invocationId, String trigger,
      Context parent, List<SpanContext> links, Body<T, E> body) throws E {
    SpanKind kind = switch (trigger) {
      case "http" -> SpanKind.SERVER;
      case "pubsub" -> SpanKind.CONSUMER;
      default -> SpanKind.INTERNAL;
    };
    SpanBuilder builder = tracer.spanBuilder(functionName).setSpanKind(kind).setParent(parent)
        .setAttribute(FAAS_INVOCATION_ID, invocationId).setAttribute(FAAS_TRIGGER, trigger);
    links.stream().limit(MAX_LINKS).forEach(builder::addLink);
    return run(builder, body);
  }

  /** A CLIENT span around one metric's warehouse query. @throws E as {@code body} does */
  public <T, E extends Exception> T warehouseQuery(String metric, Body<T, E> body) throws E {
    return run(tracer.spanBuilder("warehouse query " + metric).setSpanKind(SpanKind.CLIENT)
        .setAttribute(METRIC, metric), body);
  }

  /** A CLIENT span around one store call, named {@code "<operation> <container>"}. @throws E as {@code body} does */
  public <T, E extends Exception> T storeCall(String system, String container, String operation,
      Body<T, E> body) throws E {
    return run(tracer.spanBuilder(operation + " " + container).setSpanKind(SpanKind.CLIENT)
        .setAttribute(DB_SYSTEM, system).setAttribute(DB_COLLECTION, container)
        .setAttribute(DB_OPERATION, operation), body);
  }

  /** A PRODUCER span around one export call of {@code records} records to {@code table}. @throws E as {@code body} does */
  public <T, E extends Exception> T export(String table, int records, Body<T, E> body) throws E {
    return run(tracer.spanBuilder("export " + table).setSpanKind(SpanKind.PRODUCER)
        .setAttribute(TABLE, table).setAttribute(RECORDS, (long) records), body);
  }

  /**
   * The context carried by an event's {@code traceparent} (and {@code tracestate}) property, as a
   * parent for a span; {@link Context#root()} when absent or malformed.
   *
   * @param properties the event's application properties (null is treated as empty)
   */
  public static Context extract(Map<String, ?> properties) {
    if (properties == null || properties.isEmpty()) {
      return Context.root();
    }
    return W3CTraceContextPropagator.getInstance().extract(Context.root(), properties, PROPERTIES);
  }

  /** Valid remote span contexts of the events that carry a {@code traceparent}, at most {@link #MAX_LINKS}. */
  public static List<SpanContext> links(Collection<? extends Map<String, ?>> eventProperties) {
    return eventProperties.stream()
        .map(properties -> Span.fromContext(extract(properties)).getSpanContext())
        .filter(SpanContext::isValid)
        .limit(MAX_LINKS)
        .toList();
  }

  private static <T, E extends Exception> T run(SpanBuilder builder, Body<T, E> body) throws E {
    Span span = builder.startSpan();
    try (Scope ignored = span.makeCurrent()) {
      return body.run();
    } catch (Exception | Error e) {
      span.recordException(e, Attributes.empty());
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }
}
