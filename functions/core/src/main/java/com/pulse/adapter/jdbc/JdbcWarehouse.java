package com.pulse.adapter.jdbc;

import com.pulse.app.port.DependencyException;
import com.pulse.app.port.QueryResult;
import com.pulse.app.port.Warehouse;
import com.pulse.domain.catalog.SqlDialect;
import com.pulse.domain.window.Window;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Warehouse} over JDBC (DuckDB locally, mssql-jdbc in Azure). Named parameters are rewritten
 * to {@code ?} once per SQL text (cached) and bound as {@link LocalDateTime} in UTC, the JDBC 4.2
 * mapping of {@code TIMESTAMP}, so no driver time-zone conversion applies. One connection per query
 * from the {@link ConnectionSource}. The warehouse's {@link SqlDialect} is given, not guessed, so a
 * metric's SQL text is chosen by configuration (the URL scheme) rather than by the driver. Failures classified by {@link SqlServerTransientErrors} become
 * {@link DependencyException}; others {@link IllegalStateException}. Thread-safe.
 */
public final class JdbcWarehouse implements Warehouse {
  private final ConnectionSource connections;
  private final String name;
  private final SqlDialect dialect;
  private final ConcurrentHashMap<String, NamedParameters> parsed = new ConcurrentHashMap<>();

  /**
   * @param connections connection factory
   * @param name warehouse name for messages (e.g. the host or file, never credentials)
   * @param dialect the SQL dialect of the warehouse
   * @throws NullPointerException if an argument is null
   */
  public JdbcWarehouse(ConnectionSource connections, String name, SqlDialect dialect) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.name = Objects.requireNonNull(name, "name");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  @Override
  public SqlDialect dialect() {
    return dialect;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Uses {@link PreparedStatement#getMetaData()}, which drivers answer without executing: DuckDB
   * from its prepared plan, mssql-jdbc by asking the server to describe the first result set
   * ({@code sp_describe_first_result_set}), H2 from its parsed command.
   */
  @Override
  public QueryResult prepare(String sql) {
    NamedParameters params = parsed.computeIfAbsent(sql, NamedParameters::parse);
    long started = System.nanoTime();
    try (Connection c = connections.open(); PreparedStatement ps = c.prepareStatement(params.jdbcSql())) {
      ResultSetMetaData md = ps.getMetaData();
      if (md == null) {
        throw new IllegalStateException("warehouse " + name + ": the driver cannot describe the query's result");
      }
      List<String> columns = new ArrayList<>();
      Set<String> numeric = new HashSet<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        String label = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
        columns.add(label);
        if (isNumeric(md.getColumnType(i), md.getColumnClassName(i))) {
          numeric.add(label);
        }
      }
      return new QueryResult(columns, numeric, List.of(), System.nanoTime() - started);
    } catch (SQLException e) {
      throw failure("cannot prepare the query", e);
    }
  }

  @Override
  public QueryResult query(String sql, Window window) {
    NamedParameters params = parsed.computeIfAbsent(sql, NamedParameters::parse);
    long started = System.nanoTime();
    try (Connection c = connections.open(); PreparedStatement ps = c.prepareStatement(params.jdbcSql())) {
      for (int i = 0; i < params.names().size(); i++) {
        var at = params.names().get(i).equals("window_start") ? window.start() : window.end();
        ps.setObject(i + 1, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
      }
      try (ResultSet rs = ps.executeQuery()) {
        return read(rs, started);
      }
    } catch (SQLException e) {
      throw failure("query failed", e);
    }
  }

  /** A {@link DependencyException} for a transient failure, else an {@link IllegalStateException}, on one line. */
  private RuntimeException failure(String what, SQLException e) {
    String message = "warehouse " + name + ": " + what + " (SQLState " + e.getSQLState() + ", error "
        + e.getErrorCode() + "): " + firstLine(e.getMessage());
    if (SqlServerTransientErrors.isTransient(e)) {
      return new DependencyException(message, 0, null, e);
    }
    return new IllegalStateException(message, e);
  }

  /** Drivers put the statement and a caret on further lines (DuckDB, H2); one line is the message. */
  private static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }

  private static QueryResult read(ResultSet rs, long started) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<String> columns = new ArrayList<>(n);
    Set<String> numeric = new HashSet<>();
    boolean[] isNumeric = new boolean[n];
    for (int i = 1; i <= n; i++) {
      String label = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
      columns.add(label);
      isNumeric[i - 1] = isNumeric(md.getColumnType(i), md.getColumnClassName(i));
      if (isNumeric[i - 1]) {
        numeric.add(label);
      }
    }
    List<Object[]> rows = new ArrayList<>();
    while (rs.next()) {
      Object[] row = new Object[n];
      for (int i = 0; i < n; i++) {
        Object v = rs.getObject(i + 1);
        row[i] = v == null || v instanceof Number ? v : v.toString();
      }
      rows.add(row);
    }
    return new QueryResult(columns, numeric, rows, System.nanoTime() - started);
  }

  /** Numeric by JDBC type, or by Java class for driver-specific types (DuckDB HUGEINT is a BigInteger). */
  private static boolean isNumeric(int jdbcType, String className) {
    return switch (jdbcType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC, Types.REAL,
          Types.FLOAT, Types.DOUBLE -> true;
      default -> NUMBER_CLASSES.contains(className);
    };
  }

  private static final Set<String> NUMBER_CLASSES = Set.of("java.math.BigInteger", "java.math.BigDecimal",
      "java.lang.Long", "java.lang.Integer", "java.lang.Short", "java.lang.Byte", "java.lang.Double", "java.lang.Float");
}
