package com.pulse.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.Cardinality;
import com.microsoft.azure.functions.annotation.EventHubTrigger;
import com.microsoft.azure.functions.annotation.ExponentialBackoffRetry;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.pulse.app.observability.PulseTracing;
import com.pulse.app.telemetry.AggregateBatch;
import com.pulse.app.telemetry.BatchObserver;
import com.pulse.app.telemetry.BatchResult;
import com.pulse.app.telemetry.TelemetryBatch;
import com.pulse.app.telemetry.TelemetryEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Event Hub function: aggregates a batch of telemetry events of one partition into window documents
 * ({@link AggregateBatch}). Identity-based connection: app settings with prefix {@code TelemetryHub}
 * ({@code TelemetryHub__fullyQualifiedNamespace}); hub and consumer group from
 * {@code %TELEMETRY_HUB_NAME%} / {@code %TELEMETRY_CONSUMER_GROUP%}.
 *
 * <p>Bad events are dead-lettered by the use case and the batch succeeds. A dependency failure
 * ({@code DependencyException}) fails the invocation; the retry policy re-drives the same batch with
 * exponential backoff (2 s doubling to 5 min) without limit ({@code maxRetryCount = -1}), so a store
 * outage pauses the partition instead of checkpointing past unprocessed events; redelivery is safe
 * because documents skip sequence numbers they already hold.
 *
 * <p>Each invocation is a CONSUMER span ({@link PulseTracing#invocation}) linked to the producers'
 * span contexts (the events' W3C {@code traceparent} properties, OpenTelemetry messaging
 * conventions for batch receive); a batch of one event continues its producer's trace as parent,
 * any other batch has the host's trace context ({@link HostTrace}) as parent.
 * Every batch is reported to the {@link BatchObserver} (custom metrics).
 *
 * <p>Thin entry point: binding data → {@link EventHubBindingData#toBatch} → use case. Thread-safe.
 */
public final class TelemetryAggregation {
  private final AggregateBatch useCase;
  private final BatchObserver observer;
  private final PulseTracing tracing;

  /**
   * Built by {@link FunctionInjector}.
   *
   * @param useCase the use case
   * @param observer told about every batch (custom metrics)
   * @param tracing span helpers
   * @throws NullPointerException if an argument is null
   */
  public TelemetryAggregation(AggregateBatch useCase, BatchObserver observer, PulseTracing tracing) {
    this.useCase = Objects.requireNonNull(useCase, "useCase");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.tracing = Objects.requireNonNull(tracing, "tracing");
  }

  /**
   * Aggregates one batch.
   *
   * @param events event bodies ({@code dataType = "binary"})
   * @param partitionContext {@code PartitionContext} binding data as a map ({@code PartitionId})
   * @param systemProperties per-event system properties ({@code x-opt-sequence-number}, ...)
   * @param properties per-event application properties
   * @param sequenceNumbers per-event sequence numbers
   * @param enqueuedTimes per-event enqueued times, ISO-8601 UTC
   * @param context invocation context (logger)
   * @throws com.pulse.app.port.DependencyException if the store or export failed (the host retries)
   * @throws IllegalArgumentException if the binding data lacks the partition id or event metadata
   */
  @FunctionName("TelemetryAggregation")
  @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:02", maximumInterval = "00:05:00")
  public void run(
      @EventHubTrigger(
              name = "events",
              eventHubName = "%TELEMETRY_HUB_NAME%",
              connection = "TelemetryHub",
              consumerGroup = "%TELEMETRY_CONSUMER_GROUP%",
              cardinality = Cardinality.MANY,
              dataType = "binary")
          byte[][] events,
      @BindingName("PartitionContext") Map<String, Object> partitionContext,
      @BindingName("SystemPropertiesArray") Map<String, Object>[] systemProperties,
      @BindingName("PropertiesArray") Map<String, Object>[] properties,
      @BindingName("SequenceNumberArray") long[] sequenceNumbers,
      @BindingName("EnqueuedTimeUtcArray") String[] enqueuedTimes,
      ExecutionContext context) {
    process(events, partitionContext, systemProperties, properties, sequenceNumbers, enqueuedTimes, context);
  }

  /**
   * The body of {@link #run}, returning what the batch did (tests, other hosts).
   *
   * @throws com.pulse.app.port.DependencyException if the store or export failed
   * @throws IllegalArgumentException if the binding data lacks the partition id or event metadata
   */
  public BatchResult process(
      byte[][] events,
      Map<String, Object> partitionContext,
      Map<String, Object>[] systemProperties,
      Map<String, Object>[] properties,
      long[] sequenceNumbers,
      String[] enqueuedTimes,
      ExecutionContext context) {
    TelemetryBatch batch = EventHubBindingData.toBatch(
        events, partitionContext, systemProperties, properties, sequenceNumbers, enqueuedTimes);
    List<Map<String, String>> eventProperties = batch.events().stream().map(TelemetryEvent::properties).toList();
    Context producer = eventProperties.size() == 1 ? PulseTracing.extract(eventProperties.get(0)) : Context.root();
    Context parent = Span.fromContext(producer).getSpanContext().isValid() ? producer : HostTrace.parent(context);
    BatchResult result = tracing.invocation("TelemetryAggregation", context.getInvocationId(), "pubsub", parent,
        PulseTracing.links(eventProperties), () -> useCase.handle(batch));
    observer.observed(batch, result);
    // formatted here: the Java worker forwards LogRecord.getMessage() as is, without its parameters
    context.getLogger().info(() -> "TelemetryAggregation partition=" + batch.partition() + " events=" + result.events()
        + " requests=" + result.requests() + " dependencies=" + result.dependencies()
        + " internalSpans=" + result.internalSpans() + " deadLettered=" + result.deadLettered()
        + " late=" + result.lateRequests() + " expired=" + result.expired() + " outOfRange=" + result.outOfRange()
        + " duplicate=" + result.duplicateRequests() + " written=" + result.documentsWritten()
        + " skipped=" + result.documentsSkipped() + " conflicts=" + result.conflicts());
    return result;
  }
}
