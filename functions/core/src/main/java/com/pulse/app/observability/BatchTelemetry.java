package com.pulse.app.observability;

import com.pulse.app.telemetry.BatchObserver;
import com.pulse.app.telemetry.BatchResult;
import com.pulse.app.telemetry.TelemetryBatch;
import com.pulse.app.telemetry.TelemetryEvent;
import com.pulse.domain.telemetry.aggregate.Granularity;
import java.util.Objects;

/**
 * Reports every aggregated telemetry batch to {@link PulseTelemetry}: {@code pulse.telemetry.events}
 * by outcome ({@code aggregated} = events not dead-lettered, {@code deadlettered}; and, counted per
 * request because lateness and redelivery are decided per request and window document,
 * {@code late} = requests folded in behind the watermark, {@code duplicate} = redelivered requests
 * skipped by the {@code lastSequenceNumber} rule, {@code expired} and {@code out_of_range} = records
 * decoded but never folded in, {@code internal} = INTERNAL spans counted, {@code held} = events kept
 * in memory for a later write and counted again when written, {@code recovered} = events re-read from
 * the hub, {@code unrecoverable} = events a recovery found past the hub's retention; see {@link BatchResult}),
 * {@code pulse.telemetry.event_lag} per event (clock now − enqueued time),
 * {@code pulse.windows.written} per granularity ({@code PT1M}, {@code PT1H}) and
 * {@code pulse.deadletter.count}. Thread-safe; never throws for a well-formed batch and result.
 */
public final class BatchTelemetry implements BatchObserver {
  private final PulseTelemetry telemetry;

  /** @throws NullPointerException if {@code telemetry} is null */
  public BatchTelemetry(PulseTelemetry telemetry) {
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
  }

  @Override
  public void observed(TelemetryBatch batch, BatchResult result) {
    String partition = batch.partition();
    telemetry.events(partition, EventOutcome.AGGREGATED, Math.max(0, result.events() - result.deadLettered()));
    if (result.deadLettered() > 0) {
      telemetry.events(partition, EventOutcome.DEADLETTERED, result.deadLettered());
      telemetry.deadLettered(partition, result.deadLettered());
    }
    telemetry.eventsIfAny(partition, EventOutcome.LATE, result.lateRequests());
    telemetry.eventsIfAny(partition, EventOutcome.DUPLICATE, result.duplicateRequests());
    telemetry.eventsIfAny(partition, EventOutcome.EXPIRED, result.expired());
    telemetry.eventsIfAny(partition, EventOutcome.OUT_OF_RANGE, result.outOfRange());
    telemetry.eventsIfAny(partition, EventOutcome.INTERNAL, result.internalSpans());
    telemetry.eventsIfAny(partition, EventOutcome.HELD, result.deferredEvents());
    telemetry.eventsIfAny(partition, EventOutcome.RECOVERED, result.recoveredEvents());
    telemetry.eventsIfAny(partition, EventOutcome.UNRECOVERABLE, result.unrecoverableEvents());
    for (TelemetryEvent event : batch.events()) {
      telemetry.eventLag(partition, event.enqueuedTime());
    }
    telemetry.windowsWritten(Granularity.MINUTE.iso(), result.minuteDocumentsWritten());
    telemetry.windowsWritten(Granularity.HOUR.iso(), result.hourDocumentsWritten());
  }
}
