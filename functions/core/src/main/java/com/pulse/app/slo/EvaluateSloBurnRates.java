package com.pulse.app.slo;

import com.pulse.app.notify.NotifyCustomerEngineers;
import com.pulse.app.port.WindowStore;
import com.pulse.domain.notify.Evaluation;
import com.pulse.domain.notify.Finding;
import com.pulse.domain.slo.BurnRateEvaluator;
import com.pulse.domain.slo.BurnRateRule;
import com.pulse.domain.slo.SloStatus;
import com.pulse.domain.tenant.Tenant;
import com.pulse.domain.tenant.TenantDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Use case of the {@code SloBurnRates} timer (and of {@code pulse demo}): evaluates every telemetry
 * SLO of every tenant of the tenants file (plus any given tenants, which get their tier's or the
 * default tier's SLOs) at the clock's current minute, tenant by tenant ({@link TenantSloReader}).
 *
 * <p>Then: every status goes to the {@link SloObserver} (the burn-rate gauge that the fast-burn
 * Azure Monitor alert pages on); findings of the non-paging rules go into the owning customer
 * engineer's digest ({@link NotifyCustomerEngineers}); findings of the paging rules are returned.
 * Not thread-safe (one run at a time).
 */
public final class EvaluateSloBurnRates {
  private final TenantSloReader reader;
  private final TenantDirectory tenants;
  private final BurnRateEvaluator evaluator;
  private final NotifyCustomerEngineers notify;
  private final SloObserver observer;
  private final Clock clock;

  /**
   * What a run found.
   *
   * @param evaluatedAt the evaluation instant (a whole minute)
   * @param statuses every SLO status, by tenant then SLO
   * @param pages firing findings of paging rules (on-call)
   * @param digested firing findings of non-paging rules (into the digest)
   * @param notification what the digest step did
   */
  public record Result(Instant evaluatedAt, List<SloStatus> statuses, List<Finding> pages, List<Finding> digested,
      NotifyCustomerEngineers.Result notification) {}

  /** @throws NullPointerException if an argument is null */
  public EvaluateSloBurnRates(WindowStore windows, TenantDirectory tenants, BurnRateEvaluator evaluator,
      NotifyCustomerEngineers notify, SloObserver observer, Clock clock) {
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    this.reader = new TenantSloReader(windows, tenants, evaluator);
    this.notify = Objects.requireNonNull(notify, "notify");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Evaluates the listed tenants and {@code extraTenants}.
   *
   * @throws com.pulse.app.port.DependencyException if the store or mail service fails transiently
   * @throws IllegalArgumentException if a stored sketch is corrupt
   */
  public Result run(Collection<String> extraTenants) {
    Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    Set<String> ids = new TreeSet<>(extraTenants);
    tenants.tenants().stream().map(Tenant::id).forEach(ids::add);
    List<SloStatus> statuses = new ArrayList<>();
    List<Finding> pages = new ArrayList<>();
    List<Finding> digested = new ArrayList<>();
    List<Evaluation> evaluations = new ArrayList<>();
    List<BurnRateRule> paging = evaluator.rules().stream().filter(BurnRateRule::pages).toList();
    List<BurnRateRule> digest = evaluator.rules().stream().filter(r -> !r.pages()).toList();
    for (String tenant : ids) {
      Set<String> checked = new HashSet<>();
      List<Finding> findings = new ArrayList<>();
      List<TenantSloReader.Evaluated> evaluated = reader.evaluate(tenant, at);
      for (TenantSloReader.Evaluated e : evaluated) {
        statuses.add(e.status());
        evaluator.findings(e.status(), e.minutes(), paging, new HashSet<>(), pages);
        evaluator.findings(e.status(), e.minutes(), digest, checked, findings);
      }
      if (!evaluated.isEmpty()) {
        digested.addAll(findings);
        evaluations.add(new Evaluation(tenant, checked, findings));
      }
    }
    observer.observe(statuses);
    NotifyCustomerEngineers.Result sent = notify.run(evaluations);
    return new Result(at, statuses, pages, digested, sent);
  }
}
