package com.pulse.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PulseTelemetryTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private final InMemoryTelemetry otel = new InMemoryTelemetry();
  private final PulseTelemetry telemetry = PulseTelemetry.create(otel.sdk, Clock.fixed(NOW, ZoneOffset.UTC));

  @AfterEach
  void close() {
    otel.close();
  }

  private static Attributes attrs(String... keyValues) {
    var builder = Attributes.builder();
    for (int i = 0; i < keyValues.length; i += 2) {
      builder.put(AttributeKey.stringKey(keyValues[i]), keyValues[i + 1]);
    }
    return builder.build();
  }

  private static long longSum(Map<String, MetricData> collected, String name, Attributes attributes) {
    return collected.get(name).getLongSumData().getPoints().stream()
        .filter(p -> p.getAttributes().equals(attributes)).mapToLong(LongPointData::getValue).sum();
  }

  @Test
  void countersCarryTheContractNamesUnitsAndAttributes() {
    telemetry.events("3", EventOutcome.AGGREGATED, 10);
    telemetry.events("3", EventOutcome.DUPLICATE, 2);
    telemetry.events("3", EventOutcome.AGGREGATED, 5);
    telemetry.events("4", EventOutcome.DEADLETTERED, 1);
    telemetry.windowsWritten("PT1M", 7);
    telemetry.deadLettered("4", 1);
    telemetry.metricRun("churn_rate", true);
    telemetry.metricRun("churn_rate", false);
    telemetry.exportFailed("MetricPoints");

    Map<String, MetricData> collected = otel.collect();
    assertThat(longSum(collected, "pulse.telemetry.events", attrs("partition", "3", "outcome", "aggregated"))).isEqualTo(15);
    assertThat(longSum(collected, "pulse.telemetry.events", attrs("partition", "3", "outcome", "duplicate"))).isEqualTo(2);
    assertThat(longSum(collected, "pulse.telemetry.events", attrs("partition", "4", "outcome", "deadlettered"))).isEqualTo(1);
    assertThat(longSum(collected, "pulse.windows.written", attrs("granularity", "PT1M"))).isEqualTo(7);
    assertThat(longSum(collected, "pulse.deadletter.count", attrs("partition", "4"))).isEqualTo(1);
    assertThat(longSum(collected, "pulse.metric.runs", attrs("metric", "churn_rate", "status", "ok"))).isEqualTo(1);
    assertThat(longSum(collected, "pulse.metric.runs", attrs("metric", "churn_rate", "status", "failed"))).isEqualTo(1);
    assertThat(longSum(collected, "pulse.export.failures", attrs("table", "MetricPoints"))).isEqualTo(1);
    assertThat(collected.get("pulse.telemetry.events").getUnit()).isEqualTo("{event}");
  }

  @Test
  void eventLagIsNowMinusEnqueuedTimeInMilliseconds() {
    telemetry.eventLag("0", NOW.minusMillis(1_500));
    telemetry.eventLag("0", NOW.minusMillis(500));
    telemetry.eventLag("0", NOW.plusMillis(200)); // clock skew: recorded as 0

    MetricData data = otel.collect().get("pulse.telemetry.event_lag");
    assertThat(data.getUnit()).isEqualTo("ms");
    HistogramPointData point = data.getHistogramData().getPoints().iterator().next();
    assertThat(point.getAttributes()).isEqualTo(attrs("partition", "0"));
    assertThat(point.getCount()).isEqualTo(3);
    assertThat(point.getSum()).isEqualTo(2_000.0);
    assertThat(point.getMax()).isEqualTo(1_500.0);
    assertThat(point.getMin()).isEqualTo(0.0);
  }

  @Test
  void queryDurationHasMetricAndOutcome() {
    telemetry.metricQueryDuration("orders", true, 120.0);
    telemetry.metricQueryDuration("orders", false, 30_000.0);

    MetricData data = otel.collect().get("pulse.metric.query_duration");
    assertThat(data.getUnit()).isEqualTo("ms");
    assertThat(data.getHistogramData().getPoints())
        .extracting(p -> p.getAttributes().get(AttributeKey.stringKey("outcome")), HistogramPointData::getSum)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ok", 120.0),
            org.assertj.core.groups.Tuple.tuple("failed", 30_000.0));
  }

  @Test
  void freshnessGaugeReportsSecondsSinceTheNewestCompletedWindowEnd() {
    telemetry.metricCompleted("orders", NOW.minusSeconds(3_600));
    telemetry.metricCompleted("orders", NOW.minusSeconds(7_200)); // older: ignored
    telemetry.metricCompleted("churn_rate", NOW.minusSeconds(90));

    MetricData data = otel.collect().get("pulse.metric.freshness");
    assertThat(data.getUnit()).isEqualTo("s");
    assertThat(data.getDoubleGaugeData().getPoints())
        .extracting(p -> p.getAttributes().get(AttributeKey.stringKey("metric")), DoublePointData::getValue)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("orders", 3_600.0),
            org.assertj.core.groups.Tuple.tuple("churn_rate", 90.0));
  }

  @Test
  void noopRecordsNothingAndDoesNotFail() {
    PulseTelemetry noop = PulseTelemetry.noop();
    noop.events("0", EventOutcome.LATE, 1);
    noop.metricCompleted("orders", NOW);
    assertThat(otel.collect()).isEmpty();
  }
}
