package com.pulse.app.port;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Rows of one warehouse query, fully read. Cell values are {@link Number} for numeric columns (as
 * the driver returns them: Long, BigDecimal, Double...), {@link String} for every other non-null
 * value (dates in ISO-8601), or {@code null}. Immutable apart from the row arrays, which callers
 * must not modify.
 *
 * @param columns column labels, lower case, in select order
 * @param numericColumns the labels whose SQL type is numeric (integer, decimal, floating point)
 * @param rows one array per row, cells in {@code columns} order
 * @param elapsedNanos time from sending the query to reading the last row, nanoseconds
 */
public record QueryResult(List<String> columns, Set<String> numericColumns, List<Object[]> rows, long elapsedNanos) {
  /** @throws NullPointerException if a collection is null */
  public QueryResult {
    columns = List.copyOf(columns);
    numericColumns = Set.copyOf(numericColumns);
    Objects.requireNonNull(rows, "rows");
  }
}
