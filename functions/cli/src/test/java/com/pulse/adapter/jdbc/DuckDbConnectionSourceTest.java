package com.pulse.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbConnectionSourceTest {
  @Test
  void aLocalWarehouseFileMustExistAndIsNeverCreated(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("typo.duckdb");
    assertThatThrownBy(() -> DuckDbConnectionSource.openWarehouse("jdbc:duckdb:" + missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot open jdbc:duckdb:" + missing).hasMessageContaining("warehouse init");
    assertThat(missing).doesNotExist();

    Path existing = dir.resolve("dw.duckdb");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + existing);
        java.sql.Statement st = c.createStatement()) {
      st.execute("CREATE TABLE t AS SELECT 1 AS tenant_id");
    }
    try (DuckDbConnectionSource source = DuckDbConnectionSource.openWarehouse("jdbc:duckdb:" + existing)) {
      try (java.sql.Connection c = source.open(); java.sql.Statement st = c.createStatement()) {
        assertThat(st.execute("SELECT tenant_id FROM t")).isTrue();
      }
    }
  }

}
