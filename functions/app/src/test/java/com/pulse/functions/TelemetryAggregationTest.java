package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.microsoft.azure.functions.ExecutionContext;
import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryWindowExport;
import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.app.observability.InMemoryTelemetry;
import com.pulse.app.observability.PulseTracing;
import com.pulse.app.port.DependencyException;
import com.pulse.app.telemetry.BatchObserver;
import com.pulse.app.telemetry.BatchResult;
import com.pulse.config.PulseConfig;
import com.pulse.domain.telemetry.DeadLetter;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.testing.FaultInjectingWindowStore;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls the function with binding data shaped as the Java worker delivers it for an Event Hubs batch
 * (maps decoded by the worker's Gson: numbers as {@code Double}, times as ISO strings).
 */
class TelemetryAggregationTest {
  private final InMemoryWindowStore stored = new InMemoryWindowStore();
  private final FaultInjectingWindowStore windows = new FaultInjectingWindowStore(stored);
  private final InMemoryDeadLetterStore deadLetters = new InMemoryDeadLetterStore();
  private final InMemoryWindowExport export = new InMemoryWindowExport();
  private final ExecutionContext context = mock(ExecutionContext.class);
  private final List<BatchResult> observed = new java.util.ArrayList<>();
  private TelemetryAggregation function;

  @BeforeEach
  void setUp() {
    when(context.getLogger()).thenReturn(Logger.getLogger("test"));
    CompositionRoot root = CompositionRoot.create(PulseConfig.parse(Map.of("TELEMETRY_ALLOWED_LATENESS", "PT1M")),
        Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC));
    function = new TelemetryAggregation(root.telemetryAggregation(windows, deadLetters, export),
        (batch, result) -> observed.add(result), PulseTracing.noop());
  }

  private static byte[] json(String tenant, String ts, double ms, String status) {
    return ("{\"tenantId\":\"" + tenant + "\",\"service\":\"checkout\",\"operation\":\"POST /orders\",\"timestamp\":\"" + ts
        + "\",\"durationMs\":" + ms + ",\"status\":\"" + status + "\",\"userId\":\"u1\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Object> system(long seq, String offset, String enqueued, String contentType) {
    return EventHubSystemProperties.of(seq, offset, enqueued, contentType);
  }

  @SuppressWarnings("unchecked")
  private BatchResult invoke(byte[][] bodies, Map<String, Object>[] sys, Map<String, Object>[] props, long[] seqs, String[] times) {
    Map<String, Object> partitionContext = Map.of(
        "PartitionId", "7", "ConsumerGroup", "pulse-aggregation", "EventHubName", "telemetry",
        "FullyQualifiedNamespace", "pulse.servicebus.windows.net");
    return function.process(bodies, partitionContext, sys, props, seqs, times, context);
  }

  @Test
  @SuppressWarnings("unchecked")
  void underABacklogFullBatchesAreHeldAndWrittenWithTheFirstBatchThatIsNotFull() {
    CompositionRoot root = CompositionRoot.create(PulseConfig.parse(Map.of("TELEMETRY_ALLOWED_LATENESS", "PT1M")),
        Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC));
    // full batches of 2, as host.json's 256 for the function app
    function = new TelemetryAggregation(new com.pulse.app.telemetry.DeferredAggregation(
        root.aggregateBatch(windows, deadLetters, export), (p, from, until) -> List.of(),
        new com.pulse.adapter.local.InMemoryPartitionProgressStore(), "telemetry",
        new com.pulse.app.telemetry.DeferralPolicy(2, 100, 1 << 20, java.time.Duration.ofSeconds(10)), root.clock()),
        (batch, result) -> observed.add(result), PulseTracing.noop());
    String t = "2026-11-20T10:00:02Z";

    BatchResult held = invoke(new byte[][] {json("contoso", t, 10, "ok"), json("contoso", t, 20, "ok")},
        new Map[] {system(1, "0", t, "application/json"), system(2, "1", t, "application/json")},
        new Map[] {Map.of(), Map.of()}, new long[] {1, 2}, new String[] {t, t});
    BatchResult written = invoke(new byte[][] {json("contoso", t, 30, "ok")},
        new Map[] {system(3, "2", t, "application/json")}, new Map[] {Map.of()}, new long[] {3}, new String[] {t});

    assertThat(held.deferredEvents()).isEqualTo(2);
    assertThat(held.documentsWritten()).isZero();
    assertThat(written.events()).isEqualTo(3);
    assertThat(written.documentsWritten()).isEqualTo(2);
    assertThat(observed).containsExactly(held, written);
    assertThat(windows.listRange("contoso", "PT1M", Instant.EPOCH, Instant.MAX).get(0).count()).isEqualTo(3);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aggregatesAndDeadLettersWithHostMetadata() {
    byte[][] bodies = {
      json("contoso", "2026-11-20T10:00:01Z", 10, "ok"),
      json("contoso", "2026-11-20T10:00:30Z", 30, "error"),
      "{not json".getBytes(StandardCharsets.UTF_8),
      json("fabrikam", "2026-11-20T10:01:05Z", 5, "ok"),
    };
    Map<String, Object>[] sys = new Map[] {
      system(100, "4096", "2026-11-20T10:00:02Z", "application/json"),
      system(101, "4400", "2026-11-20T10:00:31Z", null),
      system(102, "4700", "2026-11-20T10:00:40Z", "application/json"),
      system(103, "5000", "2026-11-20T10:01:06Z", "application/json; charset=utf-8"),
    };
    Map<String, Object>[] props = new Map[] {Map.of(), Map.of("Content-Type", "application/json"), Map.of("source", "edge"), Map.of()};
    long[] seqs = {100, 101, 102, 103};
    String[] times = {"2026-11-20T10:00:02Z", "2026-11-20T10:00:31Z", "2026-11-20T10:00:40Z", "2026-11-20T10:01:06Z"};

    BatchResult result = invoke(bodies, sys, props, seqs, times);

    assertThat(result.events()).isEqualTo(4);
    assertThat(result.requests()).isEqualTo(3);
    assertThat(result.deadLettered()).isEqualTo(1);
    assertThat(result.documentsWritten()).isEqualTo(4); // contoso minute + hour, fabrikam minute + hour
    assertThat(result.minuteDocumentsWritten()).isEqualTo(2);
    assertThat(result.hourDocumentsWritten()).isEqualTo(2);
    assertThat(observed).containsExactly(result);
    WindowDocument contosoMinute = windows.listRange("contoso", "PT1M", Instant.EPOCH, Instant.MAX).get(0);
    assertThat(contosoMinute.partition()).isEqualTo("7");
    assertThat(contosoMinute.count()).isEqualTo(2);
    assertThat(contosoMinute.errorCount()).isEqualTo(1);
    assertThat(contosoMinute.latencySumMs()).isEqualTo(40.0);
    assertThat(contosoMinute.lastSequenceNumber()).isEqualTo(101);
    assertThat(contosoMinute.windowStart()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));

    DeadLetter dead = deadLetters.list("7", 10).get(0);
    assertThat(dead.id()).isEqualTo("7-102");
    assertThat(dead.offset()).isEqualTo("4700");
    assertThat(dead.sequenceNumber()).isEqualTo(102);
    assertThat(dead.enqueuedTime()).isEqualTo(Instant.parse("2026-11-20T10:00:40Z"));
    assertThat(dead.properties()).containsEntry("source", "edge");
    assertThat(new String(Base64.getDecoder().decode(dead.bodyBase64()), StandardCharsets.UTF_8)).isEqualTo("{not json");
    assertThat(dead.reason()).isNotBlank();
    assertThat(export.windows()).hasSize(4);

    BatchResult again = invoke(bodies, sys, props, seqs, times);
    assertThat(again.documentsWritten()).isZero();
    assertThat(again.documentsSkipped()).isEqualTo(4);
    assertThat(windows.listRange("contoso", "PT1M", Instant.EPOCH, Instant.MAX).get(0).count()).isEqualTo(2);
    assertThat(deadLetters.count()).isEqualTo(1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void fallsBackToSystemPropertiesWhenArraysAreAbsent() {
    byte[][] bodies = {json("contoso", "2026-11-20T10:00:01Z", 10, "ok")};
    Map<String, Object>[] sys = new Map[] {system(5, "0", "2026-11-20T10:00:02.5Z", "application/json")};
    BatchResult result = invoke(bodies, sys, null, null, null);
    assertThat(result.documentsWritten()).isEqualTo(2);
    assertThat(stored.all()).allSatisfy(d -> assertThat(d.lastSequenceNumber()).isEqualTo(5));
  }

  @Test
  @SuppressWarnings("unchecked")
  void storeFailurePropagatesSoTheHostRetries() {
    windows.setFault((op, id) -> {
      throw new DependencyException("cosmos 503", 503, null, null);
    });
    byte[][] bodies = {json("contoso", "2026-11-20T10:00:01Z", 10, "ok")};
    Map<String, Object>[] sys = new Map[] {system(5, "0", "2026-11-20T10:00:02Z", "application/json")};
    assertThatThrownBy(() -> invoke(bodies, sys, null, new long[] {5}, null))
        .isInstanceOf(DependencyException.class);
  }

  @Test
  void missingPartitionIdIsAHostContractViolation() {
    assertThatThrownBy(() -> function.process(new byte[0][], Map.of(), null, null, null, null, context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PartitionId");
  }

  @Test
  void enqueuedTimeAcceptsHostFormats() {
    assertThat(EventHubBindingData.instant("2026-11-20T10:00:02.1234567Z", 0)).isEqualTo(Instant.parse("2026-11-20T10:00:02.1234567Z"));
    assertThat(EventHubBindingData.instant("2026-11-20T10:00:02+00:00", 0)).isEqualTo(Instant.parse("2026-11-20T10:00:02Z"));
    assertThat(EventHubBindingData.instant("2026-11-20T10:00:02", 0)).isEqualTo(Instant.parse("2026-11-20T10:00:02Z"));
    assertThatThrownBy(() -> EventHubBindingData.instant("yesterday", 3)).hasMessageContaining("event 3");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theInvocationSpanContinuesTheProducersTraceAndLinksEveryEvent() {
    String producer = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    String other = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    try (InMemoryTelemetry otel = new InMemoryTelemetry()) {
      TelemetryAggregation traced = new TelemetryAggregation(
          root().telemetryAggregation(windows, deadLetters, export), BatchObserver.NONE, PulseTracing.create(otel.sdk));
      Map<String, Object> partitionContext = Map.of("PartitionId", "7");

      traced.process(new byte[][] {json("contoso", "2026-11-20T10:00:01Z", 10, "ok")}, partitionContext,
          new Map[] {system(1, "0", "2026-11-20T10:00:02Z", "application/json")},
          new Map[] {Map.of("traceparent", producer)}, new long[] {1}, new String[] {"2026-11-20T10:00:02Z"}, context);
      traced.process(new byte[][] {json("contoso", "2026-11-20T10:00:03Z", 10, "ok"), json("contoso", "2026-11-20T10:00:04Z", 10, "ok")},
          partitionContext,
          new Map[] {system(2, "1", "2026-11-20T10:00:05Z", "application/json"), system(3, "2", "2026-11-20T10:00:06Z", "application/json")},
          new Map[] {Map.of("traceparent", producer), Map.of("traceparent", other)}, new long[] {2, 3},
          new String[] {"2026-11-20T10:00:05Z", "2026-11-20T10:00:06Z"}, context);

      List<SpanData> spans = otel.spans.getFinishedSpanItems();
      assertThat(spans).hasSize(2).allSatisfy(span -> {
        assertThat(span.getName()).isEqualTo("TelemetryAggregation");
        assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
      });
      // one event: its producer is the parent
      assertThat(spans.get(0).getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
      assertThat(spans.get(0).getParentSpanId()).isEqualTo("00f067aa0ba902b7");
      // a batch: a new trace linked to every producer
      assertThat(spans.get(1).getParentSpanContext().isValid()).isFalse();
      assertThat(spans.get(1).getLinks()).extracting(link -> link.getSpanContext().getTraceId())
          .containsExactly("4bf92f3577b34da6a3ce929d0e0e4736", "0af7651916cd43dd8448eb211c80319c");
    }
  }

  private static CompositionRoot root() {
    return CompositionRoot.create(PulseConfig.parse(Map.of()), Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC));
  }
}
