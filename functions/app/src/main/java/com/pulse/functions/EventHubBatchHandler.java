package com.pulse.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.pulse.app.observability.PulseTracing;
import com.pulse.app.telemetry.TelemetryBatch;
import com.pulse.app.telemetry.TelemetryEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The path every Event Hub aggregation function shares, written once: binding data →
 * {@link EventHubBindingData#toBatch} → the use case inside a CONSUMER invocation span
 * ({@link PulseTracing#invocation}, linked to the producers' span contexts) → the batch observer
 * (custom metrics) → one line through the invocation's logger, formatted before it leaves
 * ({@code "<function> partition=<id> <counts>"}: the Java worker forwards
 * {@code LogRecord.getMessage()} as is, without its parameters). Thread-safe if its parts are.
 *
 * @param <R> what the use case reports for a batch
 */
final class EventHubBatchHandler<R> {
  private final String functionName;
  private final PulseTracing tracing;
  private final Function<TelemetryBatch, R> useCase;
  private final BiConsumer<TelemetryBatch, R> observer;
  private final Function<R, String> counts;
  private final boolean continuesSingleProducer;

  /**
   * @param functionName the {@code @FunctionName} (span name and log prefix)
   * @param useCase handles one batch
   * @param observer told about every batch and its result
   * @param counts the result as {@code name=value} pairs for the log line
   * @param continuesSingleProducer whether a batch of one event whose producer span context is valid
   *     continues that trace as parent; otherwise the host's trace context ({@link HostTrace}) is
   * @throws NullPointerException if an argument is null
   */
  EventHubBatchHandler(String functionName, PulseTracing tracing, Function<TelemetryBatch, R> useCase,
      BiConsumer<TelemetryBatch, R> observer, Function<R, String> counts, boolean continuesSingleProducer) {
    this.functionName = Objects.requireNonNull(functionName, "functionName");
    this.tracing = Objects.requireNonNull(tracing, "tracing");
    this.useCase = Objects.requireNonNull(useCase, "useCase");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.counts = Objects.requireNonNull(counts, "counts");
    this.continuesSingleProducer = continuesSingleProducer;
  }

  /**
   * Handles one batch (binding data as the host delivers it for {@code cardinality = MANY}).
   *
   * @throws com.pulse.app.port.DependencyException if the store or export failed (the host retries)
   * @throws IllegalArgumentException if the binding data lacks the partition id or event metadata
   */
  R handle(byte[][] events, Map<String, Object> partitionContext, Map<String, Object>[] systemProperties,
      Map<String, Object>[] properties, long[] sequenceNumbers, String[] enqueuedTimes, ExecutionContext context) {
    TelemetryBatch batch = EventHubBindingData.toBatch(
        events, partitionContext, systemProperties, properties, sequenceNumbers, enqueuedTimes);
    List<Map<String, String>> eventProperties = batch.events().stream().map(TelemetryEvent::properties).toList();
    R result = tracing.invocation(functionName, context.getInvocationId(), "pubsub", parent(eventProperties, context),
        PulseTracing.links(eventProperties), () -> useCase.apply(batch));
    observer.accept(batch, result);
    context.getLogger().info(() -> functionName + " partition=" + batch.partition() + " " + counts.apply(result));
    return result;
  }

  private Context parent(List<Map<String, String>> eventProperties, ExecutionContext context) {
    if (continuesSingleProducer && eventProperties.size() == 1) {
      Context producer = PulseTracing.extract(eventProperties.get(0));
      if (Span.fromContext(producer).getSpanContext().isValid()) {
        return producer;
      }
    }
    return HostTrace.parent(context);
  }
}
