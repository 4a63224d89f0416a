package com.pulse.app.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryPartitionProgressStore;
import com.pulse.adapter.local.InMemoryWindowExport;
import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.app.port.PartitionProgressStore;
import com.pulse.app.port.Versioned;
import com.pulse.app.port.WindowStore;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.decode.TelemetryDecoders;
import com.pulse.testing.FaultInjectingWindowStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exactly-once proof of {@link DeferredAggregation}: the faults of {@link ExactlyOnceProofTest}
 * (two owners at once, random batches, crashes between writes, transient failures, redelivery from
 * older checkpoints, returns after a rebalance) plus the one deferral adds: the host checkpoints past
 * events an owner only holds in memory, and the process then dies (10% of invocations start in a fresh
 * process that has lost everything it held). Recovery reads the progress and the hub (the seeded
 * partition itself); the progress store and the hub fail like the window store. After both owners
 * stop, one fresh owner gets the partition's last event again (the next event of a partition is what
 * makes an owner recover). The window documents, dead letters and newest exports must equal one clean
 * pass of {@link AggregateBatch}, series by series.
 */
class DeferredExactlyOnceProofTest {
  private static final LatenessPolicy POLICY = LatenessPolicy.of(Duration.ofMinutes(2));
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);
  /**
   * Batches of 1–40 events: about four in five are "full" and held; a write at 48 held, at 60 series
   * versions expected from the partition's last write (30 events before an owner's first write, and
   * for the log and metric proofs, whose results count no series), or 5 s.
   */
  static final DeferralPolicy DEFERRAL = new DeferralPolicy(8, 48, 1 << 20, Duration.ofSeconds(5), 60);
  private static final int EVENTS = 160;
  private static final AtomicLong FAILURES = new AtomicLong();
  private static final AtomicLong HELD = new AtomicLong();
  private static final AtomicLong RECOVERED = new AtomicLong();
  private static final AtomicLong UNRECOVERABLE = new AtomicLong();
  private static final AtomicLong RESTARTS = new AtomicLong();

  @AfterAll
  static void theFaultsHappened() {
    // the faults really happened: failures, events held across invocations and lost with their
    // process, and recoveries that re-read events from the hub
    assertThat(FAILURES.get()).isGreaterThan(200);
    assertThat(RESTARTS.get()).isGreaterThan(200);
    assertThat(HELD.get()).isGreaterThan(10_000);
    assertThat(RECOVERED.get()).isGreaterThan(1_000);
    assertThat(UNRECOVERABLE.get()).isZero();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("com.pulse.app.telemetry.ExactlyOnceProofTest#seeds")
  void faultyDeferredRunsEqualOneCleanPass(long seed) throws Exception {
    List<TelemetryEvent> events = SeededStream.events(seed, EVENTS);

    InMemoryWindowStore cleanStore = new InMemoryWindowStore();
    InMemoryDeadLetterStore cleanDead = new InMemoryDeadLetterStore();
    ExactlyOnceProofTest.cleanPass(events, cleanStore, cleanDead);

    InMemoryWindowStore store = new InMemoryWindowStore();
    FaultInjectingWindowStore faultyStore = new FaultInjectingWindowStore(store);
    InMemoryDeadLetterStore dead = new InMemoryDeadLetterStore();
    InMemoryWindowExport export = new InMemoryWindowExport();
    int shards = 1 + (int) (seed % 3);
    ThreadLocal<PartitionOwners.StoreFault> perOwner = ThreadLocal.withInitial(() -> (write, id) -> {});
    faultyStore.setFault((op, id) -> perOwner.get().before(op != FaultInjectingWindowStore.Operation.READ, id));
    PartitionProgressStore progress = new FaultyProgress(new InMemoryPartitionProgressStore(), perOwner);
    PartitionSource hub = hub(events, perOwner);
    Clock ticking = new TickingClock();
    Supplier<DeferredAggregation> owner = restartingOwners(seed, () -> {
      RESTARTS.incrementAndGet();
      return new DeferredAggregation(aggregate(faultyStore, dead, export, shards), hub, progress, "telemetry",
          DEFERRAL, ticking);
    });
    FAILURES.addAndGet(PartitionOwners.runTwo(seed, events, batch -> count(owner.get().handle(batch)),
        perOwner, new PartitionOwners.Chaos(40, 25, 6)));

    // the partition's next event brings a fresh owner, which recovers what dead owners held
    DeferredAggregation next = new DeferredAggregation(aggregate(store, dead, export, shards), hub, progress,
        "telemetry", DEFERRAL, ticking);
    count(next.handle(new TelemetryBatch("3", events.subList(events.size() - 1, events.size()))));

    ExactlyOnceProofTest.assertSameDocuments(store.all(), cleanStore.all());
    assertThat(ExactlyOnceProofTest.ids(dead.list(null, 10_000)))
        .isEqualTo(ExactlyOnceProofTest.ids(cleanDead.list(null, 10_000)));
    ExactlyOnceProofTest.assertNewestExportsMatch(export.windows(), store.all());
  }

  private static void count(BatchResult result) {
    HELD.addAndGet(result.deferredEvents());
    RECOVERED.addAndGet(result.recoveredEvents());
    UNRECOVERABLE.addAndGet(result.unrecoverableEvents());
  }

  private static AggregateBatch aggregate(WindowStore store, InMemoryDeadLetterStore dead, InMemoryWindowExport export,
      int shards) {
    return new AggregateBatch(() -> new TelemetryDecoders()::forContentType, store, dead, export, POLICY, CLOCK, shards);
  }

  /** The partition's events by sequence number, as the hub re-reads them, with the calling owner's faults first. */
  static PartitionSource hub(List<TelemetryEvent> events, ThreadLocal<PartitionOwners.StoreFault> fault) {
    return (partition, from, until) -> {
      fault.get().before(false, "hub " + from + ".." + until);
      return events.stream().filter(e -> e.sequenceNumber() >= from && e.sequenceNumber() < until).toList();
    };
  }

  /**
   * The holding use case of the calling owner's current process: {@code fresh} on the owner's first
   * invocation and again before 10 % of them (seeded), as a process that died with whatever it held
   * (the host's checkpoint may be past it).
   */
  static <U> Supplier<U> restartingOwners(long seed, Supplier<U> fresh) {
    ThreadLocal<SplittableRandom> random = ThreadLocal.withInitial(
        () -> new SplittableRandom(seed * 7919 + Thread.currentThread().getId()));
    ThreadLocal<U> owner = new ThreadLocal<>();
    return () -> {
      if (owner.get() == null || random.get().nextInt(10) == 0) {
        owner.set(fresh.get());
      }
      return owner.get();
    };
  }

  /** The progress store with the calling owner's faults before every call. */
  record FaultyProgress(PartitionProgressStore store, ThreadLocal<PartitionOwners.StoreFault> fault)
      implements PartitionProgressStore {
    @Override
    public Versioned<Long> read(String scope, String partition) {
      fault.get().before(false, "progress");
      return store.read(scope, partition);
    }

    @Override
    public Versioned<Long> create(String scope, String partition, long flushedThrough) {
      fault.get().before(true, "progress");
      return store.create(scope, partition, flushedThrough);
    }

    @Override
    public Versioned<Long> replace(String scope, String partition, long flushedThrough, String ifMatchEtag) {
      fault.get().before(true, "progress");
      return store.replace(scope, partition, flushedThrough, ifMatchEtag);
    }
  }

  /** A wall clock that moves 100 ms each time it is read, so that {@code maxAge} is reached. */
  static final class TickingClock extends Clock {
    private final AtomicLong millis = new AtomicLong(Instant.parse("2026-11-21T00:00:00Z").toEpochMilli());

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }

    @Override
    public long millis() {
      return millis.addAndGet(100);
    }
  }
}
