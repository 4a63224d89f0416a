package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.microsoft.azure.functions.ExecutionContext;
import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryLogWindowStore;
import com.pulse.adapter.local.InMemoryWindowExport;
import com.pulse.app.observability.InMemoryTelemetry;
import com.pulse.app.observability.LogBatchTelemetry;
import com.pulse.app.observability.PulseTracing;
import com.pulse.app.telemetry.LogBatchResult;
import com.pulse.config.PulseConfig;
import com.pulse.domain.telemetry.DeadLetter;
import com.pulse.domain.telemetry.log.LogSeries;
import com.pulse.domain.telemetry.log.LogTemplateCount;
import com.pulse.domain.telemetry.log.LogWindowDocument;
import com.pulse.domain.telemetry.log.OtlpLogs;
import io.opentelemetry.api.logs.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls {@link LogAggregation} with binding data shaped as the Java worker delivers an Event Hubs batch
 * (Gson maps: numbers as {@code Double}, times as ISO strings, no content type for the Collector's
 * kafka exporter) and bodies written by the OpenTelemetry Java SDK's OTLP marshaler, and asserts the
 * exact log windows.
 */
class LogAggregationTest {
  private static final Instant T = Instant.parse("2026-11-21T09:30:12Z");
  private static final long T_NANOS = T.toEpochMilli() * 1_000_000L;
  private final InMemoryLogWindowStore windows = new InMemoryLogWindowStore();
  private final InMemoryDeadLetterStore deadLetters = new InMemoryDeadLetterStore();
  private final InMemoryWindowExport export = new InMemoryWindowExport();
  private final ExecutionContext context = mock(ExecutionContext.class);
  private LogAggregation function;

  @BeforeEach
  void setUp() {
    when(context.getLogger()).thenReturn(Logger.getLogger("test"));
    when(context.getInvocationId()).thenReturn("inv-1");
    CompositionRoot root = CompositionRoot.create(PulseConfig.parse(Map.of("TELEMETRY_ALLOWED_LATENESS", "PT1M")),
        Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
    function = new LogAggregation(root.logAggregation(windows, deadLetters, export),
        new LogBatchTelemetry(com.pulse.app.observability.PulseTelemetry.create(new InMemoryTelemetry().sdk, Clock.systemUTC())), PulseTracing.noop());
  }

  private static Map<String, Object> system(long seq, String contentType) {
    return EventHubSystemProperties.of(seq, Long.toString(seq * 100), T.plusSeconds(2).toString(), contentType);
  }

  private LogBatchResult invoke(byte[][] bodies, String... contentTypes) {
    return invokeFrom(40, bodies, contentTypes);
  }

  @SuppressWarnings("unchecked")
  private LogBatchResult invokeFrom(long firstSequenceNumber, byte[][] bodies, String... contentTypes) {
    Map<String, Object>[] sys = new Map[bodies.length];
    Map<String, Object>[] props = new Map[bodies.length];
    for (int i = 0; i < bodies.length; i++) {
      sys[i] = system(firstSequenceNumber + i, contentTypes[i]);
      props[i] = Map.of();
    }
    Map<String, Object> partitionContext = Map.of("PartitionId", "1", "ConsumerGroup", "pulse",
        "EventHubName", "otlp_logs", "FullyQualifiedNamespace", "pulse.servicebus.windows.net");
    return function.process(bodies, partitionContext, sys, props, null, null, context);
  }

  @Test
  void kafkaExporterBodiesWithoutContentTypeBecomeExactLogWindows() {
    var checkout = OtlpLogs.resource("checkout", "contoso");
    byte[] proto = new OtlpLogs().log(checkout, Severity.ERROR, "payment 42 declined", T_NANOS)
        .log(checkout, Severity.INFO, "ok", T_NANOS).protobuf();
    byte[] json = new OtlpLogs().log(checkout, Severity.ERROR2, "payment 7 declined", T_NANOS)
        .log(checkout, Severity.FATAL, "disk full", T_NANOS).json();

    LogBatchResult result = invoke(new byte[][] {proto, json}, null, null);

    assertThat(result.records()).isEqualTo(4);
    assertThat(result.deadLettered()).isZero();
    LogWindowDocument minute = windows.all().stream().filter(d -> d.granularity().equals("PT1M")).findFirst().orElseThrow();
    assertThat(minute.windowStart()).isEqualTo(Instant.parse("2026-11-21T09:30:00Z"));
    assertThat(minute.partition()).isEqualTo("1");
    assertThat(minute.lastSequenceNumber()).isEqualTo(41);
    assertThat(minute.series()).containsExactly(
        new LogSeries("checkout", "INFO", 1, List.of(), 0),
        new LogSeries("checkout", "ERROR", 2, List.of(new LogTemplateCount("payment <num> declined", 2)), 0),
        new LogSeries("checkout", "FATAL", 1, List.of(new LogTemplateCount("disk full", 1)), 0));
    assertThat(export.logWindows()).hasSize(2);
  }

  @Test
  void underABacklogFullBatchesAreHeldAndWrittenWithTheFirstBatchThatIsNotFull() {
    CompositionRoot root = CompositionRoot.create(PulseConfig.parse(Map.of()),
        Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
    // full batches of 2, as host.json's 256 for the function app
    function = new LogAggregation(new com.pulse.app.telemetry.DeferredLogAggregation(
        root.aggregateLogBatch(windows, deadLetters, export), (p, from, until) -> List.of(),
        new com.pulse.adapter.local.InMemoryPartitionProgressStore(), "logs",
        new com.pulse.app.telemetry.DeferralPolicy(2, 100, 1 << 20, java.time.Duration.ofSeconds(10)), root.clock()),
        new LogBatchTelemetry(com.pulse.app.observability.PulseTelemetry.create(new InMemoryTelemetry().sdk, Clock.systemUTC())),
        PulseTracing.noop());
    var checkout = OtlpLogs.resource("checkout", "contoso");
    byte[] body = new OtlpLogs().log(checkout, Severity.INFO, "ok", T_NANOS).protobuf();

    LogBatchResult held = invokeFrom(40, new byte[][] {body, body}, null, null);
    LogBatchResult written = invokeFrom(42, new byte[][] {body}, (String) null);

    assertThat(held.deferredEvents()).isEqualTo(2);
    assertThat(held.documentsWritten()).isZero();
    assertThat(written.events()).isEqualTo(3);
    assertThat(written.records()).isEqualTo(3);
    assertThat(windows.all().stream().filter(d -> d.granularity().equals("PT1M")).findFirst().orElseThrow().count())
        .isEqualTo(3);
  }

  @Test
  void aTracesBodyOnTheLogsHubIsDeadLetteredNamingTheTracesHub() {
    byte[] traces = "{\"resourceSpans\":[]}".getBytes(StandardCharsets.UTF_8);

    LogBatchResult result = invoke(new byte[][] {traces}, "application/json");

    assertThat(result.deadLettered()).isEqualTo(1);
    DeadLetter letter = deadLetters.list(null, 10).get(0);
    assertThat(letter.id()).isEqualTo("logs-1-40");
    assertThat(letter.reason()).contains("it belongs on the traces hub (TELEMETRY_HUB_NAME)");
  }
}
