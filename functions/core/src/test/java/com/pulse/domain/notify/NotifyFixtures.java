package com.pulse.domain.notify;

import com.pulse.domain.catalog.MetricDefinition;
import com.pulse.domain.catalog.MetricSql;
import com.pulse.domain.catalog.Slo;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.window.WindowPeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Catalog entries and points shared by the notification tests. */
public final class NotifyFixtures {
  private NotifyFixtures() {}

  /** Daily on-time rate, SLO {@code rate >= 0.9}, severity 1, owned by Ana. */
  public static final MetricDefinition ON_TIME = new MetricDefinition("on_time_rate", "On-time delivery",
      "Share of orders shipped by the commit date", "ratio", WindowPeriod.DAY, "0 15 1 * * *",
      Duration.ofHours(1), MetricSql.portable("select 1"), List.of("region"), List.of("rate"),
      new Slo(Slo.Op.GE, 0.9, "rate", 1), List.of("Ana@Example.com"), "catalog/metrics.yaml:12");

  /** Hourly open tickets, SLO {@code open < 100}, owned by Bo. */
  public static final MetricDefinition TICKETS = new MetricDefinition("open_tickets", "Open tickets",
      "Support tickets not closed", "count", WindowPeriod.HOUR, "0 5 * * * *", Duration.ZERO, MetricSql.portable("select 1"),
      List.of(), List.of("open"), new Slo(Slo.Op.LT, 100, "open", 2), List.of("bo@example.com"),
      "catalog/metrics.yaml:30");

  /** Monthly revenue, no SLO, no owners. */
  public static final MetricDefinition REVENUE = new MetricDefinition("revenue", "Revenue", "Billed revenue",
      "currency", WindowPeriod.MONTH, "0 0 2 * * *", Duration.ofDays(1), MetricSql.portable("select 1"), List.of(),
      List.of("amount"), null, List.of(), "catalog/metrics.yaml:44");

  /** The three metrics by name. */
  public static final Map<String, MetricDefinition> CATALOG =
      Map.of(ON_TIME.name(), ON_TIME, TICKETS.name(), TICKETS, REVENUE.name(), REVENUE);

  /** A daily on-time point of {@code tenant} in {@code region} for the day starting at {@code day}. */
  public static MetricPoint onTime(String tenant, String region, Instant day, double rate) {
    return MetricPoint.create(ON_TIME.name(), tenant, Map.of("region", region), day, day.plus(Duration.ofDays(1)),
        Map.of("rate", rate), "ratio", day.plus(Duration.ofHours(26)), "run-1");
  }

  /** An hourly open-tickets point. */
  public static MetricPoint tickets(String tenant, Instant hour, double open) {
    return MetricPoint.create(TICKETS.name(), tenant, Map.of(), hour, hour.plus(Duration.ofHours(1)),
        Map.of("open", open), "count", hour.plus(Duration.ofMinutes(65)), "run-1");
  }
}
