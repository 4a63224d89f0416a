package com.pulse.app.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryMetricStore;
import com.pulse.app.api.HealthCheck;
import com.pulse.app.observability.LogBatchTelemetry;
import com.pulse.app.observability.MetricBatchTelemetry;
import com.pulse.app.observability.PulseTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The counters {@code GET /api/health} shows, for each of the three hubs, fed by the batch observers. */
class IngestCountersTest {
  private final IngestCounters counters = new IngestCounters();
  private final PulseTelemetry telemetry = PulseTelemetry.create(OpenTelemetry.noop(), Clock.systemUTC());
  private final TelemetryBatch batch = new TelemetryBatch("3", List.of());

  @Test
  void logsAndMetricsHubBatchesAddUpInTheHealthReport() {
    LogBatchTelemetry logs = new LogBatchTelemetry(telemetry, counters);
    MetricBatchTelemetry metrics = new MetricBatchTelemetry(telemetry, counters);

    logs.observed(batch, new LogBatchResult(10, 120, 1, 2, 3, 4, 5, 6, 0, 0, List.of(), 0, 0, 0));
    logs.observed(batch, new LogBatchResult(5, 30, 0, 0, 1, 0, 0, 2, 0, 0, List.of(), 0, 4, 1));
    logs.observed(batch, LogBatchResult.deferred(256));
    MetricBatchResult metricBatch = new MetricBatchResult(8, 100, 91, 2, 1, 3, 2, 1, 1, 1, 7, 4, 5, 1, 3, 2, 0, 1, 0, 0, 0, 0)
        .withRecovery(6, 2);
    assertThat(metricBatch.points()).isEqualTo(metricBatch.aggregated() + metricBatch.notAggregated());
    metrics.observed(batch, metricBatch);
    metrics.observed(batch, MetricBatchResult.deferred(512));

    IngestCounters.LogSnapshot l = counters.logSnapshot();
    assertThat(l).isEqualTo(new IngestCounters.LogSnapshot(15, 150, 1, 4, 5, 2, 4, 256, 4, 1));
    IngestCounters.MetricSnapshot m = counters.metricSnapshot();
    assertThat(m).as("duplicate = window-document duplicates + cumulative duplicates")
        .isEqualTo(new IngestCounters.MetricSnapshot(8, 100, 91, 2, 7, 4 + 1, 1, 3, 2, 1, 1, 5, 1, 512, 6, 2));

    HealthCheck.Report report = new HealthCheck(new InMemoryMetricStore(), new InMemoryDeadLetterStore(), List::of,
        Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC), counters).check();
    assertThat(report.logs()).isEqualTo(l);
    assertThat(report.metrics()).isEqualTo(m);
    assertThat(report.telemetry().events()).as("the traces hub's counters stay apart").isZero();
  }

  @Test
  void heldEventsCountWhenHeldAndAgainWhenWritten() {
    counters.observed(batch, BatchResult.deferred(256));
    counters.observed(batch, BatchResult.deferred(256));
    BatchResult written = new BatchResult(600, 600, 0, 0, 2, 0, 40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).withRecovery(88, 3);
    counters.observed(batch, written);

    IngestCounters.Snapshot t = counters.snapshot();
    assertThat(t.held()).isEqualTo(512);
    assertThat(t.events()).as("held events count in events when written").isEqualTo(600);
    assertThat(t.recovered()).isEqualTo(88);
    assertThat(t.unrecoverable()).isEqualTo(3);
  }
}
