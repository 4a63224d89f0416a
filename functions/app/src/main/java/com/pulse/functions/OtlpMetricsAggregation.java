package com.pulse.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.Cardinality;
import com.microsoft.azure.functions.annotation.EventHubTrigger;
import com.microsoft.azure.functions.annotation.ExponentialBackoffRetry;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.pulse.app.observability.MetricBatchTelemetry;
import com.pulse.app.observability.PulseTracing;
import com.pulse.app.telemetry.AggregateMetricBatch;
import com.pulse.app.telemetry.DeferredMetricAggregation;
import com.pulse.app.telemetry.MetricBatchResult;
import java.util.Map;
import java.util.Objects;

/**
 * Event Hub function of the OTLP metrics hub ({@code %METRICS_HUB_NAME%}, the Collector kafka
 * exporter's metrics topic, default {@code otlp_metrics}; consumer group
 * {@code %METRICS_CONSUMER_GROUP%}; the identity-based connection {@code TelemetryHub} of the same
 * namespace): aggregates a batch of {@code ExportMetricsServiceRequest}s into metric window documents
 * ({@link AggregateMetricBatch}), through {@link DeferredMetricAggregation}, which holds a partition's
 * events under a backlog as {@link TelemetryAggregation} does. Bad events are dead-lettered by the use case and the batch
 * succeeds; a dependency failure fails the invocation and the retry policy re-drives the same batch
 * (2 s doubling to 5 min, unlimited), which the sequence-number bookkeeping makes harmless.
 *
 * <p>Thin entry point: binding data ({@link EventHubBindingData}, the shape the host delivers for
 * {@code cardinality = MANY}) → use case → custom metrics and one formatted log line, the path shared
 * with the other hubs ({@code EventHubBatchHandler}). Thread-safe.
 */
public final class OtlpMetricsAggregation {
  private final EventHubBatchHandler<MetricBatchResult> handler;

  /**
   * Built by {@link FunctionInjector}.
   *
   * @throws NullPointerException if an argument is null
   */
  public OtlpMetricsAggregation(DeferredMetricAggregation useCase, MetricBatchTelemetry observer, PulseTracing tracing) {
    Objects.requireNonNull(useCase, "useCase");
    Objects.requireNonNull(observer, "observer");
    this.handler = new EventHubBatchHandler<>("OtlpMetricsAggregation", tracing, useCase::handle, observer::observed,
        r -> "events=" + r.events() + " points=" + r.points() + " aggregated=" + r.aggregated()
            + " deadLettered=" + r.deadLettered() + " late=" + r.late() + " expired=" + r.expired()
            + " outOfRange=" + r.outOfRange() + " baseline=" + r.baseline() + " stale=" + r.stale()
            + " streamLimit=" + r.streamLimit() + " duplicate=" + (r.duplicate() + r.cumulativeDuplicates())
            + " overflow=" + r.overflow() + " seriesLimit=" + r.seriesLimit() + " written=" + r.documentsWritten()
            + " streamsWritten=" + r.streamDocumentsWritten() + " skipped=" + r.documentsSkipped()
            + " conflicts=" + r.conflicts() + " held=" + r.deferredEvents() + " recovered=" + r.recoveredEvents()
            + " unrecoverable=" + r.unrecoverableEvents(), false);
  }

  /**
   * Aggregates one batch of the metrics hub.
   *
   * @param events event bodies ({@code dataType = "binary"})
   * @param partitionContext {@code PartitionContext} as a map ({@code PartitionId})
   * @param systemProperties per-event system properties ({@code x-opt-sequence-number}, ...)
   * @param properties per-event application properties
   * @param sequenceNumbers per-event sequence numbers
   * @param enqueuedTimes per-event enqueued times, ISO-8601 UTC
   * @param context invocation context (logger)
   * @throws com.pulse.app.port.DependencyException if the store or export failed (the host retries)
   * @throws IllegalArgumentException if the binding data lacks the partition id or event metadata
   */
  @FunctionName("OtlpMetricsAggregation")
  @ExponentialBackoffRetry(maxRetryCount = -1, minimumInterval = "00:00:02", maximumInterval = "00:05:00")
  public void run(
      @EventHubTrigger(
              name = "events",
              eventHubName = "%METRICS_HUB_NAME%",
              connection = "TelemetryHub",
              consumerGroup = "%METRICS_CONSUMER_GROUP%",
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
  public MetricBatchResult process(byte[][] events, Map<String, Object> partitionContext,
      Map<String, Object>[] systemProperties, Map<String, Object>[] properties, long[] sequenceNumbers,
      String[] enqueuedTimes, ExecutionContext context) {
    return handler.handle(events, partitionContext, systemProperties, properties, sequenceNumbers, enqueuedTimes,
        context);
  }
}
