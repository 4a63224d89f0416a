package com.pulse.app.observability;

import com.pulse.app.telemetry.MetricBatchResult;
import com.pulse.app.telemetry.TelemetryBatch;
import com.pulse.app.telemetry.TelemetryEvent;
import com.pulse.domain.telemetry.aggregate.Granularity;
import com.pulse.app.telemetry.IngestCounters;
import java.util.Objects;

/**
 * Reports every batch of the OTLP metrics hub to {@link PulseTelemetry}, like {@link BatchTelemetry}
 * for the traces hub: {@code pulse.telemetry.events} per event ({@code aggregated},
 * {@code deadlettered}) and per data point ({@code late}, {@code duplicate}, {@code expired},
 * {@code out_of_range}, {@code metric_baseline}, {@code metric_stale}, {@code metric_stream_limit},
 * {@code metric_overflow}, {@code metric_series_limit}; see {@link MetricBatchResult}), the event lag,
 * windows written and dead letters. Thread-safe; never throws for a well-formed batch and result.
 */
public final class MetricBatchTelemetry {
  private final PulseTelemetry telemetry;
  private final IngestCounters counters;

  /**
   * Reports to {@code telemetry} only.
   *
   * @throws NullPointerException if {@code telemetry} is null
   */
  public MetricBatchTelemetry(PulseTelemetry telemetry) {
    this(telemetry, new IngestCounters());
  }

  /**
   * Reports to {@code telemetry} and adds every batch to {@code counters} (what {@code GET /api/health}
   * shows).
   *
   * @throws NullPointerException if an argument is null
   */
  public MetricBatchTelemetry(PulseTelemetry telemetry, IngestCounters counters) {
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    this.counters = Objects.requireNonNull(counters, "counters");
  }

  /** Records one batch and its result. */
  public void observed(TelemetryBatch batch, MetricBatchResult r) {
    counters.observedMetrics(r);
    String partition = com.pulse.app.telemetry.AggregateMetricBatch.DEAD_LETTER_PARTITION_PREFIX + batch.partition();
    telemetry.events(partition, EventOutcome.AGGREGATED, Math.max(0, r.events() - r.deadLettered()));
    if (r.deadLettered() > 0) {
      telemetry.events(partition, EventOutcome.DEADLETTERED, r.deadLettered());
      telemetry.deadLettered(partition, r.deadLettered());
    }
    telemetry.eventsIfAny(partition, EventOutcome.LATE, r.late());
    telemetry.eventsIfAny(partition, EventOutcome.DUPLICATE, r.duplicate() + r.cumulativeDuplicates());
    telemetry.eventsIfAny(partition, EventOutcome.EXPIRED, r.expired());
    telemetry.eventsIfAny(partition, EventOutcome.OUT_OF_RANGE, r.outOfRange());
    telemetry.eventsIfAny(partition, EventOutcome.METRIC_BASELINE, r.baseline());
    telemetry.eventsIfAny(partition, EventOutcome.METRIC_STALE, r.stale());
    telemetry.eventsIfAny(partition, EventOutcome.METRIC_STREAM_LIMIT, r.streamLimit());
    telemetry.eventsIfAny(partition, EventOutcome.METRIC_OVERFLOW, r.overflow());
    telemetry.eventsIfAny(partition, EventOutcome.METRIC_SERIES_LIMIT, r.seriesLimit());
    telemetry.eventsIfAny(partition, EventOutcome.HELD, r.deferredEvents());
    telemetry.eventsIfAny(partition, EventOutcome.RECOVERED, r.recoveredEvents());
    telemetry.eventsIfAny(partition, EventOutcome.UNRECOVERABLE, r.unrecoverableEvents());
    for (TelemetryEvent event : batch.events()) {
      telemetry.eventLag(partition, event.enqueuedTime());
    }
    telemetry.windowsWritten(Granularity.MINUTE.iso(), r.minuteDocumentsWritten());
    telemetry.windowsWritten(Granularity.HOUR.iso(), r.hourDocumentsWritten());
  }
}
