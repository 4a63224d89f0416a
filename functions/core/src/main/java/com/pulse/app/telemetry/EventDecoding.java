package com.pulse.app.telemetry;

import com.pulse.domain.telemetry.DeadLetter;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The decode loop every batch use case shares: the events in order, each with the partition
 * watermark after it, decoded one at a time; an event whose decode fails becomes a {@link DeadLetter}
 * with the reason and the batch continues (a poison event must not stall the partition). Stateless.
 */
final class EventDecoding {

  /** Decodes one event of a batch. */
  @FunctionalInterface
  interface EventDecoder {
    /**
     * @param index the event's index in the batch
     * @param event the event, with a non-empty body
     * @param watermarkMillis the partition watermark after this event ({@link LatenessPolicy#watermark})
     * @param maxEnqueuedMillis the latest enqueued time of the batch up to this event, epoch millis
     * @throws IllegalArgumentException if the event cannot be decoded or attributed (the message is
     *     the dead letter's reason)
     */
    void decode(int index, TelemetryEvent event, long watermarkMillis, long maxEnqueuedMillis);
  }

  private EventDecoding() {}

  /**
   * Decodes every event of {@code batch}. An empty body, an {@link IllegalArgumentException} (its
   * message the reason) and any other {@link RuntimeException} (reason {@code "decoder failure: …"}:
   * decoding is pure, so retrying the batch would fail again forever) dead-letter the event.
   *
   * @param deadLetterPartition the {@code partition} of the dead letters (and of their ids)
   * @return the dead letters, in event order
   */
  static List<DeadLetter> decodeEach(TelemetryBatch batch, String deadLetterPartition, LatenessPolicy policy,
      Instant now, EventDecoder decoder) {
    List<DeadLetter> rejected = new ArrayList<>();
    long maxEnqueued = Long.MIN_VALUE;
    List<TelemetryEvent> events = batch.events();
    for (int i = 0; i < events.size(); i++) {
      TelemetryEvent event = events.get(i);
      maxEnqueued = Math.max(maxEnqueued, event.enqueuedTime().toEpochMilli());
      long watermark = policy.watermark(maxEnqueued);
      try {
        if (event.body().length == 0) {
          throw new IllegalArgumentException("empty body");
        }
        decoder.decode(i, event, watermark, maxEnqueued);
      } catch (IllegalArgumentException e) {
        rejected.add(deadLetter(deadLetterPartition, event, e.getMessage(), now));
      } catch (RuntimeException decoderBug) {
        rejected.add(deadLetter(deadLetterPartition, event, "decoder failure: " + decoderBug, now));
      }
    }
    return rejected;
  }

  private static DeadLetter deadLetter(String partition, TelemetryEvent event, String reason, Instant now) {
    return new DeadLetter(DeadLetter.idOf(partition, event.sequenceNumber()), partition, event.offset(),
        event.sequenceNumber(), event.enqueuedTime(), reason == null ? "undecodable event" : reason,
        event.contentType(), event.properties(), Base64.getEncoder().encodeToString(event.body()), now);
  }
}
