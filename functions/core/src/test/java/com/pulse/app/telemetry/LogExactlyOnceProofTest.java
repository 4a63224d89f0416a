package com.pulse.app.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryLogWindowStore;
import com.pulse.adapter.local.InMemoryWindowExport;
import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.LogWindowStore;
import com.pulse.app.port.Versioned;
import com.pulse.domain.telemetry.DeadLetter;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.log.LogDecoders;
import com.pulse.domain.telemetry.log.LogWindowDocument;
import com.pulse.adapter.local.InMemoryPartitionProgressStore;
import com.pulse.app.port.PartitionProgressStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exactly-once proof for log windows, in the style of {@link ExactlyOnceProofTest}: over a seeded
 * stream of OTLP logs events, random batch boundaries, host crashes between document writes,
 * transient store failures, redelivery from older checkpoints and two owners of the partition at once
 * must end in the same log window documents as one clean pass (every series' count, templates and
 * their counts, other-template counts, late counts, sequence numbers) and the same dead letters; the
 * newest exported version of each document must equal it. Every record of the stream is accounted for.
 */
class LogExactlyOnceProofTest {
  private static final LatenessPolicy POLICY = LatenessPolicy.of(Duration.ofMinutes(2));
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);
  private static final int EVENTS = 160;
  private static final AtomicLong FAILURES = new AtomicLong();
  private static final AtomicLong CONFLICTS = new AtomicLong();
  private static final AtomicLong SKIPPED = new AtomicLong();
  private static final AtomicLong OTHER_TEMPLATES = new AtomicLong();
  private static final AtomicLong HELD = new AtomicLong();
  private static final AtomicLong RECOVERED = new AtomicLong();

  /** A {@link LogWindowStore} that runs a fault hook before delegating. */
  private static final class FaultyStore implements LogWindowStore {
    private final LogWindowStore delegate;
    private volatile PartitionOwners.StoreFault fault = (w, id) -> {};

    FaultyStore(LogWindowStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public Map<DocumentKey, Versioned<LogWindowDocument>> readMany(Collection<DocumentKey> keys) {
      fault.before(false, keys.iterator().next().id());
      return delegate.readMany(keys);
    }

    @Override
    public Versioned<LogWindowDocument> create(LogWindowDocument document) {
      fault.before(true, document.id());
      return delegate.create(document);
    }

    @Override
    public Versioned<LogWindowDocument> replace(LogWindowDocument document, String ifMatchEtag) {
      fault.before(true, document.id());
      return delegate.replace(document, ifMatchEtag);
    }

    @Override
    public List<LogWindowDocument> listRange(String tenantId, String granularity, Instant from, Instant to) {
      return delegate.listRange(tenantId, granularity, from, to);
    }
  }

  @AfterAll
  static void theFaultsHappened() {
    assertThat(FAILURES.get()).isGreaterThan(100);
    assertThat(CONFLICTS.get()).isGreaterThan(0);
    assertThat(SKIPPED.get()).isGreaterThan(0);
    assertThat(OTHER_TEMPLATES.get()).as("the template bound was exercised").isGreaterThan(0);
    assertThat(HELD.get()).as("events were held across invocations").isGreaterThan(1_000);
    assertThat(RECOVERED.get()).as("and re-read from the hub after their owner died").isGreaterThan(100);
  }

  static java.util.stream.LongStream seeds() {
    return java.util.stream.LongStream.range(0, 60);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void faultyConcurrentRunsEqualOneCleanPass(long seed) throws Exception {
    run(seed, false);
  }

  /**
   * The same through {@link DeferredLogAggregation}, with the faults deferral adds (as in
   * {@link DeferredExactlyOnceProofTest}): 10 % of invocations start in a fresh process that lost what
   * it held, the progress store and the hub fail like the window store, and a fresh owner gets the
   * last event again at the end.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void faultyHeldRunsEqualOneCleanPass(long seed) throws Exception {
    run(seed, true);
  }

  private void run(long seed, boolean held) throws Exception {
    List<TelemetryEvent> events = SeededLogStream.events(seed, EVENTS);

    InMemoryLogWindowStore cleanStore = new InMemoryLogWindowStore();
    InMemoryDeadLetterStore cleanDead = new InMemoryDeadLetterStore();
    AggregateLogBatch clean = useCase(cleanStore, cleanDead, new InMemoryWindowExport());
    long records = 0;
    long counted = 0;
    int deadLettered = 0;
    for (int i = 0; i < events.size(); i += 50) {
      LogBatchResult result = clean.handle(new TelemetryBatch("3", events.subList(i, Math.min(events.size(), i + 50))));
      records += result.records();
      counted += result.outOfRange() + result.expired();
      deadLettered += result.deadLettered();
    }
    assertThat(cleanStore.all().stream().filter(d -> d.granularity().equals("PT1M"))
        .mapToLong(LogWindowDocument::count).sum()).as("every folded record is in one minute window").isEqualTo(records);
    assertThat(counted).as("out-of-range records in the stream").isPositive();
    assertThat(deadLettered).isPositive();

    InMemoryLogWindowStore store = new InMemoryLogWindowStore();
    FaultyStore faultyStore = new FaultyStore(store);
    InMemoryDeadLetterStore dead = new InMemoryDeadLetterStore();
    InMemoryWindowExport export = new InMemoryWindowExport();
    // each owner is its own instance, with its own memory of the documents it last wrote
    ThreadLocal<AggregateLogBatch> faulty = ThreadLocal.withInitial(() -> useCase(faultyStore, dead, export));
    ThreadLocal<PartitionOwners.StoreFault> perOwner = ThreadLocal.withInitial(() -> (w, id) -> {});
    faultyStore.fault = (w, id) -> perOwner.get().before(w, id);
    PartitionProgressStore progress = new DeferredExactlyOnceProofTest.FaultyProgress(
        new InMemoryPartitionProgressStore(), perOwner);
    PartitionSource hub = DeferredExactlyOnceProofTest.hub(events, perOwner);
    Clock ticking = new DeferredExactlyOnceProofTest.TickingClock();
    java.util.function.Supplier<DeferredLogAggregation> owner = DeferredExactlyOnceProofTest.restartingOwners(seed,
        () -> new DeferredLogAggregation(useCase(faultyStore, dead, export), hub, progress, "logs",
            DeferredExactlyOnceProofTest.DEFERRAL, ticking));
    FAILURES.addAndGet(PartitionOwners.runTwo(seed, events, batch -> {
      LogBatchResult result;
      if (held) {
        result = owner.get().handle(batch);
        HELD.addAndGet(result.deferredEvents());
        RECOVERED.addAndGet(result.recoveredEvents());
      } else {
        result = faulty.get().handle(batch);
      }
      CONFLICTS.addAndGet(result.conflicts());
      SKIPPED.addAndGet(result.documentsSkipped());
    }, perOwner, new PartitionOwners.Chaos(40, 25, 6)));
    if (held) {
      // the partition's next event brings a fresh owner, which recovers what dead owners held
      new DeferredLogAggregation(useCase(store, dead, export), hub, progress, "logs",
          DeferredExactlyOnceProofTest.DEFERRAL, ticking)
          .handle(new TelemetryBatch("3", events.subList(events.size() - 1, events.size())));
    }

    assertThat(store.all()).extracting(LogWindowDocument::id)
        .isEqualTo(cleanStore.all().stream().map(LogWindowDocument::id).toList());
    for (int i = 0; i < store.all().size(); i++) {
      assertThat(store.all().get(i)).usingRecursiveComparison().ignoringFields("version", "updatedAt")
          .isEqualTo(cleanStore.all().get(i));
    }
    OTHER_TEMPLATES.addAndGet(store.all().stream().flatMap(d -> d.series().stream())
        .mapToLong(s -> s.otherTemplateCount()).sum());
    assertThat(ids(dead.list(null, 10_000))).isEqualTo(ids(cleanDead.list(null, 10_000)));
    Map<String, LogWindowDocument> newest = export.logWindows().stream().collect(Collectors.toMap(
        LogWindowDocument::id, d -> d, (x, y) -> x.version() >= y.version() ? x : y, TreeMap::new));
    assertThat(newest.keySet()).containsExactlyElementsOf(store.all().stream().map(LogWindowDocument::id).toList());
    for (LogWindowDocument d : store.all()) {
      assertThat(newest.get(d.id())).isEqualTo(d);
    }
    // what ADX keeps, arg_max(version) per (Id, Service, Severity): every stored series as stored,
    // though a version exports only the series it changed
    Map<String, com.pulse.domain.telemetry.log.LogSeries> rows = new TreeMap<>();
    Map<String, Long> rowVersions = new TreeMap<>();
    for (com.pulse.domain.telemetry.log.LogWindowVersion v : export.logWindowVersions()) {
      for (int k = 0; k < v.rows(); k++) {
        String row = v.document().id() + "/" + v.series(k).service() + "/" + v.series(k).severity();
        if (rowVersions.getOrDefault(row, -1L) < v.document().version()) {
          rowVersions.put(row, v.document().version());
          rows.put(row, v.series(k));
        }
      }
    }
    long series = 0;
    for (LogWindowDocument d : store.all()) {
      for (com.pulse.domain.telemetry.log.LogSeries s : d.series()) {
        assertThat(rows.get(d.id() + "/" + s.service() + "/" + s.severity())).as("newest export row").isEqualTo(s);
        series++;
      }
    }
    assertThat(rows).hasSize((int) series);
  }

  private static AggregateLogBatch useCase(LogWindowStore store, InMemoryDeadLetterStore dead,
      InMemoryWindowExport export) {
    return new AggregateLogBatch(() -> new LogDecoders()::forContentType, store, dead, export, POLICY, CLOCK);
  }

  private static List<String> ids(List<DeadLetter> deadLetters) {
    return deadLetters.stream().map(DeadLetter::id).sorted().toList();
  }
}
