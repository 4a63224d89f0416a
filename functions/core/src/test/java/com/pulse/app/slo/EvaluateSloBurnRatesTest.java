package com.pulse.app.slo;

import com.pulse.domain.telemetry.WindowDocument;
import com.pulse.domain.telemetry.aggregate.TenantWindows;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.local.InMemoryHeldDigestStore;
import com.pulse.adapter.local.InMemoryNotificationStateStore;
import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.app.notify.NotifyCustomerEngineers;
import com.pulse.domain.notify.DigestComposer;
import com.pulse.domain.notify.DigestEmail;
import com.pulse.domain.notify.EpisodeTracker;
import com.pulse.domain.notify.Finding;
import com.pulse.domain.slo.BurnRateEvaluator;
import com.pulse.domain.slo.BurnRateRule;
import com.pulse.domain.slo.SloStatus;
import com.pulse.domain.slo.SloStreams;
import com.pulse.domain.tenant.TenantDirectory;
import com.pulse.domain.tenant.TenantsLoader;
import com.pulse.testing.SteppingClock;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluateSloBurnRatesTest {
  private static final TenantDirectory TENANTS = TenantsLoader.parse("t.yaml", new StringReader("""
      defaults: {owners: [ce@example.com], tier: std}
      tiers:
        std:
          - {name: availability, sli: availability, service: checkout, objective: 0.99}
          - {name: latency, sli: latency, thresholdMs: 1000, objective: 0.95}
      tenants:
        - {id: t1, name: Northwind, tier: std, owners: [ana@example.com]}
      """));

  private final InMemoryWindowStore windows = new InMemoryWindowStore();
  private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-20T10:44:30Z"));
  private final List<DigestEmail> sent = new ArrayList<>();
  private final List<List<SloStatus>> observed = new ArrayList<>();
  private final EvaluateSloBurnRates useCase = new EvaluateSloBurnRates(windows, TENANTS,
      new BurnRateEvaluator(BurnRateRule.DEFAULTS),
      new NotifyCustomerEngineers(new InMemoryNotificationStateStore(), new InMemoryHeldDigestStore(), sent::add,
          new EpisodeTracker(Duration.ofDays(1), Duration.ofDays(7)),
          new DigestComposer(TENANTS, Map.of(), List.of(), 25, null), () -> List.of("t1"), clock),
      observed::add, clock);

  EvaluateSloBurnRatesTest() {
    List<WindowDocument> stream = SloStreams.minutes("t1", Instant.parse("2026-11-20T04:00:00Z"), Instant.parse("2026-11-20T13:00:00Z"), 200, 0.002,
        Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-20T10:45:00Z"), 0.5, 3);
    TenantWindows.documentsOf(stream).forEach(windows::create);
  }

  @Test
  void duringTheOutageFastBurnPagesAndSlowBurnGoesToTheOwnersDigestThenResolves() {
    EvaluateSloBurnRates.Result during = useCase.run(List.of("t2"));

    assertThat(during.evaluatedAt()).isEqualTo(Instant.parse("2026-11-20T10:44:00Z"));
    assertThat(during.pages()).extracting(Finding::tenantId, Finding::metric, f -> f.dimensions().get("rule"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("t1", "availability", "fast"));
    assertThat(during.digested()).extracting(Finding::metric).containsExactly("availability");
    assertThat(during.statuses()).extracting(SloStatus::tenantId).containsExactly("t1", "t1", "t2", "t2");
    assertThat(observed).singleElement().isEqualTo(during.statuses());
    assertThat(sent).singleElement().satisfies(email -> {
      assertThat(email.recipient()).isEqualTo("ana@example.com");
      assertThat(email.text()).contains("[NEW sev2] Northwind (t1) - SLO burn rate availability").contains("slow burn: ");
    });

    clock.advance(Duration.ofHours(1));
    EvaluateSloBurnRates.Result after = useCase.run(List.of());

    assertThat(after.pages()).isEmpty();
    assertThat(after.notification().resolved()).isEqualTo(1);
    assertThat(sent.get(1).text()).contains("[RESOLVED] Northwind (t1) - SLO burn rate availability");
  }
}
