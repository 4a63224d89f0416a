package com.pulse.app.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryWindowExport;
import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.app.port.DocumentKey;
import com.pulse.app.port.Versioned;
import com.pulse.domain.telemetry.TenantWindowDocument;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.aggregate.SeriesCodec;
import com.pulse.domain.telemetry.aggregate.TenantWindows;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.decode.TelemetryDecoders;
import com.pulse.testing.FaultInjectingWindowStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregateBatchTest {
  private final FaultInjectingWindowStore store = new FaultInjectingWindowStore(new InMemoryWindowStore());
  private final InMemoryWindowExport export = new InMemoryWindowExport();
  private final AggregateBatch useCase = new AggregateBatch(() -> new TelemetryDecoders()::forContentType, store,
      new InMemoryDeadLetterStore(), export, LatenessPolicy.of(Duration.ofMinutes(1)),
      Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC));

  private static TelemetryEvent event(long seq, double ms) {
    String body = "{\"tenantId\":\"t\",\"service\":\"s\",\"operation\":\"o\",\"timestamp\":\"2026-11-20T10:00:30Z\",\"durationMs\":"
        + ms + ",\"status\":\"ok\"}";
    return new TelemetryEvent(body.getBytes(StandardCharsets.UTF_8), seq, null, Instant.parse("2026-11-20T10:00:31Z"),
        "application/json", Map.of());
  }

  private static List<TelemetryEvent> events(long from, long to) {
    List<TelemetryEvent> out = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      out.add(event(s, s));
    }
    return out;
  }

  @Test
  void overlappingRedeliveryAddsOnlyTheNewEventsWithOneWritePerDocument() {
    useCase.handle(new TelemetryBatch("0", events(10, 12)));
    BatchResult r = useCase.handle(new TelemetryBatch("0", events(11, 14)));

    assertThat(r.documentsWritten()).isEqualTo(2);
    assertThat(r.duplicateRequests()).as("events 11 and 12 were already folded in").isEqualTo(2);
    assertThat(store.writeCount()).isEqualTo(4);
    WindowDocument minute = store.listRange("t", "PT1M", Instant.EPOCH, Instant.MAX).get(0);
    assertThat(minute.count()).isEqualTo(5);
    assertThat(minute.latencySumMs()).isEqualTo(10 + 11 + 12 + 13 + 14);
    assertThat(minute.lastSequenceNumber()).isEqualTo(14);
    assertThat(minute.version()).isEqualTo(2);
    assertThat(export.windows()).extracting(v -> v.document().version()).containsExactly(1L, 1L, 2L, 2L);
  }

  private static TelemetryEvent opEvent(long seq, String tenant, String operation) {
    String body = "{\"tenantId\":\"" + tenant + "\",\"service\":\"s\",\"operation\":\"" + operation
        + "\",\"timestamp\":\"2026-11-20T10:00:30Z\",\"durationMs\":5,\"status\":\"ok\"}";
    return new TelemetryEvent(body.getBytes(StandardCharsets.UTF_8), seq, null, Instant.parse("2026-11-20T10:00:31Z"),
        "application/json", Map.of());
  }

  @Test
  void oneDocumentPerTenantAndWindowHoldsEverySeriesAndAWriteKeepsTheUntouchedOnesAsStored() {
    InMemoryWindowStore plain = new InMemoryWindowStore();
    AggregateBatch batches = AggregateBatch.withPulseDecoders(plain, new InMemoryDeadLetterStore(), export,
        LatenessPolicy.of(Duration.ofMinutes(1)), Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC));
    BatchResult first = batches.handle(new TelemetryBatch("0", List.of(opEvent(1, "t", "a"), opEvent(2, "t", "b"),
        opEvent(3, "u", "a"))));
    assertThat(first.documentsWritten()).as("tenants t and u, minute and hour").isEqualTo(4);
    TenantWindowDocument before = plain.documents().stream()
        .filter(d -> d.tenantId().equals("t") && d.granularity().equals("PT1M")).findFirst().orElseThrow();
    assertThat(before.series()).hasSize(2);
    int exportedBefore = export.windows().size();

    BatchResult second = batches.handle(new TelemetryBatch("0", List.of(opEvent(4, "t", "a"))));

    assertThat(second.documentsWritten()).isEqualTo(2);
    TenantWindowDocument after = plain.readMany(List.of(new DocumentKey("t", before.id()))).get(new DocumentKey("t", before.id())).value();
    assertThat(after.version()).isEqualTo(2);
    assertThat(after.lastSequenceNumber()).isEqualTo(4);
    String b = before.series().keySet().stream()
        .filter(id -> SeriesCodec.decode(id, before.series().get(id), before).operation().equals("b")).findFirst().orElseThrow();
    assertThat(after.series().get(b)).as("series b was not touched: its stored string is carried over").isSameAs(before.series().get(b));
    assertThat(export.windows().subList(exportedBefore, export.windows().size()))
        .as("only series a (minute and hour) is exported")
        .extracting(v -> v.document().operation() + " " + v.document().count() + " v" + v.document().version())
        .containsExactly("a 2 v2", "a 2 v2");
  }

  @Test
  void shardsSplitATenantsSeriesOverSeveralDocumentsByTheirHash() {
    InMemoryWindowStore plain = new InMemoryWindowStore();
    AggregateBatch sharded = new AggregateBatch(() -> new TelemetryDecoders()::forContentType, plain,
        new InMemoryDeadLetterStore(), export, LatenessPolicy.of(Duration.ofMinutes(1)),
        Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC), 4);
    List<TelemetryEvent> batch = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      batch.add(opEvent(i + 1, "t", "op" + i));
    }
    BatchResult r = sharded.handle(new TelemetryBatch("0", batch));

    assertThat(r.documentsWritten()).isEqualTo(8);
    for (TenantWindowDocument d : plain.documents()) {
      assertThat(TenantWindows.series(d)).allSatisfy(series ->
          assertThat(TenantWindows.shardOf(series.service(), series.dependency(), series.operation(), 4)).isEqualTo(d.shard()));
    }
    assertThat(plain.all()).hasSize(80);
  }

  private static TelemetryEvent timedEvent(long seq, String eventTime, String enqueued) {
    String body = "{\"tenantId\":\"t\",\"service\":\"s\",\"operation\":\"o\",\"timestamp\":\"" + eventTime
        + "\",\"durationMs\":5,\"status\":\"ok\"}";
    return new TelemetryEvent(body.getBytes(StandardCharsets.UTF_8), seq, null, Instant.parse(enqueued),
        "application/json", Map.of());
  }

  @Test
  void requestsBehindTheWatermarkAreCountedLateAndStillApplied() {
    // the first event moves the watermark to 10:05:00 - 1 min; the second belongs to the closed 10:00 window
    BatchResult r = useCase.handle(new TelemetryBatch("0", List.of(
        timedEvent(1, "2026-11-20T10:04:30Z", "2026-11-20T10:05:00Z"),
        timedEvent(2, "2026-11-20T10:00:30Z", "2026-11-20T10:05:01Z"))));

    assertThat(r.lateRequests()).isEqualTo(1);
    assertThat(r.duplicateRequests()).isZero();
    WindowDocument tenOClock = store.listRange("t", "PT1M", Instant.parse("2026-11-20T10:00:00Z"),
        Instant.parse("2026-11-20T10:01:00Z")).get(0);
    assertThat(tenOClock.count()).isEqualTo(1);
    assertThat(tenOClock.lateCount()).isEqualTo(1);
  }

  @Test
  void manyPartlyAppliedDocumentsAreTrimmedWithOneReDecodeOfTheBatch() {
    // 6 operations -> 12 series (minute + hour) in 2 documents; the first delivery folds events 1..12 into all of them
    java.util.function.IntFunction<List<TelemetryEvent>> stream = n -> {
      List<TelemetryEvent> out = new ArrayList<>();
      for (int s = 1; s <= n; s++) {
        String body = "{\"tenantId\":\"t\",\"service\":\"s\",\"operation\":\"op" + (s % 6)
            + "\",\"timestamp\":\"2026-11-20T10:00:30Z\",\"durationMs\":" + s + ",\"status\":\"ok\"}";
        out.add(new TelemetryEvent(body.getBytes(StandardCharsets.UTF_8), s, null, Instant.parse("2026-11-20T10:00:31Z"),
            "application/json", Map.of()));
      }
      return out;
    };
    useCase.handle(new TelemetryBatch("0", stream.apply(12)));
    int[] decodes = {0};
    TelemetryDecoders real = new TelemetryDecoders();
    AggregateBatch counting = new AggregateBatch(() -> contentType -> (body, sink) -> {
      decodes[0]++;
      return real.forContentType(contentType).decode(body, sink);
    }, store, new InMemoryDeadLetterStore(), export, LatenessPolicy.of(Duration.ofMinutes(1)),
        Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC));

    // redelivery from an older checkpoint: 1..24, so every document is partly applied
    BatchResult r = counting.handle(new TelemetryBatch("0", stream.apply(24)));

    assertThat(r.documentsWritten()).isEqualTo(2);
    assertThat(r.duplicateRequests()).isEqualTo(12);
    // both floors are 12: one re-decode of events 13..24, not one per document
    assertThat(decodes[0]).as("24 decodes, then one re-decode of the events above the lowest floor")
        .isEqualTo(24 + 12);
    List<WindowDocument> minutes = store.listRange("t", "PT1M", Instant.EPOCH, Instant.MAX);
    assertThat(minutes).hasSize(6).allSatisfy(d -> {
      assertThat(d.count()).isEqualTo(4);
      assertThat(d.lastSequenceNumber()).isGreaterThan(18);
    });
    assertThat(minutes.stream().mapToDouble(WindowDocument::latencySumMs).sum()).isEqualTo(24 * 25 / 2);
  }

  @Test
  void fullyAppliedBatchIsSkippedAndReExported() {
    useCase.handle(new TelemetryBatch("0", events(10, 12)));
    BatchResult r = useCase.handle(new TelemetryBatch("0", events(10, 12)));
    assertThat(r.documentsWritten()).isZero();
    assertThat(r.documentsSkipped()).isEqualTo(2);
    assertThat(r.duplicateRequests()).isEqualTo(3);
    assertThat(r.lateRequests()).isZero();
    assertThat(export.windows()).hasSize(4);
    assertThat(store.writeCount()).isEqualTo(2);
  }

  @Test
  void aConcurrentWriterCausesAReReadAndAnExactMerge() {
    useCase.handle(new TelemetryBatch("0", events(1, 2)));
    boolean[] once = {false};
    store.setFault((op, id) -> {
      if (op == FaultInjectingWindowStore.Operation.REPLACE && !once[0]) {
        once[0] = true;
        useCase.handle(new TelemetryBatch("0", events(3, 6))); // the other owner, further ahead
      }
    });
    BatchResult r = useCase.handle(new TelemetryBatch("0", events(3, 8)));
    assertThat(r.conflicts()).isGreaterThanOrEqualTo(1);
    WindowDocument minute = store.listRange("t", "PT1M", Instant.EPOCH, Instant.MAX).get(0);
    assertThat(minute.count()).isEqualTo(8);
    assertThat(minute.latencySumMs()).isEqualTo(36.0);
  }

  @Test
  void aLaterBatchTakesTheDocumentsThisInstanceWroteFromMemoryAndAStaleOneIsReRead() {
    List<String> reads = new ArrayList<>();
    store.setFault((op, id) -> {
      if (op == FaultInjectingWindowStore.Operation.READ) {
        reads.add(id);
      }
    });
    useCase.handle(new TelemetryBatch("0", events(1, 2)));
    assertThat(reads).as("first batch: both documents are read (absent)").hasSize(2);
    reads.clear();
    useCase.handle(new TelemetryBatch("0", events(3, 4)));
    assertThat(reads).as("second batch: both come from memory").isEmpty();
    useCase.handle(new TelemetryBatch("1", events(5, 6)));
    assertThat(reads).as("another partition has its own documents").hasSize(2);
    reads.clear();

    // another owner (another instance) writes partition 0's documents: this instance's memory is stale
    AggregateBatch other = new AggregateBatch(() -> new TelemetryDecoders()::forContentType, store,
        new InMemoryDeadLetterStore(), new InMemoryWindowExport(), LatenessPolicy.of(Duration.ofMinutes(1)),
        Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC));
    other.handle(new TelemetryBatch("0", events(5, 7)));
    reads.clear();
    BatchResult r = useCase.handle(new TelemetryBatch("0", events(5, 9)));

    assertThat(r.conflicts()).as("the remembered ETags are stale: each write conflicts once").isEqualTo(2);
    assertThat(reads).as("and re-reads its document").hasSize(2);
    WindowDocument minute = store.listRange("t", "PT1M", Instant.EPOCH, Instant.MAX).stream()
        .filter(d -> d.partition().equals("0")).findFirst().orElseThrow();
    assertThat(minute.count()).isEqualTo(9);
    assertThat(minute.latencySumMs()).isEqualTo(45.0);
    assertThat(minute.lastSequenceNumber()).isEqualTo(9);
  }

  @Test
  void aFailedBatchForgetsItsPartitionsDocuments() {
    useCase.handle(new TelemetryBatch("0", events(1, 2)));
    store.setFault((op, id) -> {
      if (op == FaultInjectingWindowStore.Operation.REPLACE) {
        throw new com.pulse.app.port.DependencyException("503", 503, null, null);
      }
    });
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> useCase.handle(new TelemetryBatch("0", events(3, 4))))
        .isInstanceOf(com.pulse.app.port.DependencyException.class);
    List<String> reads = new ArrayList<>();
    store.setFault((op, id) -> {
      if (op == FaultInjectingWindowStore.Operation.READ) {
        reads.add(id);
      }
    });
    useCase.handle(new TelemetryBatch("0", events(3, 4)));
    assertThat(reads).hasSize(2);
    assertThat(store.listRange("t", "PT1M", Instant.EPOCH, Instant.MAX).get(0).count()).isEqualTo(4);
  }

  @Test
  void anEventThatBreaksTheDecoderIsDeadLetteredAndTheBatchContinues() {
    InMemoryDeadLetterStore dead = new InMemoryDeadLetterStore();
    TelemetryDecoders real = new TelemetryDecoders();
    AggregateBatch withBuggyDecoder = new AggregateBatch(() -> contentType -> contentType.equals("application/x-bug")
        ? (body, sink) -> {
          throw new IllegalStateException("index out of range");
        }
        : real.forContentType(contentType), store, dead, export, LatenessPolicy.of(Duration.ofMinutes(1)), Clock.systemUTC());
    List<TelemetryEvent> events = new ArrayList<>(events(1, 2));
    events.add(new TelemetryEvent(new byte[] {9}, 3, "30", Instant.parse("2026-11-20T10:00:31Z"), "application/x-bug", Map.of()));
    events.addAll(events(4, 4));

    BatchResult r = withBuggyDecoder.handle(new TelemetryBatch("0", events));

    assertThat(r.deadLettered()).isEqualTo(1);
    assertThat(dead.list(null, 10).get(0).reason()).contains("decoder failure").contains("index out of range");
    assertThat(store.listRange("t", "PT1M", Instant.EPOCH, Instant.MAX).get(0).count()).isEqualTo(3);
  }
  @Test
  void aRememberedDocumentThatShedItsDecodedSeriesIsMergedWithoutARead() {
    List<List<TelemetryEvent>> batches = new ArrayList<>();
    long seq = 1;
    for (int b = 0; b < 6; b++) {
      List<TelemetryEvent> batch = new ArrayList<>();
      for (int tenant = 0; tenant < 10; tenant++) {
        for (int op = 0; op < 3; op++) {
          String body = "{\"tenantId\":\"t" + tenant + "\",\"service\":\"s\",\"operation\":\"o" + op
              + "\",\"timestamp\":\"2026-11-20T10:00:30Z\",\"durationMs\":" + (seq % 97 + 1)
              + ",\"status\":\"ok\",\"userId\":\"u" + seq % 13 + "\"}";
          batch.add(new TelemetryEvent(body.getBytes(StandardCharsets.UTF_8), seq++, null,
              Instant.parse("2026-11-20T10:00:31Z"), "application/json", Map.of()));
        }
      }
      batches.add(batch);
    }
    Run roomy = new Run(1L << 30);
    roomy.handleAll(batches);
    long slim = 0;
    long fat = 0;
    for (TenantWindowDocument d : roomy.plain.documents()) {
      RememberedDocuments.Remembered r = RememberedDocuments.Remembered.of(new Versioned<>(d, "\"e\""), Map.of());
      slim += r.bytes();
      fat += new RememberedDocuments.Remembered(r.document(), Map.of("x", new TenantWindows.DecodedSeries("", null)),
          r.seriesChars()).bytes();
    }
    assertThat(fat).isGreaterThan(2 * slim);

    Run tight = new Run((slim + fat) / 2); // every document fits slim, not every document with its decoded series
    tight.handleAll(batches);

    assertThat(tight.readsAfterFirstBatch).as("every document was remembered, slim or not").isZero();
    assertThat(roomy.readsAfterFirstBatch).isZero();
    assertThat(tight.plain.documents()).hasSameSizeAs(roomy.plain.documents());
    for (TenantWindowDocument d : roomy.plain.documents()) {
      DocumentKey key = new DocumentKey(d.tenantId(), d.id());
      TenantWindowDocument other = tight.plain.readMany(List.of(key)).get(key).value();
      assertThat(other.series()).as(d.id()).isEqualTo(d.series());
      assertThat(other.version()).isEqualTo(6);
      assertThat(other.lastSequenceNumber()).isEqualTo(d.lastSequenceNumber());
    }
    assertThat(tight.export.windows()).extracting(v -> v.document().id() + " v" + v.document().version() + " n"
        + v.document().count() + " users " + v.distinctUsers())
        .containsExactlyElementsOf(roomy.export.windows().stream().map(v -> v.document().id() + " v" + v.document().version()
            + " n" + v.document().count() + " users " + v.distinctUsers()).toList());
  }

  /** A use case remembering up to {@code rememberedMaxBytes}, counting the documents it reads after its first batch. */
  private static final class Run {
    final InMemoryWindowStore plain = new InMemoryWindowStore();
    final FaultInjectingWindowStore store = new FaultInjectingWindowStore(plain);
    final InMemoryWindowExport export = new InMemoryWindowExport();
    final AggregateBatch useCase;
    boolean counting;
    long readsAfterFirstBatch;

    Run(long rememberedMaxBytes) {
      useCase = new AggregateBatch(() -> new TelemetryDecoders()::forContentType, store, new InMemoryDeadLetterStore(),
          export, LatenessPolicy.of(Duration.ofMinutes(1)), Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC))
          .rememberingUpTo(rememberedMaxBytes);
      store.setFault((op, id) -> {
        if (counting && op == FaultInjectingWindowStore.Operation.READ) {
          readsAfterFirstBatch++;
        }
      });
    }

    void handleAll(List<List<TelemetryEvent>> batches) {
      for (List<TelemetryEvent> batch : batches) {
        BatchResult r = useCase.handle(new TelemetryBatch("0", batch));
        assertThat(r.requests()).isEqualTo(batch.size());
        counting = true;
      }
    }
  }
}
