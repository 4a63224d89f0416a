package com.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.pulse.adapter.local.InMemoryMetricStore;
import com.pulse.app.TpchFixture.Line;
import com.pulse.domain.catalog.Catalog;
import com.pulse.domain.catalog.CatalogLoader;
import com.pulse.domain.catalog.MetricDefinition;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.window.Window;
import com.pulse.domain.window.WindowPlanner;
import io.trino.tpch.Order;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample catalog metric, run by the engine on TPC-H SF 0.01 in DuckDB, equals an independent
 * computation in Java over the generator's rows (no SQL), for the demo's newest window and for a
 * window in 1995 (when TPC-H still flags returns).
 */
class SampleCatalogTest {
  private static final Catalog CATALOG = CatalogLoader.loadResource(CatalogLoader.DEFAULT_RESOURCE);
  private static final Instant DEMO_AS_OF = Instant.parse("1998-08-02T00:00:00Z");
  private static final Instant EARLY_AS_OF = Instant.parse("1995-04-20T00:00:00Z");
  private static TpchFixture tpch;

  @BeforeAll
  static void load() throws Exception {
    tpch = TpchFixture.get();
  }

  static List<String> metrics() {
    return CATALOG.names();
  }

  @Test
  void everySampleMetricHasAnIndependentComputation() {
    assertThat(CATALOG.names()).allSatisfy(name -> assertThat(expected(name, new Window(
        Instant.parse("1995-01-01T00:00:00Z"), Instant.parse("1995-04-01T00:00:00Z")))).isNotNull());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("metrics")
  void metricMatchesJavaComputation(String name) {
    MetricDefinition metric = CATALOG.metric(name).orElseThrow();
    int nonEmptyWindows = 0;
    for (Instant asOf : List.of(DEMO_AS_OF, EARLY_AS_OF)) {
      Window window = WindowPlanner.latestClosed(metric.window(), metric.settle(), asOf);
      Map<String, Map<String, Double>> expected = expected(name, window);
      Map<String, Map<String, Double>> actual = computed(metric, window);
      assertThat(actual.keySet()).as("%s %s tenants/dimensions", name, window).isEqualTo(expected.keySet());
      expected.forEach((key, values) -> {
        assertThat(actual.get(key).keySet()).as("%s %s", name, key).isEqualTo(values.keySet());
        values.forEach((column, v) -> assertThat(actual.get(key).get(column))
            .as("%s %s %s %s", name, window, key, column).isCloseTo(v, within(Math.abs(v) * 1e-9 + 1e-9)));
      });
      nonEmptyWindows += expected.isEmpty() ? 0 : 1;
    }
    assertThat(nonEmptyWindows).as("%s has data in at least one checked window", name).isPositive();
  }

  private static Map<String, Map<String, Double>> computed(MetricDefinition metric, Window window) {
    InMemoryMetricStore store = new InMemoryMetricStore();
    MetricRunner runner = MetricRunner.builder(CATALOG, tpch.warehouse, store, new RecordingExport())
        .sleeper(d -> { }).maxCatchUpWindows(10).runIds(() -> "test-run").build();
    RunSummary summary = runner.run(Map.of(metric, List.of(window)));
    assertThat(summary.metricsFailed()).as(summary.outcomes().toString()).isZero();
    Map<String, Map<String, Double>> out = new HashMap<>();
    for (MetricPoint p : store.allPoints()) {
      assertThat(p.windowStart()).isEqualTo(window.start());
      assertThat(out.put(p.tenantId() + "|" + p.dimensions(), p.values())).as("one point per key").isNull();
    }
    return out;
  }

  // ---- independent computations over the generator rows ----

  private static Map<String, Map<String, Double>> expected(String metric, Window w) {
    int from = day(w.start());
    int to = day(w.end());
    Predicate<Integer> in = d -> d >= from && d < to;
    Agg agg = new Agg();
    switch (metric) {
      case "order_count" -> {
        for (Order o : tpch.orders) {
          if (in.test(o.getOrderDate())) {
            agg.add(o.getCustomerKey(), Map.of("order_priority", o.getOrderPriority()), "orders", 1);
          }
        }
      }
      case "net_revenue" -> {
        Map<String, java.util.Set<Long>> orderKeys = new HashMap<>();
        for (Line l : tpch.lines) {
          if (in.test(l.orderDate())) {
            Map<String, String> dims = Map.of("market_segment", l.segment());
            agg.add(l.customer(), dims, "net_revenue", l.price() * (1 - l.discount()));
            orderKeys.computeIfAbsent(Agg.key(l.customer(), dims), k -> new java.util.HashSet<>()).add(l.orderKey());
          }
        }
        orderKeys.forEach((k, keys) -> agg.sums.get(k).put("orders", (double) keys.size()));
      }
      case "on_time_delivery_rate" -> {
        for (Line l : tpch.lines) {
          if (in.test(l.receiptDate())) {
            Map<String, String> dims = Map.of("nation", l.nation());
            agg.add(l.customer(), dims, "on_time_rate", l.receiptDate() <= l.commitDate() ? 1 : 0);
            agg.add(l.customer(), dims, "delivered_lines", 1);
          }
        }
        agg.divide("on_time_rate", "delivered_lines");
      }
      case "late_line_items" -> {
        for (Line l : tpch.lines) {
          if (in.test(l.receiptDate()) && l.receiptDate() > l.commitDate()) {
            agg.add(l.customer(), Map.of(), "late_lines", 1);
          }
        }
      }
      case "return_rate" -> {
        for (Line l : tpch.lines) {
          if (in.test(l.receiptDate())) {
            agg.add(l.customer(), Map.of(), "return_rate", l.returnFlag().equals("R") ? 1 : 0);
            agg.add(l.customer(), Map.of(), "received_lines", 1);
          }
        }
        agg.divide("return_rate", "received_lines");
      }
      case "revenue_lost_to_returns" -> {
        for (Line l : tpch.lines) {
          if (in.test(l.receiptDate()) && l.returnFlag().equals("R")) {
            agg.add(l.customer(), Map.of(), "lost_revenue", l.price() * (1 - l.discount()));
          }
        }
      }
      case "ship_lead_time_days" -> {
        for (Line l : tpch.lines) {
          if (in.test(l.shipDate())) {
            Map<String, String> dims = Map.of("ship_mode", l.shipMode());
            agg.add(l.customer(), dims, "avg_lead_days", l.shipDate() - l.orderDate());
            agg.add(l.customer(), dims, "shipped_lines", 1);
          }
        }
        agg.divide("avg_lead_days", "shipped_lines");
      }
      case "open_order_backlog" -> {
        for (Line l : tpch.lines) {
          if (l.orderDate() < to && l.shipDate() >= to) {
            Map<String, String> dims = Map.of("order_priority", l.priority());
            agg.add(l.customer(), dims, "open_lines", 1);
            agg.add(l.customer(), dims, "open_value", l.price() * (1 - l.discount()));
          }
        }
      }
      case "discount_rate" -> {
        for (Line l : tpch.lines) {
          if (in.test(l.orderDate())) {
            agg.add(l.customer(), Map.of(), "discount_rate", l.price() * l.discount());
            agg.add(l.customer(), Map.of(), "gross", l.price());
          }
        }
        agg.divide("discount_rate", "gross");
        agg.sums.values().forEach(v -> v.remove("gross"));
      }
      default -> throw new AssertionError("no independent computation for metric " + metric);
    }
    return agg.sums;
  }

  private static int day(Instant instant) {
    return (int) instant.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
  }

  /** Sums per (tenant, dimensions) key, in the engine's key form {@code tenant|{dim=value}}. */
  private static final class Agg {
    final Map<String, Map<String, Double>> sums = new HashMap<>();

    static String key(long tenant, Map<String, String> dims) {
      return tenant + "|" + new TreeMap<>(dims);
    }

    void add(long tenant, Map<String, String> dims, String column, double value) {
      sums.computeIfAbsent(key(tenant, dims), k -> new TreeMap<>()).merge(column, value, Double::sum);
    }

    void divide(String numerator, String denominator) {
      sums.values().forEach(v -> v.put(numerator, v.get(numerator) / v.get(denominator)));
    }
  }
}
