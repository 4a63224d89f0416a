package com.pulse.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.app.telemetry.BatchResult;
import com.pulse.app.telemetry.TelemetryBatch;
import com.pulse.app.telemetry.TelemetryEvent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchTelemetryTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:01:00Z");
  private final InMemoryTelemetry otel = new InMemoryTelemetry();
  private final BatchTelemetry observer =
      new BatchTelemetry(PulseTelemetry.create(otel.sdk, Clock.fixed(NOW, ZoneOffset.UTC)));

  @AfterEach
  void close() {
    otel.close();
  }

  private static TelemetryEvent event(long sequenceNumber, Instant enqueued) {
    return new TelemetryEvent(new byte[0], sequenceNumber, "0", enqueued, "application/json", Map.of());
  }

  private static long sum(Map<String, MetricData> collected, String name, String key, String value, String key2,
      String value2) {
    Attributes attributes = key2 == null ? Attributes.of(AttributeKey.stringKey(key), value)
        : Attributes.of(AttributeKey.stringKey(key), value, AttributeKey.stringKey(key2), value2);
    return collected.get(name).getLongSumData().getPoints().stream()
        .filter(p -> p.getAttributes().equals(attributes)).mapToLong(LongPointData::getValue).sum();
  }

  @Test
  void reportsEventsByOutcomeLagWindowsPerGranularityAndDeadLetters() {
    TelemetryBatch batch = new TelemetryBatch("3", List.of(
        event(10, NOW.minusSeconds(2)), event(11, NOW.minusSeconds(1)), event(12, NOW)));
    observer.observed(batch, new BatchResult(3, 5, 1, 4, 4, 2, 9, 0, 0, 2, 1, 7, 0, 0, 0, 0, 0));

    Map<String, MetricData> collected = otel.collect();
    assertThat(sum(collected, "pulse.telemetry.events", "partition", "3", "outcome", "aggregated")).isEqualTo(2);
    assertThat(sum(collected, "pulse.telemetry.events", "partition", "3", "outcome", "deadlettered")).isEqualTo(1);
    assertThat(sum(collected, "pulse.telemetry.events", "partition", "3", "outcome", "late")).isEqualTo(2);
    assertThat(sum(collected, "pulse.telemetry.events", "partition", "3", "outcome", "duplicate")).isEqualTo(1);
    assertThat(sum(collected, "pulse.telemetry.events", "partition", "3", "outcome", "expired")).isEqualTo(4);
    assertThat(sum(collected, "pulse.telemetry.events", "partition", "3", "outcome", "out_of_range")).isEqualTo(7);
    assertThat(sum(collected, "pulse.deadletter.count", "partition", "3", null, null)).isEqualTo(1);
    assertThat(sum(collected, "pulse.windows.written", "granularity", "PT1M", null, null)).isEqualTo(4);
    assertThat(sum(collected, "pulse.windows.written", "granularity", "PT1H", null, null)).isEqualTo(2);
    HistogramPointData lag = collected.get("pulse.telemetry.event_lag").getHistogramData().getPoints().iterator().next();
    assertThat(lag.getCount()).isEqualTo(3);
    assertThat(lag.getSum()).isEqualTo(3_000.0);
    assertThat(lag.getMax()).isEqualTo(2_000.0);
  }
}
