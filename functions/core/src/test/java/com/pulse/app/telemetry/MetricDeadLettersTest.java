package com.pulse.app.telemetry;

import static com.pulse.testing.OtlpMetricRequests.event;
import static com.pulse.testing.OtlpMetricRequests.gauge;
import static com.pulse.testing.OtlpMetricRequests.json;
import static com.pulse.testing.OtlpMetricRequests.point;
import static com.pulse.testing.OtlpMetricRequests.protobuf;
import static com.pulse.testing.OtlpMetricRequests.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.domain.telemetry.DeadLetter;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the metrics hub dead-letters, with which reason, and what it counts instead. */
class MetricDeadLettersTest {
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:30Z");
  private static final long T = NOW.getEpochSecond() * 1_000_000_000L;

  private final MetricFixtures f = new MetricFixtures();

  private String reasonOf(byte[] body, String contentType) {
    MetricBatchResult r = f.handle("0", List.of(event(1, NOW, body, contentType)));
    assertThat(r.deadLettered()).isEqualTo(1);
    assertThat(f.store.allWindows()).isEmpty();
    List<DeadLetter> dead = f.dead.list(null, 10);
    return dead.get(0).reason();
  }

  private static MetricData gaugeOf(String tenant, String name, double value) {
    return gauge(resource("checkout", tenant), name, "1", point(0, T, Attributes.empty(), value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"protobuf", "json"})
  void aResourceWithoutTenantIsUnattributable(String encoding) {
    List<MetricData> m = List.of(gaugeOf(null, "cpu", 1));
    byte[] body = encoding.equals("json") ? json(m) : protobuf(m);
    assertThat(reasonOf(body, null)).contains("unattributable: resourceMetrics[0] has no resource attribute tenant.id");
  }

  @Test
  void anInvalidTenantIsUnattributable() {
    assertThat(reasonOf(protobuf(List.of(gaugeOf("a b", "cpu", 1))), "application/x-protobuf"))
        .startsWith("unattributable: tenant id \"a b\" does not match");
  }

  @Test
  void aTracesRequestOnTheMetricsHubIsNamed() {
    byte[] traces = "{\"resourceSpans\":[]}".getBytes(StandardCharsets.UTF_8);
    assertThat(reasonOf(traces, "application/json")).contains("OTLP/JSON traces request on the metrics hub");
  }

  @Test
  void truncatedProtobufIsMalformedAndNothingOfItIsKept() {
    byte[] body = protobuf(List.of(gaugeOf("contoso", "cpu", 1), gaugeOf("contoso", "mem", 2)));
    assertThat(reasonOf(Arrays.copyOf(body, body.length - 3), "application/x-protobuf")).startsWith("malformed OTLP protobuf");
  }

  @Test
  void emptyAndUnsupportedBodiesHaveReasons() {
    assertThat(reasonOf(new byte[0], null)).isEqualTo("empty body");
    assertThat(reasonOf(new byte[] {'{', '}'}, "application/json")).startsWith("no records");
    assertThat(reasonOf(new byte[] {1}, "text/plain")).startsWith("unsupported content-type 'text/plain'");
  }

  @Test
  void anOverlongMetricNameIsRejected() {
    assertThat(reasonOf(protobuf(List.of(gaugeOf("contoso", "m".repeat(300), 1))), null))
        .contains("metric name is longer than 256 characters");
  }

  @Test
  void absurdValuesAndTimesAreCountedNotAggregated() {
    List<MetricData> m = List.of(gaugeOf("contoso", "cpu", 1e300), gaugeOf("contoso", "mem", Double.NaN),
        gauge(resource("checkout", "contoso"), "future", "1", point(0, T + 7_200_000_000_000L, Attributes.empty(), 1)),
        gaugeOf("contoso", "ok", 1));
    MetricBatchResult r = f.handle("0", List.of(event(1, NOW, protobuf(m), null)));

    assertThat(r.deadLettered()).isZero();
    assertThat(r.outOfRange()).isEqualTo(3);
    assertThat(r.aggregated()).isEqualTo(1);
    assertThat(f.store.allWindows()).allSatisfy(d -> assertThat(d.series()).extracting(s -> s.metric()).containsExactly("ok"));
  }
}
