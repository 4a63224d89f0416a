package com.pulse.domain.telemetry.metric;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The cumulative-stream state of one tenant in one source partition: the last point of every
 * cumulative stream of that tenant seen on the partition (Cosmos container {@code windows}, partition
 * key {@code /tenantId}, id {@code metricstate-<hex>}). It follows the exactly-once bookkeeping of
 * window documents: {@code lastSequenceNumber} is the highest event folded in, writes are conditional
 * on the ETag, and it is written after the batch's window documents, so an event at or below
 * {@code lastSequenceNumber} is in every window document it touches (docs/OPENTELEMETRY.md,
 * "Cumulative streams").
 *
 * @param id {@link MetricWindows#streamsIdOf}
 * @param tenantId tenant (partition key)
 * @param signal always {@code "metricstate"}
 * @param partition source Event Hubs partition
 * @param streams the last point of each live stream, at most {@link StreamStates#MAX_STREAMS}
 * @param lastSequenceNumber highest sequence number folded in, -1 for none
 * @param version number of writes (1 on create)
 * @param updatedAt when this version was written
 */
public record MetricStreamDocument(
    String id,
    String tenantId,
    String signal,
    String partition,
    List<StreamPoint> streams,
    long lastSequenceNumber,
    long version,
    Instant updatedAt) {
  /** The {@code signal} of stream-state documents. */
  public static final String SIGNAL = "metricstate";

  /** @throws NullPointerException if an argument is null */
  public MetricStreamDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(partition, "partition");
    streams = List.copyOf(Objects.requireNonNull(streams, "streams"));
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
