package com.pulse.adapter.jdbc;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * Generates the 8 TPC-H tables (TPC-H specification 3.0.1, clause 1.4) with the {@code io.trino.tpch}
 * generator into any JDBC database through batched {@code INSERT}s: the loader for a remote
 * warehouse (Azure SQL, SQL Server), beside {@code TpchDuckDbLoader}'s DuckDB appender. Same table and
 * column names and types as that loader ({@link TpchDdl}), in DDL both families accept: money and
 * quantities {@code DECIMAL(15,2)} (rounded half-even to cents), text {@code VARCHAR(199)} (the longest
 * TPC-H column, {@code ps_comment}, is 199 characters), in the connection's default schema.
 *
 * <p>For SQL Server, add {@code useBulkCopyForBatchInsert=true} to the URL: mssql-jdbc then sends each
 * batch as one bulk copy. Not thread-safe; one load per connection.
 */
public final class TpchJdbcLoader {
  /** Rows per {@code executeBatch} and commit. */
  public static final int DEFAULT_BATCH_ROWS = 5_000;

  private TpchJdbcLoader() {}

  /** The 8 TPC-H table names, lower case, in {@link TpchTable#getTables()} order. */
  public static List<String> tableNames() {
    return TpchTable.getTables().stream().map(TpchTable::getTableName).toList();
  }

  /**
   * Which of the 8 TPC-H tables already exist in the connection's database (case-insensitive).
   *
   * @return lower-case names, sorted; empty when none exists
   * @throws SQLException if the metadata query fails
   */
  public static List<String> existingTables(Connection connection) throws SQLException {
    Objects.requireNonNull(connection, "connection");
    TreeSet<String> found = new TreeSet<>();
    DatabaseMetaData meta = connection.getMetaData();
    try (ResultSet rs = meta.getTables(connection.getCatalog(), null, "%", new String[] {"TABLE", "BASE TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (tableNames().contains(name)) {
          found.add(name);
        }
      }
    }
    return List.copyOf(found);
  }

  /**
   * Creates and fills the 8 tables; commits every {@code batchRows} rows and restores the
   * connection's auto-commit mode afterwards.
   *
   * @param scaleFactor TPC-H scale factor, e.g. 0.01 (≈ 86,000 rows in all) or 1 (≈ 8.7 M rows)
   * @param batchRows rows per batch, ≥ 1
   * @return rows generated per table, in {@link #tableNames()} order
   * @throws IllegalArgumentException if {@code scaleFactor <= 0} or {@code batchRows < 1}
   * @throws SQLException if the database rejects the DDL or an insert (a table may then be partly filled)
   */
  public static List<Long> load(Connection connection, double scaleFactor, int batchRows) throws SQLException {
    Objects.requireNonNull(connection, "connection");
    if (!(scaleFactor > 0)) {
      throw new IllegalArgumentException("scaleFactor must be > 0: " + scaleFactor);
    }
    if (batchRows < 1) {
      throw new IllegalArgumentException("batchRows must be >= 1: " + batchRows);
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      List<Long> counts = new ArrayList<>();
      for (TpchTable<?> table : TpchTable.getTables()) {
        counts.add(loadTable(connection, table, scaleFactor, batchRows));
      }
      return counts;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static <E extends TpchEntity> long loadTable(Connection c, TpchTable<E> table, double sf, int batchRows)
      throws SQLException {
    List<TpchColumn<E>> columns = table.getColumns();
    StringJoiner names = new StringJoiner(", ");
    StringJoiner marks = new StringJoiner(", ");
    for (TpchColumn<E> col : columns) {
      names.add(col.getColumnName());
      marks.add("?");
    }
    try (Statement s = c.createStatement()) {
      s.execute(TpchDdl.createTable(table, TpchDdl.BOUNDED_TEXT));
    }
    c.commit();
    long rows = 0;
    String insert = "INSERT INTO " + table.getTableName() + " (" + names + ") VALUES (" + marks + ")";
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      for (E row : table.createGenerator(sf, 1, 1)) {
        for (int i = 0; i < columns.size(); i++) {
          bind(ps, i + 1, columns.get(i), row);
        }
        ps.addBatch();
        if (++rows % batchRows == 0) {
          ps.executeBatch();
          c.commit();
        }
      }
      ps.executeBatch();
      c.commit();
    }
    return rows;
  }

  private static <E extends TpchEntity> void bind(PreparedStatement ps, int index, TpchColumn<E> col, E row)
      throws SQLException {
    switch (col.getType().getBase()) {
      case IDENTIFIER -> ps.setLong(index, col.getIdentifier(row));
      case INTEGER -> ps.setInt(index, col.getInteger(row));
      case DATE -> ps.setObject(index, LocalDate.ofEpochDay(col.getDate(row)));
      case DOUBLE -> ps.setBigDecimal(index, BigDecimal.valueOf(col.getDouble(row)).setScale(2, RoundingMode.HALF_EVEN));
      case VARCHAR -> ps.setString(index, col.getString(row));
      default -> throw new IllegalStateException("unknown TPC-H column type " + col.getType());
    }
  }
}
