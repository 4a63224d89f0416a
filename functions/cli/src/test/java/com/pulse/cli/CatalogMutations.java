package com.pulse.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Mutations of the packaged catalog, each a text replacement, sorted by where the problem shows:
 * at load ({@link Kind#LOAD}), in the T-SQL dialect check ({@link Kind#DIALECT}), or only when the
 * SQL meets a warehouse ({@link Kind#WAREHOUSE}, all on {@code order_count}).
 */
final class CatalogMutations {
  private CatalogMutations() {}

  /** Where a mutation's problem is found. */
  enum Kind { LOAD, DIALECT, WAREHOUSE }

  /**
   * One mutation: replace the first {@code from} by {@code to}.
   *
   * @param name file name of the mutated catalog
   */
  record Mutation(String name, Kind kind, String from, String to) {
    String apply(String catalog) {
      int at = catalog.indexOf(from);
      if (at < 0) {
        throw new IllegalStateException("mutation " + name + ": '" + from + "' is not in the catalog");
      }
      return catalog.substring(0, at) + to + catalog.substring(at + from.length());
    }
  }

  private static final String ORDER_SQL = """
          sql: |
            SELECT o_custkey AS tenant_id, o_orderpriority AS order_priority, COUNT(*) AS orders
            FROM orders
            WHERE o_orderdate >= :window_start AND o_orderdate < :window_end
            GROUP BY o_custkey, o_orderpriority
      """;

  static final List<Mutation> ALL = build();

  private static List<Mutation> build() {
    List<Mutation> all = new ArrayList<>();
    // ---- found at load ----
    for (String line : List.of("    title: Orders placed\n",
        "    description: Orders a customer placed in the window, by order priority.\n", "    unit: count\n",
        "    window: P1D\n", "    schedule: \"0 10 0 * * *\"\n")) {
      all.add(load("missing-" + line.strip().split(":")[0], line, ""));
    }
    all.add(load("missing-name", "  - name: order_count\n    title", "  - title"));
    all.add(load("missing-sql", ORDER_SQL, ""));
    all.add(load("unknown-key", "    unit: count\n", "    unit: count\n    colour: red\n"));
    all.add(load("key-twice", "    unit: count\n", "    unit: count\n    unit: ratio\n"));
    all.add(load("window-2-weeks", "window: P1D", "window: P2W"));
    all.add(load("window-zero", "window: P1D", "window: P0D"));
    all.add(load("window-empty", "window: P1D", "window: \"\""));
    all.add(load("schedule-5-fields", "schedule: \"0 10 0 * * *\"", "schedule: \"10 0 * * *\""));
    all.add(load("schedule-hour-25", "schedule: \"0 10 0 * * *\"", "schedule: \"0 10 25 * * *\""));
    all.add(load("schedule-never", "schedule: \"0 10 0 * * *\"", "schedule: \"0 0 0 30 2 *\""));
    all.add(load("schedule-leap-day", "schedule: \"0 10 0 * * *\"", "schedule: \"0 0 0 29 2 *\""));
    all.add(load("schedule-number", "schedule: \"0 10 0 * * *\"", "schedule: 5"));
    all.add(load("settle-forever", "settle: P7D", "settle: P999999999D"));
    all.add(load("settle-negative", "settle: P7D", "settle: PT-1H"));
    all.add(load("settle-text", "settle: P7D", "settle: a week"));
    all.add(load("settle-months", "settle: P7D", "settle: P1M"));
    all.add(load("name-5000", "name: order_count", "name: " + "o".repeat(5000)));
    all.add(load("name-129", "name: order_count", "name: " + "o".repeat(129)));
    all.add(load("name-upper", "name: order_count", "name: OrderCount"));
    all.add(load("name-dash", "name: order_count", "name: order-count"));
    all.add(load("duplicate-name", "name: net_revenue", "name: order_count"));
    all.add(load("metrics-empty", "metrics:\n", "metrics: []\nold:\n"));
    all.add(load("values-empty", "values: [orders]", "values: []"));
    all.add(load("values-not-list", "values: [orders]", "values: orders"));
    all.add(load("value-is-dimension", "values: [orders]", "values: [order_priority]"));
    all.add(load("tenant-dimension", "dimensions: [order_priority]", "dimensions: [tenant_id]"));
    all.add(load("dimension-upper", "dimensions: [order_priority]", "dimensions: [OrderPriority]"));
    all.add(load("dimension-twice", "dimensions: [order_priority]", "dimensions: [order_priority, order_priority]"));
    all.add(load("slo-op", "{op: \">=\", target: 0.5", "{op: \"==\", target: 0.5"));
    all.add(load("slo-severity", "value: on_time_rate, severity: 2}", "value: on_time_rate, severity: 7}"));
    all.add(load("slo-value", "value: on_time_rate, severity: 2}", "value: lateness, severity: 2}"));
    all.add(load("slo-missing-target", "{op: \">=\", target: 0.5, ", "{op: \">=\", "));
    all.add(load("slo-text", "slo: {op: \">=\", target: 0.5, value: on_time_rate, severity: 2}", "slo: high"));
    all.add(load("slo-unknown-key", "value: on_time_rate, severity: 2}", "value: on_time_rate, severity: 2, page: yes}"));
    all.add(load("owner-not-email", "owners: [ce-orders@example.com]", "owners: [orders team]"));
    all.add(load("owners-not-list", "owners: [ce-orders@example.com]", "owners: ce-orders@example.com"));
    all.add(load("sql-no-tenant", "SELECT o_custkey AS tenant_id, o_orderpriority", "SELECT o_custkey AS customer, o_orderpriority"));
    all.add(load("sql-list", ORDER_SQL, "    sql: [a, b]\n"));
    all.add(load("sql-unknown-dialect", "      duckdb: |", "      oracle: |"));
    all.add(load("sql-one-dialect", "    sql:\n      duckdb: |", "    sql:\n      sqlserver2: |"));
    all.add(load("yaml-tab", "    title: Orders placed", "\ttitle: Orders placed"));
    all.add(load("yaml-unclosed-list", "dimensions: [order_priority]", "dimensions: [order_priority"));
    all.add(load("yaml-bad-indent", "    title: Orders placed", "      title: Orders placed\n   x"));
    all.add(load("top-level-unknown", "metrics:\n", "version: 1\nmetrics:\n"));
    all.add(load("entry-not-mapping", "metrics:\n", "metrics:\n  - just a string\n"));
    all.add(load("metrics-not-list", "metrics:\n", "metrics: all\nrest:\n"));
    all.add(load("title-list", "title: Orders placed", "title: [a, b]"));
    all.add(load("unit-empty", "unit: count", "unit: \"\""));
    all.add(load("description-number", "description: Orders a customer placed in the window, by order priority.",
        "description: 5"));
    // ---- found by the T-SQL dialect check ----
    all.add(dialect("cast-double", "AS DOUBLE PRECISION)) AS on_time_rate", "AS DOUBLE)) AS on_time_rate"));
    all.add(dialect("datediff-quoted", "DATEDIFF(day, o.o_orderdate", "DATEDIFF('day', o.o_orderdate"));
    all.add(dialect("duckdb-function", "DATEDIFF(day, o.o_orderdate, l.l_shipdate)",
        "date_diff('day', o.o_orderdate, l.l_shipdate)"));
    all.add(dialect("limit", "GROUP BY o_custkey, o_orderpriority\n", "GROUP BY o_custkey, o_orderpriority\n      LIMIT 100\n"));
    all.add(dialect("colon-cast", "COUNT(*) AS orders\n", "COUNT(*)::BIGINT AS orders\n"));
    all.add(dialect("ilike", "AND l.l_returnflag = 'R'", "AND l.l_returnflag ILIKE 'r'"));
    all.add(dialect("unknown-parameter", "o_orderdate < :window_end", "o_orderdate < :window_middle"));
    all.add(dialect("syntax", "GROUP BY o_custkey, o_orderpriority", "GROUP o_custkey, o_orderpriority"));
    all.add(dialect("qualify", "GROUP BY o_custkey, o_orderpriority\n",
        "GROUP BY o_custkey, o_orderpriority\n      QUALIFY COUNT(*) > 0\n"));
    all.add(dialect("boolean-literal", "WHERE o_orderdate >= :window_start", "WHERE true AND o_orderdate >= :window_start"));
    // ---- found only against a warehouse ----
    all.add(warehouse("missing-table", "      FROM orders\n      WHERE o_orderdate", "      FROM order_lines\n      WHERE o_orderdate"));
    all.add(warehouse("missing-column", "o_orderpriority AS order_priority, COUNT(*)", "o_priority AS order_priority, COUNT(*)"));
    all.add(warehouse("value-not-returned", "values: [orders]", "values: [order_total]"));
    all.add(warehouse("dimension-not-returned", "dimensions: [order_priority]", "dimensions: [priority]"));
    all.add(warehouse("value-not-numeric", "COUNT(*) AS orders\n", "CAST(COUNT(*) AS VARCHAR(10)) AS orders\n"));
    return List.copyOf(all);
  }

  private static Mutation load(String name, String from, String to) {
    return new Mutation(name, Kind.LOAD, from, to);
  }

  private static Mutation dialect(String name, String from, String to) {
    return new Mutation(name, Kind.DIALECT, from, to);
  }

  private static Mutation warehouse(String name, String from, String to) {
    return new Mutation(name, Kind.WAREHOUSE, from, to);
  }
}
