package com.pulse.domain.telemetry;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An event that was not aggregated, with everything needed to find, understand and replay it.
 *
 * @param id {@code <partition>-<sequenceNumber>}, deterministic so redelivery stores it once
 * @param partition source Event Hubs partition id (Cosmos partition key)
 * @param offset Event Hubs offset of the event (string, as the service reports it)
 * @param sequenceNumber Event Hubs sequence number within the partition
 * @param enqueuedTime when the event was enqueued, UTC
 * @param reason why it was rejected, human readable (e.g. "missing tenant.id resource attribute")
 * @param contentType the event's {@code content-type} property, or null
 * @param properties the event's application properties as strings
 * @param bodyBase64 the raw event body, base64 (RFC 4648)
 * @param deadLetteredAt when it was dead-lettered
 */
public record DeadLetter(
    String id,
    String partition,
    String offset,
    long sequenceNumber,
    Instant enqueuedTime,
    String reason,
    String contentType,
    Map<String, String> properties,
    String bodyBase64,
    Instant deadLetteredAt) {

  /** @throws NullPointerException if id, partition, reason, properties, bodyBase64 or deadLetteredAt is null */
  public DeadLetter {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(reason, "reason");
    properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
    Objects.requireNonNull(bodyBase64, "bodyBase64");
    Objects.requireNonNull(deadLetteredAt, "deadLetteredAt");
  }

  /** The deterministic id of the event at {@code sequenceNumber} in {@code partition}. */
  public static String idOf(String partition, long sequenceNumber) {
    return partition + "-" + sequenceNumber;
  }
}
