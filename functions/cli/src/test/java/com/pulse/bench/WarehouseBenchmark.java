package com.pulse.bench;

import com.pulse.adapter.jdbc.DuckDbConnectionSource;
import com.pulse.adapter.jdbc.JdbcWarehouse;
import com.pulse.adapter.jdbc.NamedParameters;
import com.pulse.adapter.local.InMemoryMetricStore;
import com.pulse.adapter.local.TpchDuckDbLoader;
import com.pulse.app.MetricRunner;
import com.pulse.app.RunSummary;
import com.pulse.app.port.MetricExport;
import com.pulse.app.port.MetricStore;
import com.pulse.domain.catalog.Catalog;
import com.pulse.domain.catalog.CatalogLoader;
import com.pulse.domain.catalog.MetricDefinition;
import com.pulse.domain.catalog.SqlDialect;
import com.pulse.domain.export.MetricPointRecord;
import com.pulse.domain.export.TelemetryWindowRecord;
import com.pulse.domain.metric.JobState;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.window.Window;
import com.pulse.domain.window.WindowPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Warehouse-metrics performance (how to run, results: docs/PERFORMANCE.md):
 * <ul>
 *   <li>{@code catalogEngine} vs {@code catalogBareJdbc}: the whole sample catalog for one window
 *       per metric (the demo's newest closed windows) on TPC-H in DuckDB, through the engine (query,
 *       point assembly with SHA-256 ids, in-memory store, export records) vs the same SQL through
 *       bare JDBC reading every cell; the difference is the engine's overhead.</li>
 *   <li>{@code storeUpsert}: points per second written to the in-memory store.</li>
 * </ul>
 * The scale factor is {@code -p scaleFactor=1}; the DuckDB file is generated once under
 * {@code .pulse/bench/} and reused. SF 1 init time is measured by {@link TpchInitBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(1)
public class WarehouseBenchmark {
  private static final Instant AS_OF = Instant.parse("1998-08-02T00:00:00Z");
  private static final int POINTS = 100_000;

  @Param({"1"})
  public double scaleFactor;

  private DuckDbConnectionSource source;
  private Catalog catalog;
  private Map<MetricDefinition, List<Window>> plan;
  private JdbcWarehouse warehouse;
  private List<MetricPoint> points;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Path file = Path.of(".pulse", "bench", "tpch-sf" + scaleFactor + ".duckdb");
    if (!Files.exists(file)) {
      TpchDuckDbLoader.load(file, scaleFactor);
    }
    source = new DuckDbConnectionSource("jdbc:duckdb:" + file.toAbsolutePath(), true);
    warehouse = new JdbcWarehouse(source, file.toString(), SqlDialect.DUCKDB);
    catalog = CatalogLoader.loadResource(CatalogLoader.DEFAULT_RESOURCE);
    plan = new LinkedHashMap<>();
    for (MetricDefinition m : catalog.metrics()) {
      plan.put(m, List.of(WindowPlanner.latestClosed(m.window(), m.settle(), AS_OF)));
    }
    points = new ArrayList<>(POINTS);
    Instant start = Instant.parse("1998-07-01T00:00:00Z");
    for (int i = 0; i < POINTS; i++) {
      points.add(MetricPoint.create("net_revenue", Integer.toString(i % 15_000), Map.of("market_segment", "S" + (i % 5)),
          start.plusSeconds(86_400L * (i / 15_000)), start.plusSeconds(86_400L * (i / 15_000 + 1)),
          Map.of("net_revenue", i * 1.5, "orders", 3.0), "currency", AS_OF, "bench"));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    source.close();
  }

  /** The whole catalog, one window per metric, through the engine. Returns points written. */
  @Benchmark
  public long catalogEngine() {
    MetricRunner runner = MetricRunner.builder(catalog, warehouse, new InMemoryMetricStore(), NO_EXPORT)
        .sleeper(d -> { }).maxCatchUpWindows(1).runIds(() -> "bench").build();
    RunSummary summary = runner.run(plan);
    if (summary.metricsFailed() > 0) {
      throw new IllegalStateException(summary.outcomes().toString());
    }
    return summary.pointsWritten();
  }

  /**
   * The engine with a store that discards points (the Cosmos DB store is network-bound in Azure):
   * query, point assembly with ids, export records, job state. Returns points built.
   */
  @Benchmark
  public long catalogEngineDiscardingStore() {
    MetricRunner runner = MetricRunner.builder(catalog, warehouse, DISCARDING_STORE, NO_EXPORT)
        .sleeper(d -> { }).maxCatchUpWindows(1).runIds(() -> "bench").build();
    return runner.run(plan).pointsWritten();
  }

  /** The same SQL and windows over bare JDBC, every cell read. */
  @Benchmark
  public void catalogBareJdbc(Blackhole bh) throws Exception {
    for (Map.Entry<MetricDefinition, List<Window>> e : plan.entrySet()) {
      NamedParameters p = NamedParameters.parse(e.getKey().sql().text(SqlDialect.DUCKDB));
      Window w = e.getValue().get(0);
      try (Connection c = source.open(); PreparedStatement ps = c.prepareStatement(p.jdbcSql())) {
        for (int i = 0; i < p.names().size(); i++) {
          Instant at = p.names().get(i).equals("window_start") ? w.start() : w.end();
          ps.setObject(i + 1, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        }
        try (ResultSet rs = ps.executeQuery()) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= n; i++) {
              bh.consume(rs.getObject(i));
            }
          }
        }
      }
    }
  }

  /** Points written per second to the in-memory store (score = ops/s = points/s). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(POINTS)
  public InMemoryMetricStore storeUpsert() {
    InMemoryMetricStore store = new InMemoryMetricStore();
    store.upsertPoints(points);
    return store;
  }

  private static final MetricStore DISCARDING_STORE = new MetricStore() {
    @Override
    public void upsertPoints(List<MetricPoint> points) {}

    @Override
    public Optional<MetricPoint> readPoint(String tenantId, String pointId) {
      return Optional.empty();
    }

    @Override
    public List<MetricPoint> latestPoints(String tenantId) {
      return List.of();
    }

    @Override
    public Optional<JobState> readJob(String metric) {
      return Optional.empty();
    }

    @Override
    public Map<String, JobState> readJobs(Collection<String> metrics) {
      return Map.of();
    }

    @Override
    public void writeJob(JobState state) {}
  };

  private static final MetricExport NO_EXPORT = new MetricExport() {
    @Override
    public void exportPoints(List<MetricPointRecord> records) {}

    @Override
    public void exportWindows(List<TelemetryWindowRecord> records) {}
  };
}
