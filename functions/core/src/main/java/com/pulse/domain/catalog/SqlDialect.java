package com.pulse.domain.catalog;

import java.util.Locale;
import java.util.Objects;

/**
 * The SQL dialects a metric's SQL can be written for: the warehouses Pulse runs against. A catalog
 * entry's {@code sql} is either one portable text (run as is on every dialect) or a mapping from
 * {@link #key()} to a text per dialect (see {@link MetricSql}).
 */
public enum SqlDialect {
  /** DuckDB, the local warehouse (CLI, demo, tests). */
  DUCKDB("duckdb"),
  /** The SQL Server family: Azure SQL Database, Fabric Warehouse, Synapse dedicated SQL pools (T-SQL). */
  SQL_SERVER("sqlserver");

  private final String key;

  SqlDialect(String key) {
    this.key = key;
  }

  /** The catalog key of the dialect, e.g. {@code sqlserver}. */
  public String key() {
    return key;
  }

  /**
   * The dialect of a catalog key.
   *
   * @throws IllegalArgumentException naming the key and the allowed keys if it is not one of them
   */
  public static SqlDialect ofKey(String key) {
    for (SqlDialect d : values()) {
      if (d.key.equals(key)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown SQL dialect '" + key + "' (allowed: duckdb, sqlserver)");
  }

  /**
   * The dialect of a JDBC URL: {@code jdbc:sqlserver:} is {@link #SQL_SERVER}, {@code jdbc:duckdb:}
   * is {@link #DUCKDB}.
   *
   * @throws NullPointerException if {@code jdbcUrl} is null
   * @throws IllegalArgumentException if the URL is of another database
   */
  public static SqlDialect ofJdbcUrl(String jdbcUrl) {
    String url = Objects.requireNonNull(jdbcUrl, "jdbcUrl").toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:sqlserver:")) {
      return SQL_SERVER;
    }
    if (url.startsWith("jdbc:duckdb:")) {
      return DUCKDB;
    }
    throw new IllegalArgumentException("warehouse URL must start with jdbc:sqlserver: or jdbc:duckdb:, got "
        + jdbcUrl.split(";")[0]);
  }
}
