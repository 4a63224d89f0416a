package com.pulse.app.telemetry;

/**
 * Told about every aggregated batch (custom metrics: events, event lag, windows written, dead
 * letters). Implementations must be thread-safe and must not throw.
 */
@FunctionalInterface
public interface BatchObserver {
  /** Observes nothing. */
  BatchObserver NONE = (batch, result) -> {};

  /**
   * @param batch the batch as delivered (partition, events with enqueued times)
   * @param result what the use case did with it
   */
  void observed(TelemetryBatch batch, BatchResult result);
}
