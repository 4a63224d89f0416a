package com.pulse.app.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.app.port.DependencyException;
import com.pulse.app.port.MetricExport;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.telemetry.WindowVersion;
import com.pulse.domain.telemetry.aggregate.SampleWindows;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ObservedMetricExportTest {
  private final InMemoryTelemetry otel = new InMemoryTelemetry();
  private final List<Integer> exported = new ArrayList<>();
  private boolean fail;
  private final MetricExport delegate = new MetricExport() {
    @Override
    public void exportPoints(List<MetricPoint> records) {
      if (fail) {
        throw new DependencyException("metrics-out unavailable", 503, null, null);
      }
      exported.add(records.size());
    }

    @Override
    public void exportWindows(List<WindowVersion> records) {
      if (fail) {
        throw new IllegalStateException("rejected");
      }
      exported.add(records.size());
    }
  };
  private final ObservedMetricExport export = new ObservedMetricExport(delegate,
      PulseTelemetry.create(otel.sdk, Clock.systemUTC()), PulseTracing.create(otel.sdk));

  @AfterEach
  void close() {
    otel.close();
  }

  private static MetricPoint record(String id) {
    return MetricPoint.create("order_count", "t1", Map.of("id", id), Instant.parse("2024-05-01T00:00:00Z"),
        Instant.parse("2024-05-02T00:00:00Z"), Map.of("orders", 3.0), "count", Instant.parse("2024-05-02T00:05:00Z"), "run-1");
  }

  @Test
  void eachExportCallIsAProducerSpanWithTableAndRecordCount() {
    export.exportPoints(List.of(record("a"), record("b")));
    export.exportPoints(List.of());

    assertThat(exported).containsExactly(2, 0);
    List<SpanData> spans = otel.spans.getFinishedSpanItems();
    assertThat(spans).singleElement().satisfies(span -> {
      assertThat(span.getName()).isEqualTo("export MetricPoints");
      assertThat(span.getAttributes().get(AttributeKey.longKey("pulse.export.records"))).isEqualTo(2L);
    });
    assertThat(otel.collect()).doesNotContainKey("pulse.export.failures");
  }

  @Test
  void failuresAreCountedPerTableAndRethrownUnchanged() {
    fail = true;
    assertThatThrownBy(() -> export.exportPoints(List.of(record("a")))).isInstanceOf(DependencyException.class);
    assertThatThrownBy(() -> export.exportPoints(List.of(record("b")))).isInstanceOf(DependencyException.class);
    assertThatThrownBy(() -> export.exportWindows(List.of(SampleWindows.version("t1", "0"))))
        .isInstanceOf(IllegalStateException.class);

    var failures = otel.collect().get("pulse.export.failures").getLongSumData().getPoints();
    assertThat(failures).extracting(LongPointData::getAttributes, LongPointData::getValue).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(Attributes.of(AttributeKey.stringKey("table"), "MetricPoints"), 2L),
        org.assertj.core.groups.Tuple.tuple(Attributes.of(AttributeKey.stringKey("table"), "TelemetryWindows"), 1L));
    assertThat(otel.spans.getFinishedSpanItems()).hasSize(3)
        .allSatisfy(span -> assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));
  }

  @Test
  void metricWindowsAreObservedWhenTheWrappedExportTakesThemAndRefusedLoudlyOtherwise() {
    List<Integer> metricWindows = new ArrayList<>();
    class Both implements MetricExport, com.pulse.app.port.MetricWindowExport {
      @Override
      public void exportPoints(List<MetricPoint> records) {}

      @Override
      public void exportWindows(List<WindowVersion> records) {}

      @Override
      public void exportMetricWindows(List<com.pulse.domain.telemetry.metric.MetricWindowVersion> versions) {
        metricWindows.add(versions.size());
      }
    }
    ObservedMetricExport observed = new ObservedMetricExport(new Both(), PulseTelemetry.create(otel.sdk, Clock.systemUTC()),
        PulseTracing.create(otel.sdk));
    observed.exportMetricWindows(List.of());
    assertThat(metricWindows).containsExactly(0);

    assertThatThrownBy(() -> export.exportMetricWindows(List.of()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot export metric windows");
  }
}
