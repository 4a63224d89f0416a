package com.pulse.adapter.local;

import com.pulse.adapter.jdbc.TpchDdl;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Generates the 8 TPC-H tables (TPC-H specification 3.0.1, clause 1.4) with the {@code io.trino.tpch}
 * generator into a DuckDB file, through DuckDB's appender. Standard column names ({@code l_orderkey},
 * {@code o_orderdate}...) and the types of {@link TpchDdl}, text {@code VARCHAR}. Local mode only
 * (DuckDB and the generator are not in the function package). Not thread-safe; one load per file.
 */
public final class TpchDuckDbLoader {
  private TpchDuckDbLoader() {}

  /**
   * Creates {@code file} with TPC-H at {@code scaleFactor}; the file must not exist yet (a partial
   * file is deleted on failure).
   *
   * @param scaleFactor TPC-H scale factor, e.g. 0.01 (≈ 10 MB of data) or 1 (≈ 1 GB, 6 M line items)
   * @return rows generated per table, in {@link TpchTable#getTables()} order
   * @throws IllegalArgumentException if {@code scaleFactor <= 0} or the file exists
   * @throws IllegalStateException if DuckDB fails
   */
  public static List<Long> load(Path file, double scaleFactor) {
    Objects.requireNonNull(file, "file");
    if (!(scaleFactor > 0)) {
      throw new IllegalArgumentException("scaleFactor must be > 0: " + scaleFactor);
    }
    if (Files.exists(file)) {
      throw new IllegalArgumentException("warehouse file already exists: " + file);
    }
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath())) {
        return loadInto((DuckDBConnection) c, scaleFactor);
      }
    } catch (SQLException | RuntimeException e) {
      deleteQuietly(file);
      throw new IllegalStateException("cannot generate TPC-H SF " + scaleFactor + " into " + file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory of " + file, e);
    }
  }

  /**
   * Creates and fills the 8 tables in an open DuckDB connection (e.g. an in-memory database).
   *
   * @return rows per table
   * @throws SQLException if DuckDB fails
   */
  public static List<Long> loadInto(DuckDBConnection connection, double scaleFactor) throws SQLException {
    List<Long> counts = new java.util.ArrayList<>();
    for (TpchTable<?> table : TpchTable.getTables()) {
      counts.add(loadTable(connection, table, scaleFactor));
    }
    return counts;
  }

  private static <E extends TpchEntity> long loadTable(DuckDBConnection c, TpchTable<E> table, double sf)
      throws SQLException {
    List<TpchColumn<E>> columns = table.getColumns();
    try (Statement s = c.createStatement()) {
      s.execute(TpchDdl.createTable(table, TpchDdl.UNBOUNDED_TEXT));
    }
    long rows = 0;
    try (DuckDBAppender appender = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table.getTableName())) {
      for (E row : table.createGenerator(sf, 1, 1)) {
        appender.beginRow();
        for (TpchColumn<E> col : columns) {
          switch (col.getType().getBase()) {
            case IDENTIFIER -> appender.append(col.getIdentifier(row));
            case INTEGER -> appender.append(col.getInteger(row));
            case DATE -> appender.append(LocalDate.ofEpochDay(col.getDate(row)).toString());
            case DOUBLE -> appender.append(col.getDouble(row));
            case VARCHAR -> appender.append(col.getString(row));
            default -> throw new IllegalStateException("unknown TPC-H column type " + col.getType());
          }
        }
        appender.endRow();
        rows++;
      }
    }
    return rows;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(Path.of(file + ".wal"));
    } catch (IOException ignored) {
      // best effort: the original failure is what the caller needs
    }
  }
}
