package com.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.pulse.adapter.jdbc.JdbcWarehouse;
import com.pulse.adapter.local.InMemoryMetricStore;
import com.pulse.app.port.MetricExport;
import com.pulse.cli.catalog.CatalogCheck;
import com.pulse.domain.catalog.Catalog;
import com.pulse.domain.catalog.CatalogLoader;
import com.pulse.domain.catalog.MetricDefinition;
import com.pulse.domain.catalog.SqlDialect;
import com.pulse.domain.export.MetricPointRecord;
import com.pulse.domain.export.TelemetryWindowRecord;
import com.pulse.domain.metric.MetricPoint;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged catalog gives the same points on DuckDB (its {@code duckdb} texts) and on H2 in
 * {@code MODE=MSSQLServer} (its {@code sqlserver} texts), over the same TPC-H SF 0.01 rows, for every
 * window of every metric in the first quarter of 1995 (daily to quarterly windows, returns included); and its SQL Server texts pass the T-SQL dialect check and
 * prepare on both engines. H2 is an engine that executes T-SQL-like SQL, not SQL Server: see
 * docs/ARCHITECTURE.md, *Metric catalog*, for what this cannot prove.
 */
class CatalogDialectsTest {
  private static final Instant FROM = Instant.parse("1995-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("1995-04-01T00:00:00Z");
  private static final Catalog CATALOG = CatalogLoader.loadResource(CatalogLoader.DEFAULT_RESOURCE);
  private static Connection h2;

  @BeforeAll
  static void loadH2() throws Exception {
    h2 = DriverManager.getConnection("jdbc:h2:mem:tpch;MODE=MSSQLServer;DB_CLOSE_DELAY=-1");
    for (TpchTable<?> table : TpchTable.getTables()) {
      load(h2, table);
    }
    try (Statement s = h2.createStatement()) {
      s.execute("ALTER TABLE orders ADD PRIMARY KEY (o_orderkey)");
      s.execute("ALTER TABLE customer ADD PRIMARY KEY (c_custkey)");
      s.execute("ALTER TABLE nation ADD PRIMARY KEY (n_nationkey)");
      s.execute("CREATE INDEX lineitem_order ON lineitem (l_orderkey)");
    }
  }

  @AfterAll
  static void closeH2() throws Exception {
    h2.close();
  }

  /** The same tables and types as {@link com.pulse.adapter.local.TpchDuckDbLoader}, by plain JDBC batches. */
  private static <E extends TpchEntity> void load(Connection c, TpchTable<E> table) throws Exception {
    List<TpchColumn<E>> columns = table.getColumns();
    StringJoiner ddl = new StringJoiner(", ", "CREATE TABLE " + table.getTableName() + " (", ")");
    StringJoiner marks = new StringJoiner(", ", "INSERT INTO " + table.getTableName() + " VALUES (", ")");
    for (TpchColumn<E> col : columns) {
      String type = switch (col.getType().getBase()) {
        case IDENTIFIER -> "BIGINT";
        case INTEGER -> "INTEGER";
        case DATE -> "DATE";
        case DOUBLE -> "DECIMAL(15,2)";
        case VARCHAR -> "VARCHAR(200)";
      };
      ddl.add(col.getColumnName() + " " + type + " NOT NULL");
      marks.add("?");
    }
    try (Statement s = c.createStatement()) {
      s.execute(ddl.toString());
    }
    try (PreparedStatement ps = c.prepareStatement(marks.toString())) {
      int batch = 0;
      for (E row : table.createGenerator(TpchFixture.SCALE_FACTOR, 1, 1)) {
        for (int i = 0; i < columns.size(); i++) {
          TpchColumn<E> col = columns.get(i);
          switch (col.getType().getBase()) {
            case IDENTIFIER -> ps.setLong(i + 1, col.getIdentifier(row));
            case INTEGER -> ps.setInt(i + 1, col.getInteger(row));
            case DATE -> ps.setObject(i + 1, LocalDate.ofEpochDay(col.getDate(row)));
            case DOUBLE -> ps.setBigDecimal(i + 1, java.math.BigDecimal.valueOf(col.getDouble(row)).setScale(2,
                java.math.RoundingMode.HALF_EVEN));
            case VARCHAR -> ps.setString(i + 1, col.getString(row));
          }
        }
        ps.addBatch();
        if (++batch % 5_000 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  private static Map<String, MetricPoint> backfill(JdbcWarehouse warehouse) {
    InMemoryMetricStore store = new InMemoryMetricStore();
    MetricRunner runner = MetricRunner.builder(CATALOG, warehouse, store, NO_EXPORT)
        .clock(Clock.fixed(TO, ZoneOffset.UTC)).maxCatchUpWindows(1).runIds(() -> "run").build();
    RunSummary summary = runner.backfill(List.of(), FROM, TO);
    assertThat(summary.metricsFailed()).as("failed metrics on %s: %s", warehouse.dialect(), summary).isZero();
    return store.allPoints().stream().collect(Collectors.toMap(MetricPoint::id, Function.identity()));
  }

  @Test
  void everyMetricGivesTheSamePointsOnDuckDbAndOnTsqlInH2() throws Exception {
    Map<String, MetricPoint> duck = backfill(TpchFixture.get().warehouse);
    Map<String, MetricPoint> tsql = backfill(new JdbcWarehouse(() -> DriverManager.getConnection(
        "jdbc:h2:mem:tpch;MODE=MSSQLServer"), "H2 MSSQLServer", SqlDialect.SQL_SERVER));

    for (MetricDefinition m : CATALOG.metrics()) {
      assertThat(duck.values()).as("points of %s", m.name()).anyMatch(p -> p.metric().equals(m.name()));
    }
    assertThat(tsql.keySet()).isEqualTo(duck.keySet());
    duck.forEach((id, d) -> {
      MetricPoint t = tsql.get(id);
      assertThat(t.values().keySet()).as("%s %s", d.metric(), d.tenantId()).isEqualTo(d.values().keySet());
      d.values().forEach((column, value) -> assertThat(t.values().get(column))
          .as("%s.%s tenant %s window %s", d.metric(), column, d.tenantId(), d.windowStart())
          .isCloseTo(value, within(Math.abs(value) * 1e-9 + 1e-9)));
    });
  }

  @Test
  void theSqlServerTextsPassTheDialectCheckAndPrepareOnBothEngines() throws Exception {
    assertThat(CatalogCheck.dialect(CATALOG)).isEmpty();
    assertThat(CatalogCheck.against(CATALOG, TpchFixture.get().warehouse, "duckdb")).isEmpty();
    assertThat(CatalogCheck.against(CATALOG, new JdbcWarehouse(() -> DriverManager.getConnection(
        "jdbc:h2:mem:tpch;MODE=MSSQLServer"), "H2", SqlDialect.SQL_SERVER), "h2")).isEmpty();
    assertThat(CATALOG.metrics()).as("at least one metric needs a text per dialect")
        .anyMatch(m -> !m.sql().isPortable());
  }

  private static final MetricExport NO_EXPORT = new MetricExport() {
    @Override
    public void exportPoints(List<MetricPointRecord> records) {}

    @Override
    public void exportWindows(List<TelemetryWindowRecord> records) {}
  };
}
