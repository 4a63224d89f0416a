package com.pulse.app.notify;

import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.notify.Evaluation;
import com.pulse.domain.notify.SloEvaluator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Use case run after a warehouse-metrics run: checks the points the run wrote against their SLOs,
 * tenant by tenant ({@link SloEvaluator}), and sends the deduplicated digest
 * ({@link NotifyCustomerEngineers}). Only points of each metric's newest window in the run are
 * checked: a series (tenant, dimensions) without a point in that window is not checked, so an old
 * breach of a series that stopped reporting is never announced as new, and an open one closes as
 * no data after the silence limit. Series the run did not compute are left as they are. Not
 * thread-safe (one run at a time).
 */
public final class NotifySloBreaches {
  private final SloEvaluator evaluator;
  private final NotifyCustomerEngineers notify;

  /** @throws NullPointerException if an argument is null */
  public NotifySloBreaches(SloEvaluator evaluator, NotifyCustomerEngineers notify) {
    this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    this.notify = Objects.requireNonNull(notify, "notify");
  }

  /**
   * @param points the points written by the run, any tenants (empty sends nothing)
   * @throws com.pulse.app.port.DependencyException if the store or mail service fails transiently
   * @throws IllegalStateException if the mail service rejects a digest
   */
  public NotifyCustomerEngineers.Result afterRun(Collection<MetricPoint> points) {
    Map<String, java.time.Instant> newest = new java.util.HashMap<>();
    points.forEach(p -> newest.merge(p.metric(), p.windowStart(), (a, b) -> a.isAfter(b) ? a : b));
    Map<String, List<MetricPoint>> byTenant = new TreeMap<>();
    points.stream().filter(p -> p.windowStart().equals(newest.get(p.metric())))
        .forEach(p -> byTenant.computeIfAbsent(p.tenantId(), t -> new ArrayList<>()).add(p));
    List<Evaluation> evaluations = new ArrayList<>();
    byTenant.forEach((tenant, tenantPoints) -> evaluations.add(evaluator.evaluate(tenant, tenantPoints)));
    return notify.run(evaluations);
  }
}
