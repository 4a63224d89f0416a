package com.pulse.app.slo;

import com.pulse.app.notify.NotifyCustomerEngineers;
import com.pulse.app.port.WindowStore;
import com.pulse.domain.notify.Evaluation;
import com.pulse.domain.notify.Finding;
import com.pulse.domain.slo.BurnRateEvaluator;
import com.pulse.domain.slo.BurnRateRule;
import com.pulse.domain.slo.SliSeries;
import com.pulse.domain.slo.SloStatus;
import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.tenant.TelemetrySlo;
import com.pulse.domain.tenant.Tenant;
import com.pulse.domain.tenant.TenantDirectory;
import java.time.Clock;
import java.time.Duration;
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
 * default tier's SLOs) at the clock's current minute. Per tenant it reads its minute windows of the
 * longest rule window and its hourly windows of the longest budget period (two single-partition
 * queries), builds the SLI series ({@link SliSeries}) and the status ({@link BurnRateEvaluator}).
 *
 * <p>Then: every status goes to the {@link SloObserver} (the burn-rate gauge that the fast-burn
 * Azure Monitor alert pages on); findings of the non-paging rules go into the owning customer
 * engineer's digest ({@link NotifyCustomerEngineers}); findings of the paging rules are returned.
 * Not thread-safe (one run at a time).
 */
public final class EvaluateSloBurnRates {
  private final WindowStore windows;
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
    this.windows = Objects.requireNonNull(windows, "windows");
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
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
    Duration longest = evaluator.rules().stream().map(BurnRateRule::longWindow).max(Duration::compareTo)
        .orElse(Duration.ofHours(1));
    List<SloStatus> statuses = new ArrayList<>();
    List<Finding> pages = new ArrayList<>();
    List<Finding> digested = new ArrayList<>();
    List<Evaluation> evaluations = new ArrayList<>();
    List<BurnRateRule> paging = evaluator.rules().stream().filter(BurnRateRule::pages).toList();
    List<BurnRateRule> digest = evaluator.rules().stream().filter(r -> !r.pages()).toList();
    for (String tenant : ids) {
      List<TelemetrySlo> slos = tenants.slosOf(tenant);
      if (slos.isEmpty()) {
        continue;
      }
      int periodDays = slos.stream().mapToInt(TelemetrySlo::periodDays).max().orElse(30);
      List<WindowDocument> minuteDocs = windows.listRange(tenant, "PT1M", at.minus(longest), at);
      List<WindowDocument> hourDocs = windows.listRange(tenant, "PT1H", at.minus(Duration.ofDays(periodDays)), at);
      Set<String> checked = new HashSet<>();
      List<Finding> findings = new ArrayList<>();
      for (TelemetrySlo slo : slos) {
        SliSeries minutes = SliSeries.of(slo, minuteDocs);
        SliSeries hours = hourDocs.isEmpty() ? minutes : SliSeries.of(slo, hourDocs);
        SloStatus status = evaluator.status(tenant, minutes, hours, at);
        statuses.add(status);
        List<Finding> paged = new ArrayList<>();
        evaluator.findings(status, minutes, paging, new HashSet<>(), paged);
        pages.addAll(paged);
        evaluator.findings(status, minutes, digest, checked, findings);
      }
      digested.addAll(findings);
      evaluations.add(new Evaluation(tenant, checked, findings));
    }
    observer.observe(statuses);
    NotifyCustomerEngineers.Result sent = notify.run(evaluations);
    return new Result(at, statuses, pages, digested, sent);
  }
}
