package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.functions.ExecutionContext;
import com.pulse.adapter.jdbc.JdbcWarehouse;
import com.pulse.adapter.local.InMemoryMetricStore;
import com.pulse.adapter.local.JsonLinesExport;
import com.pulse.app.MetricRunner;
import com.pulse.app.RunSummary;
import com.pulse.app.observability.InMemoryTelemetry;
import com.pulse.app.observability.PulseTelemetry;
import com.pulse.app.observability.PulseTracing;
import com.pulse.domain.catalog.Catalog;
import com.pulse.domain.catalog.CatalogLoader;
import com.pulse.domain.catalog.SqlDialect;
import com.pulse.domain.metric.MetricPoint;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timer entry point with a fake {@link ExecutionContext}, over DuckDB and the local adapters. */
class WarehouseMetricsTest {
  private static final String CATALOG = """
      metrics:
        - name: hourly
          title: Hourly
          description: Events per tenant per hour.
          unit: count
          window: PT1H
          schedule: "0 5 * * * *"
          sql: SELECT tenant AS tenant_id, COUNT(*) AS events FROM ev WHERE at >= :window_start AND at < :window_end GROUP BY 1
        - name: daily
          title: Daily
          description: Events per tenant per day, computed at 02:00.
          unit: count
          window: P1D
          schedule: "0 0 2 * * *"
          sql: SELECT tenant AS tenant_id, COUNT(*) AS events FROM ev WHERE at >= :window_start AND at < :window_end GROUP BY 1
      """;

  /** A fake context whose logger keeps the records. */
  static final class FakeContext implements ExecutionContext {
    final List<String> messages = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getAnonymousLogger();

    FakeContext() {
      logger.setUseParentHandlers(false);
      logger.addHandler(new Handler() {
        @Override
        public void publish(LogRecord r) {
          messages.add(r.getLevel() + " " + r.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      });
    }

    @Override
    public Logger getLogger() {
      return logger;
    }

    @Override
    public String getInvocationId() {
      return "inv-1";
    }

    @Override
    public String getFunctionName() {
      return "WarehouseMetrics";
    }
  }

  @Test
  void tickRunsDueMetricsAndLogsPastDue(@TempDir Path dir) throws Exception {
    DuckDBConnection db = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = db.createStatement()) {
      s.execute("CREATE TABLE ev (tenant VARCHAR, at TIMESTAMP)");
      s.execute("INSERT INTO ev VALUES ('a', TIMESTAMP '2024-05-01 09:10:00'), ('a', TIMESTAMP '2024-05-01 09:50:00'),"
          + " ('b', TIMESTAMP '2024-05-01 10:00:00')");
    }
    Catalog catalog = CatalogLoader.parse("fn.yaml", new StringReader(CATALOG));
    Instant tick = Instant.parse("2024-05-01T10:05:00Z");
    Clock clock = Clock.fixed(tick, ZoneOffset.UTC);
    InMemoryMetricStore store = new InMemoryMetricStore();
    MetricRunner runner = MetricRunner.builder(catalog, new JdbcWarehouse(db::duplicate, "test", SqlDialect.DUCKDB), store,
        new JsonLinesExport(dir)).clock(clock).sleeper(d -> { }).runIds(() -> "run-1").build();
    FakeContext context = new FakeContext();

    RunSummary summary = new WarehouseMetrics(runner, points -> { }, PulseTracing.noop(), clock)
        .tick("{\"Schedule\":{\"AdjustForDST\":true},\"IsPastDue\":true}", context);

    // both metrics never ran, so both are due; each computes its newest closed window
    assertThat(summary.metricsOk()).isEqualTo(2);
    assertThat(store.latestPoints("a")).extracting(p -> p.metric() + "@" + p.windowStart() + "=" + p.values())
        .containsExactly("hourly@2024-05-01T09:00:00Z={events=2.0}");
    // the daily metric had no rows in 2024-04-30 but that window is complete
    assertThat(store.readJob("daily").orElseThrow().lastCompletedWindowEnd()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
    assertThat(store.readJob("hourly").orElseThrow().lastCompletedWindowEnd()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
    assertThat(context.messages).anySatisfy(m -> assertThat(m).contains("isPastDue=true").contains("inv-1"));
    assertThat(context.messages).anySatisfy(m -> assertThat(m).contains("2 ok, 0 failed"));
    assertThat(Files.readAllLines(dir.resolve(JsonLinesExport.POINTS_FILE))).hasSize(1);
    db.close();
  }

  @Test
  void tickRunsInASpanReportsMetricsAndHandsTheWrittenPointsToTheSloCheck(@TempDir Path dir) throws Exception {
    DuckDBConnection db = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = db.createStatement(); InMemoryTelemetry otel = new InMemoryTelemetry()) {
      s.execute("CREATE TABLE ev (tenant VARCHAR, at TIMESTAMP)");
      s.execute("INSERT INTO ev VALUES ('a', TIMESTAMP '2024-05-01 09:10:00'), ('b', TIMESTAMP '2024-05-01 09:20:00')");
      Catalog catalog = CatalogLoader.parse("fn.yaml", new StringReader(CATALOG));
      Clock clock = Clock.fixed(Instant.parse("2024-05-01T10:05:00Z"), ZoneOffset.UTC);
      PulseTracing tracing = PulseTracing.create(otel.sdk);
      MetricRunner runner = MetricRunner.builder(catalog, new JdbcWarehouse(db::duplicate, "test", SqlDialect.DUCKDB),
              new InMemoryMetricStore(), new JsonLinesExport(dir))
          .clock(clock).sleeper(d -> { }).runIds(() -> "run-1")
          .telemetry(PulseTelemetry.create(otel.sdk, clock)).tracing(tracing).build();
      List<MetricPoint> checked = new ArrayList<>();
      FakeContext context = new FakeContext();

      RunSummary summary = new WarehouseMetrics(runner, points -> {
        checked.addAll(points);
        throw new IllegalStateException("mail service rejected the digest");
      }, tracing, clock).tick("{}", context);

      assertThat(summary.pointsWritten()).isEqualTo(2);
      assertThat(checked).extracting(MetricPoint::tenantId).containsExactlyInAnyOrder("a", "b");
      assertThat(checked).isEqualTo(summary.points());
      // the failed digest is logged, the tick still succeeds
      assertThat(context.messages).anySatisfy(m -> assertThat(m).startsWith("WARNING").contains("SLO digest"));
      SpanData invocation = otel.spans.getFinishedSpanItems().stream()
          .filter(span -> span.getName().equals("WarehouseMetrics")).findFirst().orElseThrow();
      assertThat(otel.spans.getFinishedSpanItems()).filteredOn(span -> span.getName().startsWith("warehouse query "))
          .hasSize(2).allSatisfy(span -> assertThat(span.getParentSpanId()).isEqualTo(invocation.getSpanId()));
      Map<String, MetricData> metrics = otel.collect();
      assertThat(metrics.get("pulse.metric.runs").getLongSumData().getPoints()).extracting(LongPointData::getValue)
          .containsExactly(1L, 1L);
      assertThat(metrics.get("pulse.metric.query_duration").getHistogramData().getPoints())
          .extracting(HistogramPointData::getCount).containsExactlyInAnyOrder(1L, 1L);
    } finally {
      db.close();
    }
  }

  @Test
  void pastDueFlagIsReadFromTheTimerJson() {
    java.util.logging.Logger log = java.util.logging.Logger.getAnonymousLogger();
    assertThat(WarehouseMetrics.isPastDue("{\"IsPastDue\":true}", log)).isTrue();
    assertThat(WarehouseMetrics.isPastDue("{\"IsPastDue\":false}", log)).isFalse();
    assertThat(WarehouseMetrics.isPastDue("not json", log)).isFalse();
    assertThat(WarehouseMetrics.isPastDue(null, log)).isFalse();
  }
}
