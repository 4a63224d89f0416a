package com.pulse.app;

import com.pulse.app.port.QueryResult;
import com.pulse.domain.catalog.MetricDefinition;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.metric.internal.PointIdHasher;
import com.pulse.domain.metric.internal.SortedArrayMap;
import com.pulse.domain.window.Window;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the rows of one metric query into metric points: one point per row, keyed by
 * {@code tenant_id} and the metric's dimension columns; values are the catalog's {@code values}
 * columns or, when none are listed, every numeric column that is not {@code tenant_id} or a
 * dimension. A SQL NULL value is left out of the point. Stateless and thread-safe.
 */
final class PointAssembler {
  private PointAssembler() {}

  /**
   * @return points in row order
   * @throws IllegalStateException naming the metric if a required column is missing, a value column
   *     is not numeric or a row has a NULL {@code tenant_id}
   */
  static List<MetricPoint> assemble(MetricDefinition metric, Window window, QueryResult result, Instant computedAt,
      String runId) {
    List<String> columns = result.columns();
    int tenant = indexOf(metric, columns, "tenant_id");
    int[] dims = metric.dimensions().stream().mapToInt(d -> indexOf(metric, columns, d)).toArray();
    List<String> valueNames = metric.values().isEmpty()
        ? columns.stream().filter(c -> result.numericColumns().contains(c) && !c.equals("tenant_id")
            && !metric.dimensions().contains(c)).toList()
        : metric.values();
    int[] vals = valueNames.stream().mapToInt(v -> indexOf(metric, columns, v)).toArray();
    for (String v : valueNames) {
      if (!result.numericColumns().contains(v)) {
        throw new IllegalStateException("metric " + metric.name() + ": value column '" + v + "' is not numeric");
      }
    }
    List<MetricPoint> points = new ArrayList<>(result.rows().size());
    PointIdHasher ids = new PointIdHasher(metric.name(), window.start());
    // key arrays sorted once per window and shared by every point; cells go through reused scratch arrays
    SortedArrayMap.Keys dimensionKeys = SortedArrayMap.Keys.of(metric.dimensions());
    SortedArrayMap.Keys valueKeys = SortedArrayMap.Keys.of(valueNames);
    Object[] dimensionCells = new Object[dims.length];
    Object[] valueCells = new Object[vals.length];
    for (Object[] row : result.rows()) {
      if (row[tenant] == null) {
        throw new IllegalStateException("metric " + metric.name() + ": a row has a NULL tenant_id");
      }
      for (int i = 0; i < dims.length; i++) {
        dimensionCells[i] = text(row[dims[i]]);
      }
      for (int i = 0; i < vals.length; i++) {
        Object v = row[vals[i]];
        // NULL: absent from the map; a Double cell (DOUBLE columns) is kept as it is, not re-boxed
        valueCells[i] = v == null || v instanceof Double ? v : (Object) ((Number) v).doubleValue();
      }
      SortedArrayMap<String> dimensions = dimensionKeys.map(dimensionCells);
      SortedArrayMap<Double> values = valueKeys.map(valueCells);
      String tenantId = text(row[tenant]);
      // what MetricPoint.create does, with the id hasher reused across rows; the record keeps the
      // immutable maps as they are (no copy)
      points.add(new MetricPoint(ids.idOf(tenantId, dimensions), metric.name(),
          tenantId, dimensions, window.start(), window.end(), values, metric.unit(), computedAt, runId));
    }
    return points;
  }

  private static int indexOf(MetricDefinition metric, List<String> columns, String column) {
    int i = columns.indexOf(column);
    if (i < 0) {
      throw new IllegalStateException("metric " + metric.name() + ": result has no column '" + column
          + "' (columns: " + columns + ")");
    }
    return i;
  }

  /** Canonical text of a key cell: integral numbers without a fraction ({@code 42}, not {@code 42.0}). */
  private static String text(Object cell) {
    if (cell == null) {
      return "";
    }
    if (cell instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    if (cell instanceof Double || cell instanceof Float) {
      double d = ((Number) cell).doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
    return cell.toString();
  }
}
