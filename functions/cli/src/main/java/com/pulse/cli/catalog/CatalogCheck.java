package com.pulse.cli.catalog;

import com.pulse.app.port.DependencyException;
import com.pulse.app.port.QueryResult;
import com.pulse.app.port.Warehouse;
import com.pulse.domain.catalog.Catalog;
import com.pulse.domain.catalog.CatalogProblem;
import com.pulse.domain.catalog.MetricDefinition;
import com.pulse.domain.catalog.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The checks of a loaded catalog beyond what {@link com.pulse.domain.catalog.CatalogLoader} validates:
 * each metric's SQL Server text against {@link SqlServerDialectCheck}, and optionally each metric's
 * text for a warehouse's dialect prepared on that warehouse, its result columns matched against the
 * catalog's {@code tenant_id}, dimensions and values. Each problem is located at the metric's entry
 * ({@link MetricDefinition#source()}). Stateless and thread-safe.
 */
public final class CatalogCheck {
  private CatalogCheck() {}

  /**
   * The dialect problems of every metric's SQL Server text.
   *
   * @throws NullPointerException if {@code catalog} is null
   */
  public static List<CatalogProblem> dialect(Catalog catalog) {
    List<CatalogProblem> problems = new ArrayList<>();
    for (MetricDefinition m : catalog.metrics()) {
      String key = m.sql().isPortable() ? "sql" : "sql." + SqlDialect.SQL_SERVER.key();
      for (String p : SqlServerDialectCheck.problems(m.sql().text(SqlDialect.SQL_SERVER))) {
        problems.add(at(m, "metric '" + m.name() + "' " + key + ": " + p));
      }
    }
    return problems;
  }

  /**
   * The problems of preparing every metric on {@code warehouse}: SQL the warehouse rejects, a result
   * without {@code tenant_id}, a declared dimension or value column the result lacks, a value column
   * that is not numeric, or (values not listed) no numeric column at all.
   *
   * @param warehouseName how messages name the warehouse (never credentials)
   * @throws NullPointerException if an argument is null
   */
  public static List<CatalogProblem> against(Catalog catalog, Warehouse warehouse, String warehouseName) {
    Objects.requireNonNull(warehouseName, "warehouseName");
    List<CatalogProblem> problems = new ArrayList<>();
    for (MetricDefinition m : catalog.metrics()) {
      String prefix = "metric '" + m.name() + "' on " + warehouseName + " (" + warehouse.dialect().key() + "): ";
      QueryResult shape;
      try {
        shape = warehouse.prepare(m.sql().text(warehouse.dialect()));
      } catch (IllegalStateException | IllegalArgumentException | DependencyException e) {
        problems.add(at(m, prefix + e.getMessage()));
        continue;
      }
      List<String> columns = shape.columns();
      if (!columns.contains("tenant_id")) {
        problems.add(at(m, prefix + "the result has no tenant_id column (columns: " + columns + ")"));
      }
      for (String d : m.dimensions()) {
        if (!columns.contains(d)) {
          problems.add(at(m, prefix + "dimension '" + d + "' is not a result column (columns: " + columns + ")"));
        }
      }
      for (String v : m.values()) {
        if (!columns.contains(v)) {
          problems.add(at(m, prefix + "value '" + v + "' is not a result column (columns: " + columns + ")"));
        } else if (!shape.numericColumns().contains(v)) {
          problems.add(at(m, prefix + "value '" + v + "' is not numeric"));
        }
      }
      if (m.values().isEmpty() && shape.numericColumns().stream()
          .noneMatch(c -> !c.equals("tenant_id") && !m.dimensions().contains(c))) {
        problems.add(at(m, prefix + "the result has no numeric value column"));
      }
    }
    return problems;
  }

  /** A problem at the metric's entry ({@code file:line} of {@link MetricDefinition#source()}). */
  private static CatalogProblem at(MetricDefinition m, String problem) {
    String source = m.source();
    int colon = source.lastIndexOf(':');
    int line = 0;
    String file = source;
    if (colon > 0) {
      try {
        line = Integer.parseInt(source.substring(colon + 1));
        file = source.substring(0, colon);
      } catch (NumberFormatException notALine) {
        // keep the whole source as the file
      }
    }
    return new CatalogProblem(file, line, problem);
  }
}
