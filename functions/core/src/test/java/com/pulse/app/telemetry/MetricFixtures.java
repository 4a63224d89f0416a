package com.pulse.app.telemetry;

import com.pulse.adapter.local.InMemoryDeadLetterStore;
import com.pulse.adapter.local.InMemoryMetricWindowStore;
import com.pulse.app.port.MetricWindowExport;
import com.pulse.domain.telemetry.aggregate.LatenessPolicy;
import com.pulse.domain.telemetry.metric.MetricDimensions;
import com.pulse.domain.telemetry.metric.MetricSeries;
import com.pulse.domain.telemetry.metric.MetricWindowDocument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A metric use case over in-memory stores, and look-ups into its documents. */
final class MetricFixtures {
  static final LatenessPolicy POLICY = LatenessPolicy.of(Duration.ofMinutes(2));
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);

  final InMemoryMetricWindowStore store = new InMemoryMetricWindowStore();
  final InMemoryDeadLetterStore dead = new InMemoryDeadLetterStore();
  final AggregateMetricBatch useCase;

  MetricFixtures() {
    this(MetricWindowExport.NONE);
  }

  MetricFixtures(MetricWindowExport export) {
    useCase = new AggregateMetricBatch(MetricDimensions.DEFAULT, store, dead, export, POLICY, CLOCK);
  }

  MetricBatchResult handle(String partition, List<TelemetryEvent> events) {
    return useCase.handle(new TelemetryBatch(partition, events));
  }

  /** The series of {@code metric} with exactly {@code attributes} in the window of that granularity and start. */
  Optional<MetricSeries> series(String granularity, String windowStart, String metric, Map<String, String> attributes) {
    return store.allWindows().stream()
        .filter(d -> d.granularity().equals(granularity) && d.windowStart().equals(Instant.parse(windowStart)))
        .flatMap(d -> d.series().stream())
        .filter(s -> s.metric().equals(metric) && s.attributes().equals(attributes))
        .findFirst();
  }

  MetricSeries minute(String windowStart, String metric, Map<String, String> attributes) {
    return series("PT1M", windowStart, metric, attributes)
        .orElseThrow(() -> new AssertionError("no " + metric + " " + attributes + " in minute " + windowStart + ": "
            + store.allWindows().stream().map(MetricWindowDocument::series).toList()));
  }
}
