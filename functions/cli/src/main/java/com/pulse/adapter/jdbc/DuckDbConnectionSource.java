package com.pulse.adapter.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import org.duckdb.DuckDBConnection;

/**
 * Connections to one embedded DuckDB database (local mode only; DuckDB is not in the function
 * package). Keeps one root connection open for the life of the source and hands out
 * {@link DuckDBConnection#duplicate()}s, which share the database instance, so a query does not pay
 * for opening the file. Thread-safe; {@link #close()} releases the database.
 */
public final class DuckDbConnectionSource implements ConnectionSource, AutoCloseable {
  private final DuckDBConnection root;

  /**
   * @param jdbcUrl {@code jdbc:duckdb:<file>} (or {@code jdbc:duckdb:} for in-memory)
   * @param readOnly open the file read-only (several processes may then read it)
   * @throws SQLException if DuckDB cannot open the database
   */
  public DuckDbConnectionSource(String jdbcUrl, boolean readOnly) throws SQLException {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    java.util.Properties props = new java.util.Properties();
    if (readOnly) {
      props.setProperty("duckdb.read_only", "true");
    }
    this.root = (DuckDBConnection) DriverManager.getConnection(jdbcUrl, props);
  }

  /**
   * Opens the local DuckDB warehouse at {@code url} for the metric engine. A file is opened read-only
   * (the engine only queries it, and DuckDB would otherwise create an empty database for a mistyped
   * path); an absent file is bad input, named with how to create it. {@code jdbc:duckdb:} alone is an
   * in-memory database.
   *
   * @param url {@code jdbc:duckdb:<file>} or {@code jdbc:duckdb:}
   * @throws IllegalArgumentException if the file does not exist
   * @throws IllegalStateException if DuckDB cannot open it
   */
  public static DuckDbConnectionSource openWarehouse(String url) {
    String file = url.substring("jdbc:duckdb:".length());
    boolean inMemory = file.isEmpty() || file.startsWith(":memory:");
    if (!inMemory && !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(file))) {
      throw new IllegalArgumentException("cannot open " + url + ": no such file; create it with `demo` or "
          + "`warehouse init --path FILE`, or set WAREHOUSE_JDBC_URL");
    }
    try {
      return new DuckDbConnectionSource(url, !inMemory);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the DuckDB warehouse " + url + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Connection open() throws SQLException {
    return root.duplicate();
  }

  @Override
  public void close() throws SQLException {
    root.close();
  }
}
