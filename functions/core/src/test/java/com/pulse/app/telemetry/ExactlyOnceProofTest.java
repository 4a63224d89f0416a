package com.pulse.app.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryWindowExport;
import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.app.port.WindowStore;
import com.pulse.domain.telemetry.DeadLetter;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.WindowVersion;
import com.pulse.domain.telemetry.aggregate.WindowDocuments;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.aggregate.UserSketches;
import com.pulse.domain.telemetry.decode.TelemetryDecoders;
import com.pulse.testing.FaultInjectingWindowStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exactly-once proof: over a seeded stream, random batch boundaries, host crashes between
 * document writes, transient store failures, redelivery from older checkpoints and two owners of the
 * partition processing it at once (two threads on one store) must end in the same window documents
 * as one clean pass (request and dependency windows): counts, errors, late counts, latency sums, DDSketch bins, HLL contents, sequence
 * numbers, dead letters, series by series; and the newest exported version of each series must equal
 * the stored series. The faulty run spreads each tenant window over 1 to 3 documents (by seed), the
 * clean pass over one.
 */
class ExactlyOnceProofTest {
  private static final LatenessPolicy POLICY = LatenessPolicy.of(Duration.ofMinutes(2));
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);
  private static final int EVENTS = 160;
  private static final java.util.concurrent.atomic.AtomicLong FAILURES = new java.util.concurrent.atomic.AtomicLong();
  private static final java.util.concurrent.atomic.AtomicLong CONFLICTS = new java.util.concurrent.atomic.AtomicLong();
  private static final java.util.concurrent.atomic.AtomicLong SKIPPED = new java.util.concurrent.atomic.AtomicLong();

  @AfterAll
  static void theFaultsHappened() {
    // the faults really happened across the seeds: crashes/503s, ETag conflicts between the two
    // owners, and documents skipped on redelivery
    assertThat(FAILURES.get()).isGreaterThan(200);
    assertThat(CONFLICTS.get()).isGreaterThan(0);
    assertThat(SKIPPED.get()).isGreaterThan(0);
  }

  static java.util.stream.LongStream seeds() {
    return java.util.stream.LongStream.range(0, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void faultyConcurrentRunsEqualOneCleanPass(long seed) throws Exception {
    List<TelemetryEvent> events = SeededStream.events(seed, EVENTS);

    InMemoryWindowStore cleanStore = new InMemoryWindowStore();
    InMemoryDeadLetterStore cleanDead = new InMemoryDeadLetterStore();
    cleanPass(events, cleanStore, cleanDead);

    InMemoryWindowStore store = new InMemoryWindowStore();
    FaultInjectingWindowStore faultyStore = new FaultInjectingWindowStore(store);
    InMemoryDeadLetterStore dead = new InMemoryDeadLetterStore();
    InMemoryWindowExport export = new InMemoryWindowExport();
    // the faulty run stores the same series in 1, 2 or 3 documents per tenant window: the layout
    // must not change a single series
    // each owner is its own instance, with its own memory of the documents it last wrote (which the
    // other owner's writes make stale)
    int shards = 1 + (int) (seed % 3);
    ThreadLocal<AggregateBatch> faulty = ThreadLocal.withInitial(() -> useCase(faultyStore, dead, export, shards));
    ThreadLocal<PartitionOwners.StoreFault> perOwner = ThreadLocal.withInitial(() -> (write, id) -> {});
    faultyStore.setFault((op, id) -> perOwner.get().before(op != FaultInjectingWindowStore.Operation.READ, id));
    FAILURES.addAndGet(PartitionOwners.runTwo(seed, events, batch -> {
      BatchResult result = faulty.get().handle(batch);
      CONFLICTS.addAndGet(result.conflicts());
      SKIPPED.addAndGet(result.documentsSkipped());
    }, perOwner, new PartitionOwners.Chaos(40, 25, 6)));

    assertThat(cleanStore.all()).as("the stream has request and dependency windows")
        .anyMatch(d -> d.dependency() != null).anyMatch(d -> d.dependency() == null);
    assertSameDocuments(store.all(), cleanStore.all());
    assertThat(ids(dead.list(null, 10_000))).isEqualTo(ids(cleanDead.list(null, 10_000)));
    assertNewestExportsMatch(export.windows(), store.all());
  }

  /** One pass of {@code events} in batches of 50 on partition 3, one document per tenant window: the expected state. */
  static void cleanPass(List<TelemetryEvent> events, InMemoryWindowStore store, InMemoryDeadLetterStore dead) {
    AggregateBatch clean = useCase(store, dead, new InMemoryWindowExport(), 1);
    for (int i = 0; i < events.size(); i += 50) {
      clean.handle(new TelemetryBatch("3", events.subList(i, Math.min(events.size(), i + 50))));
    }
  }

  private static AggregateBatch useCase(WindowStore store, InMemoryDeadLetterStore dead, InMemoryWindowExport export,
      int shards) {
    return new AggregateBatch(() -> new TelemetryDecoders()::forContentType, store, dead, export, POLICY, CLOCK, shards);
  }

  static void assertSameDocuments(List<WindowDocument> actual, List<WindowDocument> expected) {
    assertThat(actual).extracting(WindowDocument::id).isEqualTo(expected.stream().map(WindowDocument::id).toList());
    for (int i = 0; i < expected.size(); i++) {
      WindowDocument a = actual.get(i);
      WindowDocument e = expected.get(i);
      assertThat(a).usingRecursiveComparison()
          .ignoringFields("latencySketch", "userSketch", "version", "updatedAt")
          .isEqualTo(e);
      WindowVersion av = WindowDocuments.versionOf(a);
      WindowVersion ev = WindowDocuments.versionOf(e);
      assertThat(av.binKeys()).as("sketch bins of %s", a.id()).isEqualTo(ev.binKeys());
      assertThat(av.binCounts()).as("sketch bin counts of %s", a.id()).isEqualTo(ev.binCounts());
      assertThat(av.sketchZeroCount()).isEqualTo(ev.sketchZeroCount());
      assertSameHll(a.userSketch(), e.userSketch());
    }
  }

  /**
   * HLL images list coupons in insertion order, so equal sketches can have different bytes. Equal
   * coupon sets/registers ⇔ the union of the two has the same estimate as each (LIST/SET modes: the
   * estimate is a function of the coupon count; HLL mode: of the registers).
   */
  private static void assertSameHll(byte[] actual, byte[] expected) {
    assertThat(actual.length == 0).isEqualTo(expected.length == 0);
    if (expected.length == 0) {
      return;
    }
    HllSketch a = HllSketch.heapify(actual);
    HllSketch e = HllSketch.heapify(expected);
    Union union = new Union(UserSketches.LG_K);
    union.update(a);
    union.update(e);
    assertThat(a.getCompactSerializationBytes()).isEqualTo(e.getCompactSerializationBytes());
    assertThat(a.getEstimate()).isEqualTo(e.getEstimate());
    assertThat(union.getEstimate()).isEqualTo(e.getEstimate());
  }

  static void assertNewestExportsMatch(List<WindowVersion> exported, List<WindowDocument> documents) {
    Map<String, WindowDocument> newest = exported.stream().map(WindowVersion::document)
        .collect(Collectors.toMap(WindowDocument::id, r -> r, (x, y) -> x.version() >= y.version() ? x : y, TreeMap::new));
    assertThat(newest.keySet()).containsExactlyElementsOf(documents.stream().map(WindowDocument::id).toList());
    for (WindowDocument d : documents) {
      WindowDocument r = newest.get(d.id());
      assertThat(r.version()).isEqualTo(d.version());
      assertThat(r.count()).isEqualTo(d.count());
      assertThat(r.lastSequenceNumber()).isEqualTo(d.lastSequenceNumber());
    }
  }

  static List<String> ids(List<DeadLetter> deadLetters) {
    return deadLetters.stream().map(DeadLetter::id).sorted().toList();
  }
}
