package com.pulse.adapter.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TpchDuckDbLoaderTest {
  @Test
  void generatesAllEightTablesWithStandardTypes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("w").resolve("tpch.duckdb");
    List<Long> rows = TpchDuckDbLoader.load(file, 0.001);
    // customer 150·SF·1000, orders 10×customer, nation 25, region 5 (TPC-H 3.0.1, clause 4.2.5)
    assertThat(rows).hasSize(8).contains(150L, 1500L, 25L, 5L);
    Map<String, String> types = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT table_name, column_name, data_type FROM information_schema.columns")) {
      while (rs.next()) {
        types.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3));
      }
    }
    assertThat(types.keySet().stream().map(k -> k.substring(0, k.indexOf('.'))).distinct())
        .containsExactlyInAnyOrder("customer", "orders", "lineitem", "part", "partsupp", "supplier", "nation", "region");
    assertThat(types).containsEntry("orders.o_orderdate", "DATE").containsEntry("lineitem.l_extendedprice", "DECIMAL(15,2)")
        .containsEntry("lineitem.l_orderkey", "BIGINT").containsEntry("lineitem.l_linenumber", "INTEGER")
        .containsEntry("customer.c_mktsegment", "VARCHAR");
    assertThatThrownBy(() -> TpchDuckDbLoader.load(file, 0.001)).hasMessageContaining("already exists");
    assertThat(Files.size(file)).isPositive();
  }
}
