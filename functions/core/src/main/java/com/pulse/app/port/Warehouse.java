package com.pulse.app.port;

import com.pulse.domain.catalog.SqlDialect;
import com.pulse.domain.window.Window;

/**
 * The data warehouse the metric catalog runs against (Azure SQL / Fabric warehouse / Synapse in
 * Azure, DuckDB locally). One call runs one metric query for one window, for all tenants.
 *
 * <p>The SQL uses the named parameters {@code :window_start} and {@code :window_end}, bound as JDBC
 * {@code TIMESTAMP}s (UTC wall-clock) of the window's start and end. Implementations are
 * thread-safe.
 */
public interface Warehouse {

  /** The SQL dialect the warehouse speaks: which of a metric's texts it runs. */
  SqlDialect dialect();

  /**
   * Prepares (parses, binds and plans, without running) a metric query and describes its result:
   * the columns it would return and which are numeric, with no rows. On the SQL Server family this
   * compiles the statement on the server; names of tables, columns and functions are checked.
   *
   * @param sql query text with {@code :window_start} / {@code :window_end} parameters
   * @return the result columns, {@code rows} empty, {@code elapsedNanos} the time to prepare
   * @throws DependencyException if the failure is transient
   * @throws IllegalArgumentException if the SQL uses an unknown parameter
   * @throws IllegalStateException if the warehouse rejects the query (syntax, missing table or column)
   */
  QueryResult prepare(String sql);

  /**
   * Runs a metric query.
   *
   * @param sql query text with {@code :window_start} / {@code :window_end} parameters
   * @param window the half-open window bound to the parameters
   * @return every row, fully read; column names lower case
   * @throws DependencyException if the failure is transient (throttling, failover, deadlock victim,
   *     dropped connection) and the same query may succeed when retried
   * @throws IllegalArgumentException if the SQL uses an unknown parameter
   * @throws IllegalStateException if the query failed for good (syntax, missing table, permission)
   */
  QueryResult query(String sql, Window window);
}
