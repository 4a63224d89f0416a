package com.pulse.app.telemetry;

import java.util.List;

/**
 * A source partition's events read again by sequence number: for an owner of the partition that
 * starts behind events the host already checkpointed ({@link DeferredAggregation}). The Event Hubs
 * adapter reads with its own consumer group, so it never competes with the trigger's receivers.
 *
 * <p>Implementations are thread-safe. Transient failures throw
 * {@link com.pulse.app.port.DependencyException}.
 */
@FunctionalInterface
public interface PartitionSource {

  /**
   * The events of {@code partition} with sequence numbers in {@code [fromSequenceNumber,
   * untilSequenceNumber)}, ascending, with the metadata the trigger delivers. Events the hub no
   * longer retains (past its retention) are missing from the start of the result; the caller compares
   * the first sequence number it got with the one it asked for.
   *
   * @param partition source partition id
   * @param fromSequenceNumber first sequence number wanted, inclusive
   * @param untilSequenceNumber end of the range, exclusive (greater than {@code fromSequenceNumber})
   * @return the events, ascending; empty when none is retained
   * @throws com.pulse.app.port.DependencyException on a transient failure, or when the hub did not
   *     return the range within the adapter's time limit
   */
  List<TelemetryEvent> read(String partition, long fromSequenceNumber, long untilSequenceNumber);
}
