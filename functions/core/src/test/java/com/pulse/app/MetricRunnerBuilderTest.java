package com.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.adapter.local.InMemoryMetricStore;
import com.pulse.app.port.QueryResult;
import com.pulse.app.port.Warehouse;
import com.pulse.domain.catalog.Catalog;
import com.pulse.domain.catalog.CatalogLoader;
import com.pulse.domain.metric.JobState;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each setting of {@link MetricRunnerBuilder} is checked when it is set, naming the argument. */
class MetricRunnerBuilderTest {
  private static final Catalog CATALOG = CatalogLoader.parse("b.yaml", new StringReader("""
      metrics:
        - name: n
          title: N
          description: A constant.
          unit: count
          window: PT1H
          schedule: "0 5 * * * *"
          sql: SELECT 't' AS tenant_id, 1 AS n WHERE :window_start < :window_end
      """));
  private static final Warehouse WAREHOUSE = new Warehouse() {
    @Override
    public com.pulse.domain.catalog.SqlDialect dialect() {
      return com.pulse.domain.catalog.SqlDialect.DUCKDB;
    }

    @Override
    public QueryResult prepare(String sql) {
      return query(sql, null);
    }

    @Override
    public QueryResult query(String sql, com.pulse.domain.window.Window window) {
      return new QueryResult(List.of("tenant_id", "n"), Set.of("n"), List.<Object[]>of(new Object[] {"t", 1}), 0);
    }
  };
  private final InMemoryMetricStore store = new InMemoryMetricStore();

  private MetricRunnerBuilder builder() {
    return MetricRunner.builder(CATALOG, WAREHOUSE, store, new RecordingExport());
  }

  @Test
  void requiredPortsAreChecked() {
    assertThatThrownBy(() -> MetricRunner.builder(null, WAREHOUSE, store, new RecordingExport()))
        .isInstanceOf(NullPointerException.class).hasMessage("catalog");
    assertThatThrownBy(() -> MetricRunner.builder(CATALOG, null, store, new RecordingExport()))
        .isInstanceOf(NullPointerException.class).hasMessage("warehouse");
    assertThatThrownBy(() -> MetricRunner.builder(CATALOG, WAREHOUSE, null, new RecordingExport()))
        .isInstanceOf(NullPointerException.class).hasMessage("store");
    assertThatThrownBy(() -> MetricRunner.builder(CATALOG, WAREHOUSE, store, null))
        .isInstanceOf(NullPointerException.class).hasMessage("export");
  }

  @Test
  void eachSettingIsCheckedWhenSet() {
    assertThatThrownBy(() -> builder().clock(null)).hasMessage("clock");
    assertThatThrownBy(() -> builder().retryPolicy(null)).hasMessage("retry");
    assertThatThrownBy(() -> builder().sleeper(null)).hasMessage("sleeper");
    assertThatThrownBy(() -> builder().runIds(null)).hasMessage("runIds");
    assertThatThrownBy(() -> builder().telemetry(null)).hasMessage("telemetry");
    assertThatThrownBy(() -> builder().tracing(null)).hasMessage("tracing");
    assertThatThrownBy(() -> builder().maxCatchUpWindows(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxCatchUpWindows must be >= 1: 0");
  }

  @Test
  void theBuiltRunnerUsesTheGivenClockRunIdsAndCatchUpCap() {
    Clock clock = Clock.fixed(Instant.parse("2024-05-01T10:06:00Z"), ZoneOffset.UTC);
    // last completed 00:00, so ten hourly windows are closed and due; the cap keeps the oldest three
    store.writeJob(new JobState("n", Instant.parse("2024-05-01T00:00:00Z"), "run-6",
        Instant.parse("2024-05-01T00:05:00Z"), "ok", null, 0));
    RunSummary summary = builder().clock(clock).runIds(() -> "run-7").maxCatchUpWindows(3).build()
        .runDue(clock.instant());

    assertThat(summary.runId()).isEqualTo("run-7");
    assertThat(summary.pointsWritten()).isEqualTo(3);
    assertThat(store.allPoints()).extracting(p -> p.windowStart().toString()).containsExactlyInAnyOrder(
        "2024-05-01T00:00:00Z", "2024-05-01T01:00:00Z", "2024-05-01T02:00:00Z");
    assertThat(store.allPoints()).allSatisfy(p -> assertThat(p.computedAt()).isEqualTo(clock.instant()));
  }
}
