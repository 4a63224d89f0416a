package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryPartitionProgressStore;
import com.pulse.adapter.local.InMemoryWindowExport;
import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.app.port.DependencyException;
import com.pulse.app.telemetry.AggregateBatch;
import com.pulse.app.telemetry.BatchResult;
import com.pulse.app.telemetry.DeferralPolicy;
import com.pulse.app.telemetry.DeferredAggregation;
import com.pulse.app.telemetry.TelemetryBatch;
import com.pulse.app.telemetry.TelemetryEvent;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.decode.TelemetryDecoders;
import com.pulse.testing.FaultInjectingWindowStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.pulse.testing.SteppingClock;
import org.junit.jupiter.api.Test;

class IdleFlushTest {
  private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-21T00:00:00Z"));
  private final FaultInjectingWindowStore store = new FaultInjectingWindowStore(new InMemoryWindowStore());
  private final DeferredAggregation useCase = new DeferredAggregation(
      new AggregateBatch(() -> new TelemetryDecoders()::forContentType, store, new InMemoryDeadLetterStore(),
          new InMemoryWindowExport(), LatenessPolicy.of(Duration.ofMinutes(1)), clock),
      (p, from, until) -> List.of(), new InMemoryPartitionProgressStore(), "telemetry",
      new DeferralPolicy(2, 100, 1 << 20, Duration.ofSeconds(10)), clock);
  private final List<String> observed = new ArrayList<>();

  private static TelemetryBatch batch(long from, long to) {
    List<TelemetryEvent> events = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      String body = "{\"tenantId\":\"t\",\"service\":\"s\",\"operation\":\"o\",\"timestamp\":\"2026-11-20T10:00:30Z\","
          + "\"durationMs\":5,\"status\":\"ok\"}";
      events.add(new TelemetryEvent(body.getBytes(StandardCharsets.UTF_8), s, null,
          Instant.parse("2026-11-20T10:00:31Z"), "application/json", Map.of()));
    }
    return new TelemetryBatch("4", events);
  }

  private IdleFlush<BatchResult> flush() {
    return new IdleFlush<>("TelemetryAggregation", useCase::flushIdle, (TelemetryBatch batch, BatchResult result) ->
        observed.add(batch.partition() + ":" + batch.events().size() + ":" + result.events()));
  }

  @Test
  void writesWhatAnIdlePartitionHoldsAndReportsItAsABatchOfNoEvents() {
    assertThat(useCase.handle(batch(1, 2)).deferredEvents()).isEqualTo(2);
    flush().run();
    assertThat(observed).as("held for less than maxAge").isEmpty();

    clock.advance(Duration.ofSeconds(10));
    flush().run();

    assertThat(observed).containsExactly("4:0:2");
    assertThat(useCase.heldEvents()).isZero();
    assertThat(store.listRange("t", "PT1M", Instant.EPOCH, Instant.MAX).get(0).count()).isEqualTo(2);
  }

  @Test
  void aFailedWriteIsLoggedNotThrownSoTheNextPeriodRuns() {
    useCase.handle(batch(1, 2));
    clock.advance(Duration.ofSeconds(10));
    store.setFault((operation, id) -> {
      throw new DependencyException("injected 503", 503, null, null);
    });

    flush().run();

    assertThat(observed).isEmpty();
    assertThat(useCase.heldEvents()).as("forgotten: the next invocation re-reads them").isZero();
  }
}
