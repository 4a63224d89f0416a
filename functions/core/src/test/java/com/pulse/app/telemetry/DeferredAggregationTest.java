package com.pulse.app.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryPartitionProgressStore;
import com.pulse.adapter.local.InMemoryWindowExport;
import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.app.port.DependencyException;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.decode.TelemetryDecoders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.pulse.testing.SteppingClock;
import org.junit.jupiter.api.Test;

class DeferredAggregationTest {
  private final InMemoryWindowStore store = new InMemoryWindowStore();
  private final InMemoryPartitionProgressStore progress = new InMemoryPartitionProgressStore();
  private final List<long[]> hubReads = new ArrayList<>();
  private final List<TelemetryEvent> hub = events(1, 10_000);
  private final PartitionSource source = (partition, from, until) -> {
    hubReads.add(new long[] {from, until});
    return hub.stream().filter(e -> e.sequenceNumber() >= from && e.sequenceNumber() < until).toList();
  };
  private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-21T00:00:00Z"));
  /** Full batches of 4; a write at 12 held events, 1,000 body bytes or 10 s. */
  private final DeferralPolicy policy = new DeferralPolicy(4, 12, 1_000, Duration.ofSeconds(10));

  private DeferredAggregation owner() {
    return owner(source);
  }

  private DeferredAggregation owner(PartitionSource from) {
    return owner(from, policy);
  }

  private DeferredAggregation owner(PartitionSource from, DeferralPolicy policy) {
    AggregateBatch aggregate = new AggregateBatch(() -> new TelemetryDecoders()::forContentType, store,
        new InMemoryDeadLetterStore(), new InMemoryWindowExport(), LatenessPolicy.of(Duration.ofMinutes(1)), clock);
    return new DeferredAggregation(aggregate, from, progress, "telemetry", policy, clock);
  }

  private static TelemetryEvent event(long seq) {
    String body = "{\"tenantId\":\"t\",\"service\":\"s\",\"operation\":\"o\",\"timestamp\":\"2026-11-20T10:00:30Z\","
        + "\"durationMs\":" + seq + ",\"status\":\"ok\"}";
    return new TelemetryEvent(body.getBytes(StandardCharsets.UTF_8), seq, null, Instant.parse("2026-11-20T10:00:31Z"),
        "application/json", Map.of());
  }

  private static List<TelemetryEvent> events(long from, long to) {
    List<TelemetryEvent> out = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      out.add(event(s));
    }
    return out;
  }

  private static TelemetryBatch batch(long from, long to) {
    return new TelemetryBatch("0", events(from, to));
  }

  private long minuteCount() {
    List<WindowDocument> minutes = store.listRange("t", "PT1M", Instant.EPOCH, Instant.MAX);
    return minutes.isEmpty() ? 0 : minutes.get(0).count();
  }

  @Test
  void fullBatchesAreHeldUntilMaxEventsThenWrittenAsOne() {
    DeferredAggregation owner = owner();

    assertThat(owner.handle(batch(1, 4)).deferredEvents()).isEqualTo(4);
    assertThat(owner.handle(batch(5, 8)).deferredEvents()).isEqualTo(4);
    assertThat(owner.heldEvents()).isEqualTo(8);
    assertThat(minuteCount()).isZero();
    BatchResult written = owner.handle(batch(9, 12));

    assertThat(written.events()).isEqualTo(12);
    assertThat(written.requests()).isEqualTo(12);
    assertThat(written.documentsWritten()).as("one minute and one hour document for 12 events").isEqualTo(2);
    assertThat(written.deferredEvents()).isZero();
    assertThat(minuteCount()).isEqualTo(12);
    assertThat(owner.heldEvents()).isZero();
    assertThat(progress.read("telemetry", "0").value()).as("progress lags by maxEvents: raised").isEqualTo(12);
    assertThat(hubReads).as("a first owner of a partition nobody held has nothing to re-read").isEmpty();
  }

  @Test
  void aPartitionWhoseWritesTouchFewSeriesHoldsLongerAndOneWithManyDoesNot() {
    // at most 40 events, 16 series versions per write: 8 events before the first write (2 per event assumed)
    DeferralPolicy bySeries = new DeferralPolicy(4, 40, 1 << 20, Duration.ofSeconds(10), 16);
    DeferredAggregation owner = owner(source, bySeries);
    assertThat(owner.eventsBound("0")).isEqualTo(8);
    owner.handle(batch(1, 4));
    BatchResult first = owner.handle(batch(5, 8));
    assertThat(first.events()).isEqualTo(8);
    assertThat(first.seriesVersions()).as("one series, its minute and hour").isEqualTo(2);
    assertThat(owner.eventsBound("0")).as("16 / (2 / 8), at most 40").isEqualTo(40);

    for (long from = 9; from < 45; from += 4) {
      assertThat(owner.handle(batch(from, from + 3)).deferredEvents()).isEqualTo(4);
    }
    BatchResult second = owner.handle(batch(45, 48));
    assertThat(second.events()).isEqualTo(40);
    assertThat(minuteCount()).isEqualTo(48);

    // another partition whose every event is a new operation: two series versions per event
    DeferredAggregation busy = owner(source, bySeries);
    busy.handle(new TelemetryBatch("1", distinctOperations(1, 4)));
    BatchResult many = busy.handle(new TelemetryBatch("1", distinctOperations(5, 8)));
    assertThat(many.seriesVersions()).isEqualTo(16);
    assertThat(busy.eventsBound("1")).as("16 / 2, and no less than a full batch").isEqualTo(8);
    busy.handle(new TelemetryBatch("1", distinctOperations(9, 12)));
    assertThat(busy.handle(new TelemetryBatch("1", distinctOperations(13, 16))).events()).isEqualTo(8);
  }

  @Test
  void theProgressIsRaisedOnceTheWritesSinceItHoldAHoldsWorthOfBytes() {
    // batches of 3 are not full, so each is written at once: 3 events, ~315 body bytes, per write
    int bodyBytes = event(1).body().length;
    DeferredAggregation owner = owner(source, new DeferralPolicy(4, 40, 10L * bodyBytes, Duration.ofSeconds(10)));
    owner.handle(batch(1, 3));
    owner.handle(batch(4, 6));
    owner.handle(batch(7, 9));
    assertThat(progress.read("telemetry", "0").value()).as("9 events, 9 bodies behind: below both bounds").isZero();

    owner.handle(batch(10, 12));

    assertThat(progress.read("telemetry", "0").value()).as("12 bodies behind: a recovery would re-read more than a hold")
        .isEqualTo(12);
  }

  private static List<TelemetryEvent> distinctOperations(long from, long to) {
    List<TelemetryEvent> out = new ArrayList<>();
    for (long seq = from; seq <= to; seq++) {
      String body = "{\"tenantId\":\"t\",\"service\":\"s\",\"operation\":\"o" + seq
          + "\",\"timestamp\":\"2026-11-20T10:00:30Z\",\"durationMs\":5,\"status\":\"ok\"}";
      out.add(new TelemetryEvent(body.getBytes(StandardCharsets.UTF_8), seq, null,
          Instant.parse("2026-11-20T10:00:31Z"), "application/json", Map.of()));
    }
    return out;
  }

  @Test
  void aBatchThatIsNotFullIsWrittenAtOnceWithWhatIsHeld() {
    DeferredAggregation owner = owner();
    owner.handle(batch(1, 4));

    BatchResult written = owner.handle(batch(5, 6));

    assertThat(written.events()).isEqualTo(6);
    assertThat(minuteCount()).isEqualTo(6);
  }

  @Test
  void theInstancesHeldBytesBoundWritesThePartitionThatReachesIt() {
    int bodyBytes = event(1).body().length;
    DeferredAggregation owner = owner(source, new DeferralPolicy(4, 12, 6 * bodyBytes, Duration.ofSeconds(10)));
    owner.handle(batch(1, 4));
    assertThat(owner.heldBytes()).isEqualTo(4L * bodyBytes);

    BatchResult other = owner.handle(new TelemetryBatch("1", events(1, 4)));

    assertThat(other.events()).as("partition 1 brought the instance to 8 bodies").isEqualTo(4);
    assertThat(owner.heldEvents()).as("partition 0 still holds its 4").isEqualTo(4);
    assertThat(owner.heldBytes()).isEqualTo(4L * bodyBytes);
    assertThat(owner.handle(batch(5, 8)).events()).isEqualTo(8);
    assertThat(owner.heldBytes()).isZero();
  }

  @Test
  void useCasesSharingTheHeldBytesAreBoundTogether() {
    int bodyBytes = event(1).body().length;
    DeferralPolicy bound = new DeferralPolicy(4, 12, 6 * bodyBytes, Duration.ofSeconds(10));
    HeldBytes instance = new HeldBytes();
    AggregateBatch aggregate = new AggregateBatch(() -> new TelemetryDecoders()::forContentType, store,
        new InMemoryDeadLetterStore(), new InMemoryWindowExport(), LatenessPolicy.of(Duration.ofMinutes(1)), clock);
    DeferredAggregation traces = new DeferredAggregation(aggregate, source, progress, "telemetry", bound, clock, instance);
    DeferredAggregation other = new DeferredAggregation(aggregate, source, progress, "other", bound, clock, instance);
    traces.handle(batch(1, 4));

    BatchResult written = other.handle(new TelemetryBatch("1", events(1, 4)));

    assertThat(written.events()).as("the other hub's partition brought the instance to 8 bodies").isEqualTo(4);
    assertThat(instance.get()).isEqualTo(4L * bodyBytes).isEqualTo(other.heldBytes());
    assertThat(traces.heldEvents()).isEqualTo(4);
  }

  @Test
  void heldAgeWrites() {
    DeferredAggregation owner = owner(source, new DeferralPolicy(4, 16, 1 << 20, Duration.ofSeconds(10)));
    owner.handle(batch(1, 4));
    clock.advance(Duration.ofSeconds(9));
    assertThat(owner.handle(batch(5, 8)).deferredEvents()).isEqualTo(4);
    clock.advance(Duration.ofSeconds(1));

    assertThat(owner.handle(batch(9, 12)).events()).isEqualTo(12);
  }

  @Test
  void flushIdleWritesPartitionsHeldLongerThanMaxAge() {
    DeferredAggregation owner = owner();
    owner.handle(batch(1, 4));
    assertThat(owner.flushIdle()).as("held for less than maxAge").isEmpty();

    clock.advance(Duration.ofSeconds(11));
    Map<String, BatchResult> written = owner.flushIdle();

    assertThat(written).containsOnlyKeys("0");
    assertThat(written.get("0").events()).isEqualTo(4);
    assertThat(minuteCount()).isEqualTo(4);
    assertThat(owner.handle(batch(5, 6)).events()).as("continues after the idle write").isEqualTo(2);
    assertThat(hubReads).isEmpty();
  }

  @Test
  void aNewOwnerReReadsWhatADeadOwnerHeldPastTheCheckpoint() {
    DeferredAggregation first = owner();
    first.handle(batch(1, 2)); // written at once: creates the progress and writes
    first.handle(batch(3, 6));
    first.handle(batch(7, 10)); // 3..10 held; the host checkpointed at 10; the process dies

    BatchResult recovered = owner().handle(batch(11, 12));

    assertThat(hubReads).containsExactly(new long[] {1, 11});
    assertThat(recovered.recoveredEvents()).as("progress was created at 0, so 1..10 are re-read").isEqualTo(10);
    assertThat(recovered.duplicateRequests()).as("1 and 2 were written already").isEqualTo(2);
    assertThat(recovered.unrecoverableEvents()).isZero();
    assertThat(minuteCount()).isEqualTo(12);
  }

  @Test
  void aGapDropsWhatIsHeldAndRecoversFromTheProgress() {
    DeferredAggregation owner = owner();
    owner.handle(batch(1, 12)); // written; progress 12
    owner.handle(batch(13, 16)); // held

    BatchResult r = owner.handle(batch(21, 22)); // the partition came back after a rebalance

    assertThat(hubReads).containsExactly(new long[] {13, 21});
    assertThat(r.recoveredEvents()).isEqualTo(8);
    assertThat(minuteCount()).isEqualTo(22);
  }

  @Test
  void eventsPastTheHubsRetentionAreCountedAsUnrecoverable() {
    owner().handle(batch(1, 12));
    PartitionSource expired = (p, from, until) -> hub.stream()
        .filter(e -> e.sequenceNumber() >= 16 && e.sequenceNumber() < until).toList();

    BatchResult r = owner(expired).handle(batch(21, 22));

    assertThat(r.unrecoverableEvents()).as("13, 14 and 15").isEqualTo(3);
    assertThat(r.recoveredEvents()).isEqualTo(5);
    assertThat(minuteCount()).isEqualTo(12 + 5 + 2);
  }

  @Test
  void aFailedInvocationForgetsWhatIsHeldAndTheRetryRecoversIt() {
    DeferredAggregation first = owner();
    first.handle(batch(1, 2));
    first.handle(batch(3, 6)); // held; the process dies
    boolean[] down = {true};
    DeferredAggregation next = owner((p, from, until) -> {
      if (down[0]) {
        down[0] = false;
        throw new DependencyException("hub down", 503, null, null);
      }
      return source.read(p, from, until);
    });

    assertThatThrownBy(() -> next.handle(batch(7, 8))).isInstanceOf(DependencyException.class);
    assertThat(next.heldEvents()).isZero();
    assertThat(next.heldBytes()).isZero();
    BatchResult retried = next.handle(batch(7, 8));

    assertThat(retried.recoveredEvents()).isEqualTo(6);
    assertThat(retried.events()).isEqualTo(8);
    assertThat(minuteCount()).isEqualTo(8);
  }

  @Test
  void writingEveryBatchKeepsNoProgress() {
    AggregateBatch aggregate = new AggregateBatch(() -> new TelemetryDecoders()::forContentType, store,
        new InMemoryDeadLetterStore(), new InMemoryWindowExport(), LatenessPolicy.of(Duration.ofMinutes(1)), clock);
    DeferredAggregation plain = DeferredAggregation.writingEveryBatch(aggregate, clock);

    plain.handle(batch(1, 4));
    plain.handle(batch(9, 12)); // a gap: nothing to recover, nothing read

    assertThat(minuteCount()).isEqualTo(8);
    assertThat(progress.read("telemetry", "0")).isNull();
  }
}
