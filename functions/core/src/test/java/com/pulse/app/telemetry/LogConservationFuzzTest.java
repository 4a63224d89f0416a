package com.pulse.app.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryLogWindowStore;
import com.pulse.adapter.local.InMemoryWindowExport;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.log.LogDecoders;
import com.pulse.domain.telemetry.log.LogSink;
import com.pulse.domain.telemetry.log.LogWindowDocument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Conservation over a fuzzed logs stream (bit flips, truncation, appended garbage, bad UTF-8, empty
 * bodies on top of {@link SeededLogStream}, protobuf and OTLP/JSON): events in = aggregated +
 * dead-lettered, and every decoded record is folded in (its minute window counts it) or counted
 * ({@code out_of_range}, {@code expired}); no event fails the batch.
 */
class LogConservationFuzzTest {
  @Test
  void everyEventAndRecordIsAccountedFor() {
    List<TelemetryEvent> events = FuzzedEvents.mutate(SeededLogStream.events(11, 1_500), 11);
    InMemoryLogWindowStore store = new InMemoryLogWindowStore();
    InMemoryDeadLetterStore dead = new InMemoryDeadLetterStore();
    AggregateLogBatch useCase = AggregateLogBatch.withPulseDecoders(store, dead, new InMemoryWindowExport(),
        LatenessPolicy.of(Duration.ofMinutes(2)), Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));

    long folded = 0;
    long counted = 0;
    int deadLettered = 0;
    for (int i = 0; i < events.size(); i += 64) {
      LogBatchResult result = useCase.handle(new TelemetryBatch("0", events.subList(i, Math.min(events.size(), i + 64))));
      folded += result.records();
      counted += result.outOfRange() + result.expired();
      deadLettered += result.deadLettered();
    }

    long decodedRecords = 0;
    int decodedEvents = 0;
    LogDecoders decoders = new LogDecoders();
    for (TelemetryEvent e : events) {
      try {
        long[] n = {0};
        LogSink sink = (t, s, sev, time, m) -> n[0]++;
        if (e.body().length > 0 && decoders.forContentType(e.contentType()).decode(e.body(), sink) > 0) {
          decodedEvents++;
          decodedRecords += n[0];
        }
      } catch (IllegalArgumentException expected) {
        // dead-lettered
      }
    }
    assertThat(deadLettered).isEqualTo(dead.list(null, 100_000).size()).isPositive();
    assertThat(decodedEvents + deadLettered).as("events in = aggregated + dead-lettered").isEqualTo(events.size());
    assertThat(folded + counted).as("records decoded = folded + counted").isEqualTo(decodedRecords);
    assertThat(store.all().stream().filter(d -> d.granularity().equals("PT1M")).mapToLong(LogWindowDocument::count).sum())
        .isEqualTo(folded);
    assertThat(dead.list(null, 100_000)).allSatisfy(d -> assertThat(d.reason()).isNotBlank()
        .doesNotStartWith("decoder failure"));
  }
}
