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
import com.pulse.domain.telemetry.log.LogSeries;
import com.pulse.domain.telemetry.log.LogTemplateCount;
import com.pulse.domain.telemetry.log.LogWindowDocument;
import com.pulse.domain.telemetry.log.OtlpLogs;
import io.opentelemetry.api.logs.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregateLogBatchTest {
  private static final Instant T = Instant.parse("2026-11-21T10:00:05Z");
  private static final long T_NANOS = T.toEpochMilli() * 1_000_000L;
  private final InMemoryLogWindowStore store = new InMemoryLogWindowStore();
  private final InMemoryDeadLetterStore dead = new InMemoryDeadLetterStore();
  private final InMemoryWindowExport export = new InMemoryWindowExport();
  private final AggregateLogBatch useCase = AggregateLogBatch.withPulseDecoders(store, dead, export,
      LatenessPolicy.of(Duration.ofMinutes(5)), Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));

  private static TelemetryEvent event(long sequence, byte[] body, String contentType) {
    return new TelemetryEvent(body, sequence, "0", T.plusSeconds(1), contentType, Map.of());
  }

  @Test
  void sdkLogsBecomeOneDocumentPerTenantWindowAndPartition() {
    OtlpLogs logs = new OtlpLogs();
    var checkout = OtlpLogs.resource("checkout", "contoso");
    var search = OtlpLogs.resource("search", "contoso");
    logs.log(checkout, Severity.INFO, "ok", T_NANOS).log(checkout, Severity.ERROR, "order 17 failed", T_NANOS)
        .log(checkout, Severity.ERROR3, "order 99 failed", T_NANOS).log(search, Severity.FATAL, "out of memory", T_NANOS);

    LogBatchResult result = useCase.handle(new TelemetryBatch("2", List.of(event(10, logs.protobuf(), null))));

    assertThat(result.records()).isEqualTo(4);
    assertThat(result.documentsWritten()).isEqualTo(2); // minute + hour
    LogWindowDocument minute = store.all().stream().filter(d -> d.granularity().equals("PT1M")).findFirst().orElseThrow();
    assertThat(minute.windowStart()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
    assertThat(minute.partition()).isEqualTo("2");
    assertThat(minute.series()).extracting(LogSeries::service, LogSeries::severity, LogSeries::count).containsExactly(
        org.assertj.core.groups.Tuple.tuple("checkout", "INFO", 1L),
        org.assertj.core.groups.Tuple.tuple("checkout", "ERROR", 2L),
        org.assertj.core.groups.Tuple.tuple("search", "FATAL", 1L));
    assertThat(minute.series().get(1).templates()).containsExactly(new LogTemplateCount("order <num> failed", 2));
    assertThat(export.logWindows()).hasSize(2);
    assertThat(result.errorRecords()).containsExactly(new LogBatchResult.ErrorRecords("contoso", "ERROR", 2),
        new LogBatchResult.ErrorRecords("contoso", "FATAL", 1));
  }

  @Test
  void aVersionExportsTheSeriesItChangedAndAPartlyAppliedDocumentEverySeries() {
    var checkout = OtlpLogs.resource("checkout", "contoso");
    var search = OtlpLogs.resource("search", "contoso");
    TelemetryEvent first = event(1, new OtlpLogs().log(checkout, Severity.INFO, "ok", T_NANOS).protobuf(), null);
    TelemetryEvent second = event(2, new OtlpLogs().log(search, Severity.WARN, "slow", T_NANOS).protobuf(), null);
    TelemetryEvent third = event(3, new OtlpLogs().log(search, Severity.WARN, "slow", T_NANOS).protobuf(), null);
    useCase.handle(new TelemetryBatch("0", List.of(first)));
    useCase.handle(new TelemetryBatch("0", List.of(second)));
    assertThat(rows(export.logWindowVersions().subList(2, 4))).as("the second write changed search/WARN only")
        .containsOnly("search/WARN");

    // a redelivery from event 2 after a write whose export may have been lost: documents partly applied
    useCase.handle(new TelemetryBatch("0", List.of(second, third)));

    assertThat(rows(export.logWindowVersions().subList(4, 6))).as("every series of a partly applied document")
        .containsOnly("checkout/INFO", "search/WARN").hasSize(4);
  }

  private static List<String> rows(List<com.pulse.domain.telemetry.log.LogWindowVersion> versions) {
    List<String> rows = new ArrayList<>();
    for (var v : versions) {
      for (int k = 0; k < v.rows(); k++) {
        rows.add(v.series(k).service() + "/" + v.series(k).severity());
      }
    }
    return rows;
  }

  @Test
  void redeliveryIsCountedAsDuplicateAndChangesNothing() {
    OtlpLogs logs = new OtlpLogs().log(OtlpLogs.resource("checkout", "contoso"), Severity.WARN, "slow", T_NANOS);
    TelemetryBatch batch = new TelemetryBatch("0", List.of(event(1, logs.protobuf(), "application/x-protobuf"),
        event(2, logs.json(), "application/json")));
    useCase.handle(batch);
    List<LogWindowDocument> before = store.all();

    LogBatchResult again = useCase.handle(batch);

    assertThat(again.duplicateRecords()).isEqualTo(2);
    assertThat(again.documentsSkipped()).isEqualTo(2);
    assertThat(again.documentsWritten()).isZero();
    assertThat(again.errorRecords()).as("redelivered records are not reported again").isEmpty();
    assertThat(store.all()).isEqualTo(before);
  }

  @Test
  void badEventsAreDeadLetteredUnderTheLogsPartitionAndTheBatchGoesOn() {
    OtlpLogs good = new OtlpLogs().log(OtlpLogs.resource("checkout", "contoso"), Severity.INFO, "ok", T_NANOS);
    OtlpLogs noTenant = new OtlpLogs().log(OtlpLogs.resource("checkout", null), Severity.INFO, "ok", T_NANOS);

    LogBatchResult result = useCase.handle(new TelemetryBatch("5", List.of(event(1, noTenant.protobuf(), null),
        event(2, new byte[0], null), event(3, good.protobuf(), null),
        event(4, "{\"resourceSpans\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json"))));

    assertThat(result.records()).isEqualTo(1);
    assertThat(result.deadLettered()).isEqualTo(3);
    assertThat(dead.list(null, 10)).extracting(DeadLetter::id).containsExactlyInAnyOrder("logs-5-1", "logs-5-2", "logs-5-4");
    assertThat(dead.list(null, 10)).extracting(DeadLetter::reason).anyMatch(r -> r.contains("unattributable"))
        .anyMatch(r -> r.equals("empty body")).anyMatch(r -> r.contains("belongs on the traces hub"));
  }

  @Test
  void aLaterBatchTakesTheDocumentsThisInstanceWroteFromMemoryAndAStaleOneIsReRead() {
    List<Collection<DocumentKey>> reads = new ArrayList<>();
    LogWindowStore counting = new LogWindowStore() {
      @Override
      public Map<DocumentKey, Versioned<LogWindowDocument>> readMany(Collection<DocumentKey> keys) {
        reads.add(List.copyOf(keys));
        return store.readMany(keys);
      }

      @Override
      public Versioned<LogWindowDocument> create(LogWindowDocument document) {
        return store.create(document);
      }

      @Override
      public Versioned<LogWindowDocument> replace(LogWindowDocument document, String ifMatchEtag) {
        return store.replace(document, ifMatchEtag);
      }

      @Override
      public List<LogWindowDocument> listRange(String tenantId, String granularity, Instant from, Instant to) {
        return store.listRange(tenantId, granularity, from, to);
      }
    };
    Clock clock = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);
    AggregateLogBatch mine = AggregateLogBatch.withPulseDecoders(counting, dead, export, LatenessPolicy.of(Duration.ofMinutes(5)),
        clock);
    AggregateLogBatch other = AggregateLogBatch.withPulseDecoders(counting, dead, new InMemoryWindowExport(),
        LatenessPolicy.of(Duration.ofMinutes(5)), clock);
    var checkout = OtlpLogs.resource("checkout", "contoso");
    java.util.function.LongFunction<TelemetryEvent> log = seq -> event(seq,
        new OtlpLogs().log(checkout, Severity.ERROR, "order " + seq + " failed", T_NANOS).protobuf(), null);

    mine.handle(new TelemetryBatch("2", List.of(log.apply(1), log.apply(2))));
    assertThat(reads).hasSize(1);
    mine.handle(new TelemetryBatch("2", List.of(log.apply(3))));
    assertThat(reads).as("both documents come from memory").hasSize(1);
    other.handle(new TelemetryBatch("2", List.of(log.apply(4)))); // another owner: mine's memory is now stale
    reads.clear();
    LogBatchResult r = mine.handle(new TelemetryBatch("2", List.of(log.apply(4), log.apply(5))));

    assertThat(r.conflicts()).as("each remembered ETag is stale once").isEqualTo(2);
    assertThat(reads).as("and each document is re-read").hasSize(2);
    LogWindowDocument minute = store.all().stream().filter(d -> d.granularity().equals("PT1M")).findFirst().orElseThrow();
    assertThat(minute.count()).isEqualTo(5);
    assertThat(minute.lastSequenceNumber()).isEqualTo(5);
  }
}
