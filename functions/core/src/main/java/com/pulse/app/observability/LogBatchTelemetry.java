package com.pulse.app.observability;

import com.pulse.app.telemetry.AggregateLogBatch;
import com.pulse.app.telemetry.LogBatchResult;
import com.pulse.app.telemetry.TelemetryBatch;
import com.pulse.app.telemetry.TelemetryEvent;
import com.pulse.app.telemetry.IngestCounters;
import java.util.Objects;

/**
 * Reports every aggregated logs-hub batch to {@link PulseTelemetry} on the same instruments as span
 * batches ({@link BatchTelemetry}), with partition attribute {@code logs-<id>} so the two hubs stay
 * apart: {@code pulse.telemetry.events} by outcome ({@code aggregated} = events not dead-lettered,
 * {@code deadlettered}; per record: {@code late}, {@code duplicate}, {@code expired},
 * {@code out_of_range}), {@code pulse.telemetry.event_lag} per event and
 * {@code pulse.deadletter.count}; and {@code pulse.logs.error_records} per tenant and severity (ERROR,
 * FATAL records newly folded in: the input of the {@code pulse-error-log-spike} alert). Thread-safe.
 */
public final class LogBatchTelemetry {
  private final PulseTelemetry telemetry;
  private final IngestCounters counters;

  /**
   * Reports to {@code telemetry} only.
   *
   * @throws NullPointerException if {@code telemetry} is null
   */
  public LogBatchTelemetry(PulseTelemetry telemetry) {
    this(telemetry, new IngestCounters());
  }

  /**
   * Reports to {@code telemetry} and adds every batch to {@code counters} (what {@code GET /api/health}
   * shows).
   *
   * @throws NullPointerException if an argument is null
   */
  public LogBatchTelemetry(PulseTelemetry telemetry, IngestCounters counters) {
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    this.counters = Objects.requireNonNull(counters, "counters");
  }

  /**
   * @param batch the batch as delivered
   * @param result what {@link AggregateLogBatch} did with it
   */
  public void observed(TelemetryBatch batch, LogBatchResult result) {
    counters.observedLogs(result);
    String partition = AggregateLogBatch.DEAD_LETTER_PARTITION_PREFIX + batch.partition();
    telemetry.events(partition, EventOutcome.AGGREGATED, Math.max(0, result.events() - result.deadLettered()));
    telemetry.eventsIfAny(partition, EventOutcome.DEADLETTERED, result.deadLettered());
    if (result.deadLettered() > 0) {
      telemetry.deadLettered(partition, result.deadLettered());
    }
    telemetry.eventsIfAny(partition, EventOutcome.LATE, result.lateRecords());
    telemetry.eventsIfAny(partition, EventOutcome.DUPLICATE, result.duplicateRecords());
    telemetry.eventsIfAny(partition, EventOutcome.EXPIRED, result.expired());
    telemetry.eventsIfAny(partition, EventOutcome.OUT_OF_RANGE, result.outOfRange());
    telemetry.eventsIfAny(partition, EventOutcome.HELD, result.deferredEvents());
    telemetry.eventsIfAny(partition, EventOutcome.RECOVERED, result.recoveredEvents());
    telemetry.eventsIfAny(partition, EventOutcome.UNRECOVERABLE, result.unrecoverableEvents());
    result.errorRecords().forEach(e -> telemetry.errorLogRecords(e.tenantId(), e.severity(), e.records()));
    for (TelemetryEvent event : batch.events()) {
      telemetry.eventLag(partition, event.enqueuedTime());
    }
  }
}
