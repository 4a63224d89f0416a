package com.pulse.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.Cardinality;
import com.microsoft.azure.functions.annotation.EventHubTrigger;
import com.microsoft.azure.functions.annotation.ExponentialBackoffRetry;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.pulse.app.telemetry.AggregateBatch;
import com.pulse.app.telemetry.BatchObserver;
import com.pulse.app.telemetry.BatchResult;
import com.pulse.app.telemetry.TelemetryBatch;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Level;

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
 * <p>Thin entry point: binding data → {@link EventHubBindingData#toBatch} → use case. Thread-safe.
 */
public final class TelemetryAggregation {
  private final Supplier<AggregateBatch> useCase;
  private final BatchObserver observer;

  /** Used by the Functions host: the graph comes from {@link TelemetryWiring#get()}. */
  public TelemetryAggregation() {
    this(() -> TelemetryWiring.get().aggregateBatch(), BatchObserver.NONE);
  }

  /**
   * For the composition root, tests and other hosts.
   *
   * @param useCase the use case (resolved on each invocation, so it can be built lazily)
   * @param observer told about every batch (custom metrics)
   * @throws NullPointerException if an argument is null
   */
  public TelemetryAggregation(Supplier<AggregateBatch> useCase, BatchObserver observer) {
    this.useCase = Objects.requireNonNull(useCase, "useCase");
    this.observer = Objects.requireNonNull(observer, "observer");
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
    BatchResult result = useCase.get().handle(batch);
    observer.observed(batch, result);
    context.getLogger().log(Level.INFO,
        "TelemetryAggregation partition={0} events={1} requests={2} deadLettered={3} expired={4} written={5} skipped={6} conflicts={7}",
        new Object[] {batch.partition(), result.events(), result.requests(), result.deadLettered(), result.expired(),
            result.documentsWritten(), result.documentsSkipped(), result.conflicts()});
    return result;
  }
}
