package com.pulse.app.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryMetricWindowStore;
import com.pulse.adapter.local.InMemoryPartitionProgressStore;
import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.MetricWindowStore;
import com.pulse.app.port.PartitionProgressStore;
import com.pulse.app.port.Versioned;
import com.pulse.domain.telemetry.DeadLetter;
import com.pulse.domain.telemetry.metric.MetricDimensions;
import com.pulse.domain.telemetry.metric.MetricSeries;
import com.pulse.domain.telemetry.metric.MetricStreamDocument;
import com.pulse.domain.telemetry.metric.MetricWindowDocument;
import com.pulse.domain.telemetry.metric.MetricWindowVersion;
import com.pulse.domain.telemetry.metric.MetricWindows;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exactly-once proof for OTLP metrics, in the style of {@link ExactlyOnceProofTest}: a seeded
 * partition ({@link SeededMetricStream}: cumulative and delta sums, gauges, cumulative and delta
 * histograms, resets, late points, bad events) consumed by two owners at once (each its own instance
 * with its own remembered window documents) with random batch
 * boundaries, crashes between any two store writes (window or stream-state documents), injected 503s
 * on reads, lazy checkpoints and restarts from older checkpoints, must end in the same metric window
 * documents as one clean pass (every series field, sketch bins, late and overflow counts,
 * {@code lastSequenceNumber}), the same stream-state sequence numbers, the same dead letters, and the
 * newest export of each document equal to it. {@link #faultyHeldRunsEqualOneCleanPass} runs the same
 * through {@link DeferredMetricAggregation}.
 */
class MetricExactlyOnceProofTest {
  private static final int EVENTS = 120;
  private static final AtomicLong FAILURES = new AtomicLong();
  private static final AtomicLong CONFLICTS = new AtomicLong();
  private static final AtomicLong SKIPPED = new AtomicLong();
  private static final AtomicLong CUMULATIVE_DUPLICATES = new AtomicLong();
  private static final AtomicLong HELD = new AtomicLong();
  private static final AtomicLong RECOVERED = new AtomicLong();

  @AfterAll
  static void theFaultsHappened() {
    assertThat(FAILURES.get()).isGreaterThan(100);
    assertThat(CONFLICTS.get()).isGreaterThan(0);
    assertThat(SKIPPED.get()).isGreaterThan(0);
    assertThat(CUMULATIVE_DUPLICATES.get()).as("redelivered cumulative points skipped by the stream state").isGreaterThan(0);
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
   * The same through {@link DeferredMetricAggregation}, with the faults holding adds (as in
   * {@link DeferredExactlyOnceProofTest}): 10 % of invocations start in a fresh process that lost what
   * it held, the progress store and the hub fail like the window store, and a fresh owner gets the
   * last event again at the end. The stream-state documents are then written once per write of
   * several invocations' events, and read by owners that start behind the checkpoint.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void faultyHeldRunsEqualOneCleanPass(long seed) throws Exception {
    run(seed, true);
  }

  private void run(long seed, boolean held) throws Exception {
    List<TelemetryEvent> events = SeededMetricStream.events(seed, EVENTS);

    InMemoryMetricWindowStore cleanStore = new InMemoryMetricWindowStore();
    InMemoryDeadLetterStore cleanDead = new InMemoryDeadLetterStore();
    AggregateMetricBatch clean = useCase(cleanStore, cleanDead, v -> { });
    for (int i = 0; i < events.size(); i += 50) {
      clean.handle(new TelemetryBatch("3", events.subList(i, Math.min(events.size(), i + 50))));
    }

    InMemoryMetricWindowStore store = new InMemoryMetricWindowStore();
    Faulty faulty = new Faulty(store);
    InMemoryDeadLetterStore dead = new InMemoryDeadLetterStore();
    List<MetricWindowVersion> exported = Collections.synchronizedList(new ArrayList<>());
    // each owner is its own instance, with its own memory of the window documents it last wrote
    // (which the other owner's writes make stale)
    ThreadLocal<AggregateMetricBatch> useCase = ThreadLocal.withInitial(() -> useCase(faulty, dead, exported::addAll));
    PartitionProgressStore progress = new DeferredExactlyOnceProofTest.FaultyProgress(
        new InMemoryPartitionProgressStore(), faulty.hook);
    PartitionSource hub = DeferredExactlyOnceProofTest.hub(events, faulty.hook);
    Clock ticking = new DeferredExactlyOnceProofTest.TickingClock();
    Supplier<DeferredMetricAggregation> owner = DeferredExactlyOnceProofTest.restartingOwners(seed,
        () -> new DeferredMetricAggregation(useCase(faulty, dead, exported::addAll), hub, progress, "metrics",
            DeferredExactlyOnceProofTest.DEFERRAL, ticking));
    FAILURES.addAndGet(PartitionOwners.runTwo(seed, events, batch -> {
      MetricBatchResult result;
      if (held) {
        result = owner.get().handle(batch);
        HELD.addAndGet(result.deferredEvents());
        RECOVERED.addAndGet(result.recoveredEvents());
      } else {
        result = useCase.get().handle(batch);
      }
      CONFLICTS.addAndGet(result.conflicts());
      SKIPPED.addAndGet(result.documentsSkipped());
      CUMULATIVE_DUPLICATES.addAndGet(result.cumulativeDuplicates());
    }, faulty.hook, new PartitionOwners.Chaos(30, 30, 8)));
    if (held) {
      // the partition's next event brings a fresh owner, which recovers what dead owners held
      new DeferredMetricAggregation(useCase(store, dead, exported::addAll), hub, progress, "metrics",
          DeferredExactlyOnceProofTest.DEFERRAL, ticking)
          .handle(new TelemetryBatch("3", events.subList(events.size() - 1, events.size())));
    }

    assertThat(cleanStore.allWindows()).as("the stream has every type")
        .flatExtracting(MetricWindowDocument::series).extracting(s -> s.type()).contains("sum", "gauge", "histogram");
    assertSameDocuments(store.allWindows(), cleanStore.allWindows());
    assertThat(store.allStreams()).extracting(MetricStreamDocument::id, MetricStreamDocument::lastSequenceNumber)
        .isEqualTo(cleanStore.allStreams().stream().map(d -> org.assertj.core.groups.Tuple.tuple(d.id(), d.lastSequenceNumber())).toList());
    assertThat(ids(dead.list(null, 10_000))).isEqualTo(ids(cleanDead.list(null, 10_000)));
    Map<String, MetricWindowDocument> newest = exported.stream().map(MetricWindowVersion::document)
        .collect(Collectors.toMap(MetricWindowDocument::id, d -> d, (x, y) -> x.version() >= y.version() ? x : y, TreeMap::new));
    for (MetricWindowDocument d : store.allWindows()) {
      assertThat(newest.get(d.id()).version()).isEqualTo(d.version());
      assertThat(newest.get(d.id()).lastSequenceNumber()).isEqualTo(d.lastSequenceNumber());
    }
    // what ADX keeps, arg_max(version) per series row: every stored series as stored, though a
    // version exports only the series it changed
    Map<String, MetricSeries> newestRows = new TreeMap<>();
    Map<String, Long> newestRowVersions = new TreeMap<>();
    for (MetricWindowVersion v : List.copyOf(exported)) {
      for (int k = 0; k < v.rows(); k++) {
        String row = v.document().id() + "/" + v.series(k).service() + "/" + v.series(k).metric() + "/"
            + v.series(k).type() + "/" + new TreeMap<>(v.series(k).attributes());
        if (newestRowVersions.getOrDefault(row, -1L) < v.document().version()) {
          newestRowVersions.put(row, v.document().version());
          newestRows.put(row, v.series(k));
        }
      }
    }
    int series = 0;
    for (MetricWindowDocument d : store.allWindows()) {
      for (MetricSeries s : d.series()) {
        String row = d.id() + "/" + s.service() + "/" + s.metric() + "/" + s.type() + "/" + new TreeMap<>(s.attributes());
        assertThat(newestRows.get(row)).as("newest export row of %s", row).usingRecursiveComparison()
            .ignoringFields("sketch").isEqualTo(s);
        series++;
      }
    }
    assertThat(newestRows).hasSize(series);
  }

  private static AggregateMetricBatch useCase(MetricWindowStore store, InMemoryDeadLetterStore dead,
      com.pulse.app.port.MetricWindowExport export) {
    return new AggregateMetricBatch(MetricDimensions.DEFAULT, store, dead, export, MetricFixtures.POLICY,
        MetricFixtures.CLOCK);
  }

  private static void assertSameDocuments(List<MetricWindowDocument> actual, List<MetricWindowDocument> expected) {
    assertThat(actual).extracting(MetricWindowDocument::id).isEqualTo(expected.stream().map(MetricWindowDocument::id).toList());
    for (int i = 0; i < expected.size(); i++) {
      MetricWindowDocument a = actual.get(i);
      MetricWindowDocument e = expected.get(i);
      assertThat(a).usingRecursiveComparison().ignoringFields("version", "updatedAt", "series.sketch").isEqualTo(e);
      MetricWindowVersion av = MetricWindows.versionOf(a);
      MetricWindowVersion ev = MetricWindows.versionOf(e);
      assertThat(av.stats()).usingRecursiveComparison().as("sketches of %s", a.id()).isEqualTo(ev.stats());
    }
  }

  private static List<String> ids(List<DeadLetter> deadLetters) {
    return deadLetters.stream().map(DeadLetter::id).sorted().toList();
  }

  /** The store with a per-owner fault hook before every call (true: a write). */
  private static final class Faulty implements MetricWindowStore {
    final ThreadLocal<PartitionOwners.StoreFault> hook = ThreadLocal.withInitial(() -> (w, id) -> { });
    private final MetricWindowStore delegate;

    Faulty(MetricWindowStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public Map<DocumentKey, Versioned<MetricWindowDocument>> readWindows(Collection<DocumentKey> keys) {
      hook.get().before(false, null);
      return delegate.readWindows(keys);
    }

    @Override
    public Versioned<MetricWindowDocument> createWindow(MetricWindowDocument d) {
      hook.get().before(true, null);
      return delegate.createWindow(d);
    }

    @Override
    public Versioned<MetricWindowDocument> replaceWindow(MetricWindowDocument d, String etag) {
      hook.get().before(true, null);
      return delegate.replaceWindow(d, etag);
    }

    @Override
    public Map<DocumentKey, Versioned<MetricStreamDocument>> readStreams(Collection<DocumentKey> keys) {
      hook.get().before(false, null);
      return delegate.readStreams(keys);
    }

    @Override
    public Versioned<MetricStreamDocument> createStreams(MetricStreamDocument d) {
      hook.get().before(true, null);
      return delegate.createStreams(d);
    }

    @Override
    public Versioned<MetricStreamDocument> replaceStreams(MetricStreamDocument d, String etag) {
      hook.get().before(true, null);
      return delegate.replaceStreams(d, etag);
    }

    @Override
    public List<MetricWindowDocument> listRange(String tenantId, String granularity, Instant from, Instant to) {
      return delegate.listRange(tenantId, granularity, from, to);
    }
  }
}
