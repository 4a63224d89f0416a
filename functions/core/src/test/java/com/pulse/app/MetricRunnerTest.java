package com.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.jdbc.JdbcWarehouse;
import com.pulse.adapter.local.InMemoryMetricStore;
import com.pulse.domain.catalog.Catalog;
import com.pulse.domain.catalog.CatalogLoader;
import com.pulse.domain.catalog.SqlDialect;
import com.pulse.domain.catalog.MetricDefinition;
import com.pulse.domain.metric.JobState;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.window.Window;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine over a small real DuckDB table: isolation, retry, job state, catch-up, idempotence. */
class MetricRunnerTest {
  private static final String CATALOG = """
      metrics:
        - name: sales
          title: Sales
          description: Sum of sales per tenant and region per day.
          unit: currency
          window: P1D
          schedule: "0 0 1 * * *"
          dimensions: [region]
          sql: |
            SELECT tenant AS tenant_id, region, SUM(amount) AS amount, COUNT(*) AS sales, 'x' AS note
            FROM sales WHERE at >= :window_start AND at < :window_end GROUP BY tenant, region
        - name: broken
          title: Broken
          description: Reads a table that does not exist.
          unit: count
          window: P1D
          schedule: "0 0 1 * * *"
          sql: SELECT 1 AS tenant_id, COUNT(*) AS n FROM no_such_table WHERE :window_start < :window_end
        - name: busy
          title: Busy
          description: Counts sales per tenant.
          unit: count
          window: P1D
          schedule: "0 0 1 * * *"
          values: [n]
          sql: SELECT tenant AS tenant_id, COUNT(*) AS n FROM sales WHERE at >= :window_start AND at < :window_end GROUP BY 1
      """;
  private static final Instant DAY1 = Instant.parse("2024-03-01T00:00:00Z");
  private static final Instant DAY2 = Instant.parse("2024-03-02T00:00:00Z");
  private static final Instant DAY3 = Instant.parse("2024-03-03T00:00:00Z");

  private final Catalog catalog = CatalogLoader.parse("runner.yaml", new StringReader(CATALOG));
  private final InMemoryMetricStore store = new InMemoryMetricStore();
  private final RecordingExport export = new RecordingExport();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final AtomicInteger runs = new AtomicInteger();
  private DuckDBConnection db;

  @BeforeEach
  void createWarehouse() throws Exception {
    db = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = db.createStatement()) {
      s.execute("CREATE TABLE sales (tenant VARCHAR, region VARCHAR, at TIMESTAMP, amount DECIMAL(15,2))");
      s.execute("""
          INSERT INTO sales VALUES
            ('t1', 'eu', TIMESTAMP '2024-03-01 10:00:00', 10.50),
            ('t1', 'eu', TIMESTAMP '2024-03-01 23:59:59', 2.25),
            ('t1', 'us', TIMESTAMP '2024-03-01 00:00:00', 1.00),
            ('t2', 'eu', TIMESTAMP '2024-03-01 12:00:00', 7.00),
            ('t2', 'eu', TIMESTAMP '2024-03-02 00:00:00', 4.00),
            ('t3', 'us', TIMESTAMP '2024-02-29 23:59:59', 99.00)""");
    }
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  private MetricRunner runner(FailingConnections connections, Instant now) {
    return MetricRunner.builder(catalog, new JdbcWarehouse(connections, "test", SqlDialect.DUCKDB), store, export)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .retryPolicy(new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(30), 2.0))
        .sleeper(sleeps::add).maxCatchUpWindows(5).runIds(() -> "run-" + runs.incrementAndGet()).build();
  }

  private FailingConnections failing(int failures, int errorNumber, String sqlState) {
    return new FailingConnections(db::duplicate, failures, errorNumber, sqlState);
  }

  private static Map<MetricDefinition, List<Window>> plan(MetricDefinition m, Instant start, Instant end) {
    return Map.of(m, List.of(new Window(start, end)));
  }

  @Test
  void oneQueryPerWindowForAllTenantsHalfOpen() {
    FailingConnections connections = failing(0, 0, null);
    RunSummary summary = runner(connections, DAY2).run(plan(catalog.metric("sales").orElseThrow(), DAY1, DAY2));
    assertThat(connections.prepared).hasValue(1);
    assertThat(summary.pointsWritten()).isEqualTo(3);
    List<MetricPoint> points = store.allPoints();
    assertThat(points).extracting(p -> p.tenantId() + "/" + p.dimensions().get("region") + "=" + p.values())
        .containsExactlyInAnyOrder("t1/eu={amount=12.75, sales=2.0}", "t1/us={amount=1.0, sales=1.0}",
            "t2/eu={amount=7.0, sales=1.0}");
    assertThat(points).allSatisfy(p -> {
      assertThat(p.windowEnd()).isEqualTo(DAY2);
      assertThat(p.unit()).isEqualTo("currency");
      assertThat(p.runId()).isEqualTo("run-1");
      assertThat(p.computedAt()).isEqualTo(DAY2);
    });
    assertThat(export.points).containsExactlyInAnyOrderElementsOf(
        points.stream().map(com.pulse.domain.export.MetricPointRecord::of).toList());
  }

  @Test
  void recomputationOverwritesByDeterministicId() {
    MetricDefinition sales = catalog.metric("sales").orElseThrow();
    runner(failing(0, 0, null), DAY2).run(plan(sales, DAY1, DAY2));
    List<String> first = store.allPoints().stream().map(MetricPoint::id).toList();
    runner(failing(0, 0, null), DAY3).run(plan(sales, DAY1, DAY2));
    assertThat(store.allPoints()).extracting(MetricPoint::id).containsExactlyElementsOf(first);
    assertThat(store.allPoints()).allSatisfy(p -> assertThat(p.runId()).isEqualTo("run-2"));
    assertThat(first).contains(MetricPoint.idOf("sales", "t1", Map.of("region", "eu"), DAY1));
  }

  @Test
  void failingMetricDoesNotStopTheOthers() {
    RunSummary summary = runner(failing(0, 0, null), DAY2).backfill(List.of(), DAY1, DAY2);
    assertThat(summary.outcomes()).extracting(MetricOutcome::metric, MetricOutcome::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("sales", MetricOutcome.Status.OK),
        org.assertj.core.groups.Tuple.tuple("broken", MetricOutcome.Status.FAILED),
        org.assertj.core.groups.Tuple.tuple("busy", MetricOutcome.Status.OK));
    MetricOutcome broken = summary.outcomes().get(1);
    assertThat(broken.attempts()).as("a permanent error is not retried").isEqualTo(1);
    assertThat(broken.error()).contains("no_such_table");
    assertThat(sleeps).isEmpty();
    assertThat(summary.metricsOk()).isEqualTo(2);
    assertThat(summary.metricsFailed()).isEqualTo(1);
    assertThat(store.readJob("broken")).hasValueSatisfying(j -> {
      assertThat(j.lastStatus()).isEqualTo("failed");
      assertThat(j.consecutiveFailures()).isEqualTo(1);
      assertThat(j.lastCompletedWindowEnd()).isNull();
    });
    assertThat(store.readJob("busy")).hasValueSatisfying(j -> assertThat(j.lastCompletedWindowEnd()).isEqualTo(DAY2));
  }

  @Test
  void backfillAfterAGapOrIntoOpenWindowsDoesNotMoveTheLastCompletedWindowPastThem() {
    Instant day5 = DAY3.plus(Duration.ofDays(2));
    runner(failing(0, 0, null), DAY2).backfill(List.of("busy"), DAY1, DAY2);
    assertThat(store.readJob("busy")).hasValueSatisfying(j -> assertThat(j.lastCompletedWindowEnd()).isEqualTo(DAY2));
    // a later range leaves [DAY2, DAY3) uncomputed: scheduled runs must still catch it up
    runner(failing(0, 0, null), day5).backfill(List.of("busy"), DAY3, day5);
    assertThat(store.readJob("busy")).hasValueSatisfying(j -> assertThat(j.lastCompletedWindowEnd()).isEqualTo(DAY2));
    // a contiguous range reaching past now: only the windows closed by now count as completed
    RunSummary summary = runner(failing(0, 0, null), DAY3).backfill(List.of("busy"), DAY2, day5);
    assertThat(summary.outcomes().get(0).windows()).hasSize(3);
    assertThat(store.readJob("busy")).hasValueSatisfying(j -> assertThat(j.lastCompletedWindowEnd()).isEqualTo(DAY3));
  }

  @Test
  void transientErrorIsRetriedWithBackoffThenSucceeds() {
    FailingConnections connections = failing(2, 40613, "S0001");
    RunSummary summary = runner(connections, DAY2).run(plan(catalog.metric("busy").orElseThrow(), DAY1, DAY2));
    MetricOutcome busy = summary.outcomes().get(0);
    assertThat(busy.status()).isEqualTo(MetricOutcome.Status.OK);
    assertThat(busy.attempts()).isEqualTo(3);
    assertThat(busy.points()).isEqualTo(2);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void connectionFailureSqlStateIsTransientButRetriesAreBounded() {
    FailingConnections connections = failing(10, 0, "08S01");
    RunSummary summary = runner(connections, DAY2).run(plan(catalog.metric("busy").orElseThrow(), DAY1, DAY2));
    MetricOutcome busy = summary.outcomes().get(0);
    assertThat(busy.status()).isEqualTo(MetricOutcome.Status.FAILED);
    assertThat(busy.attempts()).isEqualTo(3);
    assertThat(busy.error()).contains("persisted after 3 attempts");
    assertThat(store.allPoints()).isEmpty();
  }

  @Test
  void scheduledRunsCatchUpFromJobStateAndSkipUpToDateMetrics() {
    MetricDefinition busy = catalog.metric("busy").orElseThrow();
    store.writeJob(new JobState("busy", DAY1.minus(Duration.ofDays(3)), "old", DAY1.minus(Duration.ofDays(2)), "ok",
        null, 0));
    Instant tick = Instant.parse("2024-03-03T01:00:00Z");
    RunSummary summary = runner(failing(0, 0, null), tick).runDue(tick);
    MetricOutcome outcome = summary.outcomes().stream().filter(o -> o.metric().equals("busy")).findFirst().orElseThrow();
    assertThat(outcome.windows()).extracting(Window::start).containsExactly(
        Instant.parse("2024-02-27T00:00:00Z"), Instant.parse("2024-02-28T00:00:00Z"),
        Instant.parse("2024-02-29T00:00:00Z"), DAY1, DAY2);
    assertThat(store.readJob(busy.name()).orElseThrow().lastCompletedWindowEnd()).isEqualTo(DAY3);
    // the same tick again: the schedule has not fired since the last run, nothing is due
    RunSummary again = runner(failing(0, 0, null), tick.plusSeconds(60)).runDue(tick.plusSeconds(60));
    assertThat(again.outcomes()).isEmpty();
  }
}
