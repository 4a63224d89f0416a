package com.pulse.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.Cardinality;
import com.microsoft.azure.functions.annotation.EventHubTrigger;
import com.microsoft.azure.functions.annotation.ExponentialBackoffRetry;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.pulse.app.observability.PulseTracing;
import com.pulse.app.telemetry.AggregateBatch;
import com.pulse.app.telemetry.DeferredAggregation;
import com.pulse.app.telemetry.BatchObserver;
import com.pulse.app.telemetry.BatchResult;
import java.util.Map;
import java.util.Objects;

/**
 * Event Hub function: aggregates a batch of telemetry events of one partition into window documents
 * ({@link AggregateBatch}), through {@link DeferredAggregation}, which under a backlog holds a
 * partition's events across invocations and writes them together. Identity-based connection: app settings with prefix {@code TelemetryHub}
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
 * <p>Thin entry point: the path shared with the other hubs ({@code EventHubBatchHandler}: binding data →
 * batch → use case → custom metrics → one log line). Thread-safe.
 */
public final class TelemetryAggregation {
  private final EventHubBatchHandler<BatchResult> handler;

  /**
   * Built by {@link FunctionInjector}.
   *
   * @param useCase the use case
   * @param observer told about every batch (custom metrics)
   * @param tracing span helpers
   * @throws NullPointerException if an argument is null
   */
  public TelemetryAggregation(DeferredAggregation useCase, BatchObserver observer, PulseTracing tracing) {
    Objects.requireNonNull(useCase, "useCase");
    Objects.requireNonNull(observer, "observer");
    this.handler = new EventHubBatchHandler<>("TelemetryAggregation", tracing, useCase::handle, observer::observed,
        r -> "events=" + r.events() + " requests=" + r.requests() + " dependencies=" + r.dependencies()
            + " internalSpans=" + r.internalSpans() + " deadLettered=" + r.deadLettered()
            + " late=" + r.lateRequests() + " expired=" + r.expired() + " outOfRange=" + r.outOfRange()
            + " duplicate=" + r.duplicateRequests() + " written=" + r.documentsWritten()
            + " series=" + r.seriesVersions() + " skipped=" + r.documentsSkipped() + " conflicts=" + r.conflicts()
            + " held=" + r.deferredEvents()
            + " recovered=" + r.recoveredEvents() + " unrecoverable=" + r.unrecoverableEvents(), true);
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
    return handler.handle(events, partitionContext, systemProperties, properties, sequenceNumbers, enqueuedTimes,
        context);
  }
}
