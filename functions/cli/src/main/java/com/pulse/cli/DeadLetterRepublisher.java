package com.pulse.cli;

import com.azure.core.amqp.exception.AmqpException;
import com.azure.messaging.eventhubs.EventData;
import com.azure.messaging.eventhubs.EventDataBatch;
import com.azure.messaging.eventhubs.EventHubProducerClient;
import com.azure.messaging.eventhubs.models.CreateBatchOptions;
import com.pulse.app.port.DependencyException;
import com.pulse.domain.telemetry.DeadLetter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Re-publishes dead letters to the telemetry hub with {@link EventHubProducerClient}: same body,
 * content type and application properties, sent to the original partition (so per-partition order
 * of the replayed events is kept; they get new sequence numbers and are aggregated like new
 * events). Thread-safe if the client is (it is). {@link #close()} closes the client (its AMQP
 * connection).
 */
public final class DeadLetterRepublisher implements AutoCloseable {
  private final EventHubProducerClient producer;

  /** @param producer client for the telemetry hub (identity-based credential); closed by {@link #close()} */
  public DeadLetterRepublisher(EventHubProducerClient producer) {
    this.producer = Objects.requireNonNull(producer, "producer");
  }

  /**
   * Sends the dead letters of one partition in as few batches as fit.
   *
   * @throws DependencyException if the hub rejects or times out (nothing is deleted then)
   * @throws IllegalArgumentException if one event is larger than a batch may be
   */
  public void publish(String partition, List<DeadLetter> letters) {
    publish(partition, letters, sent -> {});
  }

  /**
   * As {@link #publish(String, List)}, telling {@code onSent} the dead letters of each batch right
   * after the hub accepted it (so the caller can delete exactly those: a failure in a later batch
   * then leaves only the unsent ones to replay, and nothing is published twice).
   *
   * @throws DependencyException if the hub rejects or times out; earlier batches were reported
   * @throws IllegalArgumentException if one event is larger than a batch may be
   */
  public void publish(String partition, List<DeadLetter> letters, Consumer<List<DeadLetter>> onSent) {
    Objects.requireNonNull(onSent, "onSent");
    try {
      EventDataBatch batch = producer.createBatch(new CreateBatchOptions().setPartitionId(partition));
      List<DeadLetter> inBatch = new ArrayList<>();
      for (DeadLetter d : letters) {
        EventData event = toEvent(d);
        if (!batch.tryAdd(event)) {
          producer.send(batch);
          onSent.accept(List.copyOf(inBatch));
          inBatch.clear();
          batch = producer.createBatch(new CreateBatchOptions().setPartitionId(partition));
          if (!batch.tryAdd(event)) {
            throw new IllegalArgumentException("dead letter " + d.id() + " is larger than an Event Hubs batch");
          }
        }
        inBatch.add(d);
      }
      if (batch.getCount() > 0) {
        producer.send(batch);
        onSent.accept(List.copyOf(inBatch));
      }
    } catch (AmqpException e) {
      throw new DependencyException("Event Hubs send to partition " + partition + " failed: " + e.getMessage(), 0, null, e);
    }
  }

  /** Closes the producer client. */
  @Override
  public void close() {
    producer.close();
  }

  static EventData toEvent(DeadLetter d) {
    EventData event = new EventData(Base64.getDecoder().decode(d.bodyBase64()));
    if (d.contentType() != null) {
      event.setContentType(d.contentType());
    }
    event.getProperties().putAll(d.properties());
    event.getProperties().put("pulse-replayed-from", d.id());
    return event;
  }
}
