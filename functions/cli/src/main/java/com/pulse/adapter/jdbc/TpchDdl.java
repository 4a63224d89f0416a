package com.pulse.adapter.jdbc;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchTable;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The {@code CREATE TABLE} statement of one TPC-H table, shared by {@link TpchJdbcLoader} and
 * {@code TpchDuckDbLoader} so both warehouses get the same names and types: identifiers
 * {@code BIGINT}, integers {@code INTEGER}, dates {@code DATE}, money and quantities
 * {@code DECIMAL(15,2)}, text the caller's type; every column {@code NOT NULL}.
 */
public final class TpchDdl {
  /** Text type of an engine with unbounded strings (DuckDB). */
  public static final String UNBOUNDED_TEXT = "VARCHAR";
  /**
   * Text type every SQL family accepts: the longest TPC-H column, {@code ps_comment}, is 199
   * characters.
   */
  public static final String BOUNDED_TEXT = "VARCHAR(199)";

  private TpchDdl() {}

  /**
   * {@code CREATE TABLE <name> (<column> <type> NOT NULL, ...)} in the generator's column order.
   *
   * @param table the TPC-H table
   * @param textType SQL type of the text columns, e.g. {@link #UNBOUNDED_TEXT} or {@link #BOUNDED_TEXT}
   * @return the statement, unqualified (the connection's default schema)
   * @throws NullPointerException if {@code table} or {@code textType} is null
   */
  public static String createTable(TpchTable<?> table, String textType) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(textType, "textType");
    StringJoiner ddl = new StringJoiner(", ", "CREATE TABLE " + table.getTableName() + " (", ")");
    for (TpchColumn<?> col : table.getColumns()) {
      ddl.add(col.getColumnName() + " " + sqlType(col, textType) + " NOT NULL");
    }
    return ddl.toString();
  }

  private static String sqlType(TpchColumn<?> col, String textType) {
    return switch (col.getType().getBase()) {
      case IDENTIFIER -> "BIGINT";
      case INTEGER -> "INTEGER";
      case DATE -> "DATE";
      case DOUBLE -> "DECIMAL(15,2)";
      case VARCHAR -> textType;
    };
  }
}
