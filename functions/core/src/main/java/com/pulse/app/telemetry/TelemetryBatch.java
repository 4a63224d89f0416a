package com.pulse.app.telemetry;

import java.util.List;
import java.util.Objects;

/**
 * The events of one trigger invocation: one source partition, ascending sequence numbers (Event Hubs
 * delivers a partition's events in order; a batch is a contiguous range of it).
 *
 * @param partition source partition id
 * @param events events in delivery order
 */
public record TelemetryBatch(String partition, List<TelemetryEvent> events) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if sequence numbers are not strictly ascending
   */
  public TelemetryBatch {
    Objects.requireNonNull(partition, "partition");
    events = List.copyOf(Objects.requireNonNull(events, "events"));
    for (int i = 1; i < events.size(); i++) {
      if (events.get(i).sequenceNumber() <= events.get(i - 1).sequenceNumber()) {
        throw new IllegalArgumentException("events must have ascending sequence numbers; index " + i + " has "
            + events.get(i).sequenceNumber() + " after " + events.get(i - 1).sequenceNumber());
      }
    }
  }
}
