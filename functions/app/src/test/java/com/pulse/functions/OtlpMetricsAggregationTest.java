package com.pulse.functions;

import static com.pulse.testing.OtlpMetricRequests.gauge;
import static com.pulse.testing.OtlpMetricRequests.point;
import static com.pulse.testing.OtlpMetricRequests.resource;
import static com.pulse.testing.OtlpMetricRequests.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.microsoft.azure.functions.ExecutionContext;
import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryMetricWindowStore;
import com.pulse.app.observability.MetricBatchTelemetry;
import com.pulse.app.observability.PulseTelemetry;
import com.pulse.app.observability.PulseTracing;
import com.pulse.app.telemetry.MetricBatchResult;
import com.pulse.config.PulseConfig;
import com.pulse.domain.telemetry.metric.MetricSeries;
import com.pulse.domain.telemetry.metric.MetricWindowDocument;
import com.pulse.domain.telemetry.metric.MetricWindowVersion;
import com.pulse.testing.OtlpMetricRequests;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls {@link OtlpMetricsAggregation} with binding data shaped as the Java worker delivers an Event
 * Hubs batch of the metrics hub written by the Collector's kafka exporter (no content type; numbers
 * from the worker's Gson as {@code Double}) and by an SDK exporter (with content type), with OTLP
 * bodies made by the OpenTelemetry SDK's marshaler.
 */
class OtlpMetricsAggregationTest {
  private static final long S = 1_000_000_000L;
  private static final long T0 = Instant.parse("2026-11-20T10:00:00Z").getEpochSecond() * S;

  private final InMemoryMetricWindowStore store = new InMemoryMetricWindowStore();
  private final InMemoryDeadLetterStore deadLetters = new InMemoryDeadLetterStore();
  private final List<MetricWindowVersion> exported = new ArrayList<>();
  private final ExecutionContext context = mock(ExecutionContext.class);
  private OtlpMetricsAggregation function;

  @BeforeEach
  void setUp() {
    when(context.getLogger()).thenReturn(Logger.getLogger("test"));
    when(context.getInvocationId()).thenReturn("inv-1");
    CompositionRoot root = CompositionRoot.create(
        PulseConfig.parse(Map.of("TELEMETRY_ALLOWED_LATENESS", "PT1M", "OTLP_METRIC_DIMENSIONS", "http.route")),
        Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC));
    function = new OtlpMetricsAggregation(root.metricAggregation(store, deadLetters, exported::addAll),
        new MetricBatchTelemetry(PulseTelemetry.noop()), PulseTracing.noop());
  }

  private static Map<String, Object> system(long seq, String enqueued, String contentType) {
    return EventHubSystemProperties.of(seq, Long.toString(seq * 512), enqueued, contentType);
  }

  @SuppressWarnings("unchecked")
  private MetricBatchResult invoke(byte[][] bodies, String[] contentTypes, long firstSeq) {
    Map<String, Object>[] sys = new Map[bodies.length];
    Map<String, Object>[] props = new Map[bodies.length];
    String[] times = new String[bodies.length];
    for (int i = 0; i < bodies.length; i++) {
      times[i] = Instant.ofEpochSecond(T0 / S + 31 + 60L * i).toString();
      sys[i] = system(firstSeq + i, times[i], contentTypes[i]);
      props[i] = Map.of();
    }
    Map<String, Object> partitionContext = Map.of("PartitionId", "5", "ConsumerGroup", "pulse", "EventHubName", "otlp_metrics");
    return function.process(bodies, partitionContext, sys, props, null, times, context);
  }

  private static List<MetricData> export(long timeNanos, double total, double depth) {
    Attributes pay = Attributes.builder().put("http.route", "/pay").put("http.request.method", "POST").build();
    return List.of(
        sum(resource("checkout", "contoso"), "http.server.requests", "{request}", true, true, point(T0, timeNanos, pay, total)),
        gauge(resource("checkout", "contoso"), "queue.depth", "1", point(0, timeNanos, Attributes.empty(), depth)));
  }

  @Test
  void aggregatesKafkaExporterAndSdkEventsAndSkipsRedelivery() {
    byte[][] bodies = {
      OtlpMetricRequests.protobuf(export(T0 + 30 * S, 10, 4)),   // kafka exporter, otlp_proto: no content type
      OtlpMetricRequests.json(export(T0 + 90 * S, 25, 6)),       // kafka exporter, otlp_json: no content type
      "{\"resourceMetrics\":[{\"resource\":{}".getBytes(StandardCharsets.UTF_8),
      OtlpMetricRequests.protobuf(export(T0 + 150 * S, 27, 1)),  // SDK exporter with content type
    };
    String[] contentTypes = {null, null, "application/json", "application/x-protobuf"};

    MetricBatchResult r = invoke(bodies, contentTypes, 40);

    assertThat(r.events()).isEqualTo(4);
    assertThat(r.deadLettered()).isEqualTo(1);
    assertThat(deadLetters.list("metrics-5", 10).get(0).reason()).startsWith("malformed JSON");
    assertThat(r.points()).isEqualTo(6).isEqualTo(r.aggregated() + r.notAggregated());
    MetricWindowDocument hour = store.allWindows().stream().filter(d -> d.granularity().equals("PT1H")).findFirst().orElseThrow();
    assertThat(hour.partition()).isEqualTo("5");
    assertThat(hour.lastSequenceNumber()).isEqualTo(43);
    MetricSeries requests = hour.series().stream().filter(s -> s.metric().equals("http.server.requests")).findFirst().orElseThrow();
    assertThat(requests.attributes()).isEqualTo(Map.of("http.route", "/pay"));
    assertThat(requests.increase()).isEqualTo(27);
    MetricSeries depth = hour.series().stream().filter(s -> s.metric().equals("queue.depth")).findFirst().orElseThrow();
    assertThat(depth.last()).isEqualTo(1.0);
    assertThat(depth.max()).isEqualTo(6.0);
    assertThat(exported).hasSize(r.documentsWritten());

    MetricBatchResult again = invoke(bodies, contentTypes, 40);
    assertThat(again.documentsWritten()).isZero();
    assertThat(again.documentsSkipped()).isEqualTo(r.documentsWritten());
    assertThat(again.streamDocumentsWritten()).isZero();
    assertThat(store.allWindows().stream().filter(d -> d.granularity().equals("PT1H")).findFirst().orElseThrow().series())
        .filteredOn(s -> s.metric().equals("http.server.requests")).singleElement()
        .satisfies(s -> assertThat(s.increase()).isEqualTo(27));
  }

  @Test
  void underABacklogFullBatchesAreHeldAndTheirCumulativePointsWrittenTogether() {
    CompositionRoot root = CompositionRoot.create(
        PulseConfig.parse(Map.of("TELEMETRY_ALLOWED_LATENESS", "PT1M", "OTLP_METRIC_DIMENSIONS", "http.route")),
        Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC));
    // full batches of 2, as host.json's 256 for the function app
    function = new OtlpMetricsAggregation(new com.pulse.app.telemetry.DeferredMetricAggregation(
        root.aggregateMetricBatch(store, deadLetters, exported::addAll), (p, from, until) -> List.of(),
        new com.pulse.adapter.local.InMemoryPartitionProgressStore(), "metrics",
        new com.pulse.app.telemetry.DeferralPolicy(2, 100, 1 << 20, java.time.Duration.ofSeconds(10)), root.clock()),
        new MetricBatchTelemetry(PulseTelemetry.noop()), PulseTracing.noop());
    byte[][] full = {
      OtlpMetricRequests.protobuf(export(T0 + 30 * S, 10, 4)),
      OtlpMetricRequests.protobuf(export(T0 + 90 * S, 25, 6)),
    };

    MetricBatchResult held = invoke(full, new String[] {null, null}, 40);
    assertThat(store.allStreams()).as("nothing written while held").isEmpty();
    assertThat(store.allWindows()).isEmpty();
    MetricBatchResult written = invoke(new byte[][] {OtlpMetricRequests.protobuf(export(T0 + 150 * S, 27, 1))},
        new String[] {null}, 42);

    assertThat(held.deferredEvents()).isEqualTo(2);
    assertThat(held.documentsWritten()).isZero();
    assertThat(written.events()).isEqualTo(3);
    assertThat(written.points()).isEqualTo(6).isEqualTo(written.aggregated() + written.notAggregated());
    assertThat(written.streamDocumentsWritten()).as("one stream-state write for the three invocations").isEqualTo(1);
    assertThat(store.allStreams()).singleElement().satisfies(d -> assertThat(d.lastSequenceNumber()).isEqualTo(42));
    assertThat(store.allWindows().stream().filter(d -> d.granularity().equals("PT1H")).findFirst().orElseThrow().series())
        .filteredOn(s -> s.metric().equals("http.server.requests")).singleElement()
        .satisfies(s -> assertThat(s.increase()).isEqualTo(27));
  }
}
