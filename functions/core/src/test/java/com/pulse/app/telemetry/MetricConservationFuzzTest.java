package com.pulse.app.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryMetricWindowStore;
import com.pulse.app.port.MetricWindowExport;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.metric.MetricDimensions;
import com.pulse.domain.telemetry.metric.MetricSeries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Conservation over a fuzzed metrics stream (bit flips, truncation, appended bad UTF-8, a wrong
 * content type, on top of {@link SeededMetricStream}: protobuf and OTLP/JSON, cumulative and delta):
 * every event is dead-lettered with a reason or decoded; every decoded data point is folded in or
 * counted ({@link MetricBatchResult#notAggregated}: expired, out of range, baseline, stale, stream
 * limit, redelivered); folded points are in the minute windows; no event fails the batch.
 */
class MetricConservationFuzzTest {
  @Test
  void everyEventAndDataPointIsAccountedFor() {
    List<TelemetryEvent> events = FuzzedEvents.mutate(SeededMetricStream.events(23, 900), 23);
    InMemoryMetricWindowStore store = new InMemoryMetricWindowStore();
    InMemoryDeadLetterStore dead = new InMemoryDeadLetterStore();
    AggregateMetricBatch useCase = new AggregateMetricBatch(MetricDimensions.DEFAULT, store, dead,
        MetricWindowExport.NONE, LatenessPolicy.of(Duration.ofMinutes(2)),
        Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));

    long seen = 0;
    long deadLettered = 0;
    long points = 0;
    long aggregated = 0;
    long counted = 0;
    long dropped = 0;
    for (int i = 0; i < events.size(); i += 64) {
      MetricBatchResult b = useCase.handle(new TelemetryBatch("0", events.subList(i, Math.min(events.size(), i + 64))));
      assertThat(b.points()).as("batch at %d: points = aggregated + not aggregated", i)
          .isEqualTo(b.aggregated() + b.notAggregated());
      seen += b.events();
      deadLettered += b.deadLettered();
      points += b.points();
      aggregated += b.aggregated();
      counted += b.notAggregated();
      dropped += b.seriesLimit();
    }

    Set<Long> deadSequences = new HashSet<>();
    dead.list(AggregateMetricBatch.DEAD_LETTER_PARTITION_PREFIX + "0", 100_000).forEach(d -> deadSequences.add(d.sequenceNumber()));
    long inMinuteWindows = store.allWindows().stream().filter(d -> d.granularity().equals("PT1M"))
        .flatMap(d -> d.series().stream()).mapToLong(MetricSeries::points).sum();

    assertThat(seen).isEqualTo(events.size());
    assertThat(dead.list("0", 100_000)).as("metrics-hub dead letters never take a traces-hub id").isEmpty();
    assertThat(deadSequences).as("one dead letter per rejected event").hasSize((int) deadLettered);
    assertThat(deadLettered).as("some mutations are rejected").isPositive().isLessThan(events.size());
    assertThat(dead.list(AggregateMetricBatch.DEAD_LETTER_PARTITION_PREFIX + "0", 100_000)).allSatisfy(d -> assertThat(d.reason()).isNotBlank()
        .doesNotStartWith("decoder failure"));
    assertThat(points).as("the events that were not dead-lettered decoded into points").isPositive();
    assertThat(aggregated + counted).isEqualTo(points);
    assertThat(inMinuteWindows).as("every folded point is in a minute window (or dropped at the series limit)")
        .isEqualTo(aggregated - dropped);
  }
}
