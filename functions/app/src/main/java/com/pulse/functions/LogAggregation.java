package com.pulse.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.Cardinality;
import com.microsoft.azure.functions.annotation.EventHubTrigger;
import com.microsoft.azure.functions.annotation.ExponentialBackoffRetry;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.pulse.app.observability.LogBatchTelemetry;
import com.pulse.app.observability.PulseTracing;
import com.pulse.app.telemetry.AggregateLogBatch;
import com.pulse.app.telemetry.DeferredLogAggregation;
import com.pulse.app.telemetry.LogBatchResult;
import java.util.Map;
import java.util.Objects;

/**
 * Event Hub function of the logs hub: aggregates a batch of OTLP logs events (protobuf or OTLP/JSON,
 * with or without a content type: the Collector's kafka exporter {@code logs} topic) of one partition
 * into log window documents ({@link AggregateLogBatch}), through {@link DeferredLogAggregation}, which
 * holds a partition's events under a backlog as {@link TelemetryAggregation} does. Same namespace and identity-based connection
 * as {@link TelemetryAggregation} ({@code TelemetryHub__fullyQualifiedNamespace}); hub and consumer
 * group from {@code %LOGS_HUB_NAME%} / {@code %LOGS_CONSUMER_GROUP%}.
 *
 * <p>Bad events (and traces or metrics requests sent to this hub) are dead-lettered by the use case
 * with a reason and the batch succeeds; a {@code DependencyException} fails the invocation and the
 * retry policy re-drives the same batch (2 s doubling to 5 min, without limit), which is safe because
 * documents skip the sequence numbers they hold. Each invocation is a CONSUMER span linked to the
 * producers' contexts, like {@link TelemetryAggregation}; every batch is reported to
 * {@link LogBatchTelemetry} and logged in one line through the invocation's logger.
 *
 * <p>Thin entry point: the path shared with the other hubs ({@code EventHubBatchHandler}: binding data →
 * batch → use case → custom metrics → one log line). Thread-safe.
 */
public final class LogAggregation {
  private final EventHubBatchHandler<LogBatchResult> handler;

  /**
   * Built by {@link FunctionInjector}.
   *
   * @throws NullPointerException if an argument is null
   */
  public LogAggregation(DeferredLogAggregation useCase, LogBatchTelemetry observer, PulseTracing tracing) {
    Objects.requireNonNull(useCase, "useCase");
    Objects.requireNonNull(observer, "observer");
    this.handler = new EventHubBatchHandler<>("LogAggregation", tracing, useCase::handle, observer::observed,
        r -> "events=" + r.events() + " records=" + r.records() + " deadLettered=" + r.deadLettered()
            + " late=" + r.lateRecords() + " expired=" + r.expired() + " outOfRange=" + r.outOfRange()
            + " duplicate=" + r.duplicateRecords() + " written=" + r.documentsWritten()
            + " skipped=" + r.documentsSkipped() + " conflicts=" + r.conflicts() + " held=" + r.deferredEvents()
            + " recovered=" + r.recoveredEvents() + " unrecoverable=" + r.unrecoverableEvents(), false);
  }

  /**
   * Aggregates one batch of the logs hub (binding data as for {@link TelemetryAggregation#run}).
   *
   * @throws com.pulse.app.port.DependencyException if the store or export failed (the host retries)
   * @throws IllegalArgumentException if the binding data lacks the partition id or event metadata
   */
  @FunctionName("LogAggregation")
  @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:02", maximumInterval = "00:05:00")
  public void run(
      @EventHubTrigger(
              name = "events",
              eventHubName = "%LOGS_HUB_NAME%",
              connection = "TelemetryHub",
              consumerGroup = "%LOGS_CONSUMER_GROUP%",
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
   * The body of {@link #run}, returning what the batch did (tests).
   *
   * @throws com.pulse.app.port.DependencyException if the store or export failed
   * @throws IllegalArgumentException if the binding data lacks the partition id or event metadata
   */
  public LogBatchResult process(
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
