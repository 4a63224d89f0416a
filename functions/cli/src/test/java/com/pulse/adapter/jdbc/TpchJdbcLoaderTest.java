package com.pulse.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.adapter.local.TpchDuckDbLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDBC loader (batched INSERTs, the path used for Azure SQL) fills a real database - DuckDB
 * through its plain JDBC interface - with exactly what the DuckDB appender loader produces.
 */
class TpchJdbcLoaderTest {
  /** Row count, key sum, money sum and date range per table: a fingerprint of the generated data. */
  private static final List<String> FINGERPRINT = List.of(
      "SELECT COUNT(*), SUM(l_orderkey), SUM(l_extendedprice), MIN(l_shipdate), MAX(l_comment) FROM lineitem",
      "SELECT COUNT(*), SUM(o_custkey), SUM(o_totalprice), MAX(o_orderdate), MIN(o_orderpriority) FROM orders",
      "SELECT COUNT(*), SUM(c_nationkey), SUM(c_acctbal), MAX(c_mktsegment), MIN(c_phone) FROM customer",
      "SELECT COUNT(*), SUM(ps_availqty), SUM(ps_supplycost), MAX(ps_comment), MIN(ps_partkey) FROM partsupp",
      "SELECT COUNT(*), SUM(p_size), SUM(p_retailprice), MAX(p_name), MIN(p_type) FROM part",
      "SELECT COUNT(*), SUM(s_nationkey), SUM(s_acctbal), MAX(s_name), MIN(s_address) FROM supplier",
      "SELECT COUNT(*), SUM(n_regionkey), MAX(n_name), MIN(n_comment), 0 FROM nation",
      "SELECT COUNT(*), SUM(r_regionkey), MAX(r_name), MIN(r_comment), 0 FROM region");

  @Test
  void batchedInsertsProduceTheSameDataAsTheAppender(@TempDir Path dir) throws Exception {
    Path appended = dir.resolve("appender.duckdb");
    List<Long> appenderRows = TpchDuckDbLoader.load(appended, 0.002);

    List<Long> jdbcRows;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("jdbc.duckdb"))) {
      assertThat(TpchJdbcLoader.existingTables(c)).isEmpty();
      jdbcRows = TpchJdbcLoader.load(c, 0.002, 997);
      assertThat(c.getAutoCommit()).isTrue();
      assertThat(TpchJdbcLoader.existingTables(c)).containsExactlyInAnyOrderElementsOf(TpchJdbcLoader.tableNames());
    }

    assertThat(jdbcRows).isEqualTo(appenderRows);
    assertThat(fingerprint("jdbc:duckdb:" + dir.resolve("jdbc.duckdb")))
        .isEqualTo(fingerprint("jdbc:duckdb:" + appended));
  }

  @Test
  void rejectsANonPositiveScaleFactorAndBatchSize() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      assertThatThrownBy(() -> TpchJdbcLoader.load(c, 0, 10)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("scaleFactor");
      assertThatThrownBy(() -> TpchJdbcLoader.load(c, 0.001, 0)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("batchRows");
      assertThat(TpchJdbcLoader.existingTables(c)).isEmpty();
    }
  }

  private static List<String> fingerprint(String url) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      for (String sql : FINGERPRINT) {
        try (ResultSet rs = s.executeQuery(sql)) {
          rs.next();
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= 5; i++) {
            row.append(rs.getString(i)).append('|');
          }
          rows.add(row.toString());
        }
      }
    }
    return rows;
  }
}
