package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.local.InMemoryNotificationStateStore;
import com.pulse.app.notify.CheckFreshness;
import com.pulse.app.observability.InMemoryTelemetry;
import com.pulse.app.observability.PulseTelemetry;
import com.pulse.config.PulseConfig;
import com.pulse.config.Setting;
import com.pulse.domain.metric.JobState;
import com.pulse.domain.notify.DigestEmail;
import com.pulse.domain.notify.NotifyFixtures;
import com.pulse.testing.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricFreshnessTest {
  private final FakeStores stores = new FakeStores();
  private final InMemoryNotificationStateStore states = new InMemoryNotificationStateStore();
  private final List<DigestEmail> sent = new ArrayList<>();
  private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-21T02:00:00Z"));
  private final CheckFreshness useCase;

  MetricFreshnessTest() {
    PulseConfig config = PulseConfig.parse(Map.of(Setting.NOTIFY_CUSTOMER_ENGINEERS.key(), "ce@example.com",
        Setting.METRIC_FRESHNESS_GRACE.key(), "PT30M", Setting.NOTIFY_REMINDER_PERIOD.key(), "P1D"));
    List<com.pulse.domain.catalog.MetricDefinition> catalog = List.of(NotifyFixtures.ON_TIME, NotifyFixtures.TICKETS);
    useCase = checkFreshness(config, catalog, sent::add);
  }

  /** The watchdog as the composition root builds it, over this test's stores and {@code notifier}. */
  private CheckFreshness checkFreshness(PulseConfig config, List<com.pulse.domain.catalog.MetricDefinition> catalog,
      com.pulse.app.port.Notifier notifier) {
    Map<String, List<String>> owners = new java.util.LinkedHashMap<>();
    catalog.forEach(m -> owners.put(m.name(), m.owners()));
    var notify = new com.pulse.app.notify.NotifyCustomerEngineers(states, new com.pulse.adapter.local.InMemoryHeldDigestStore(),
        notifier, new com.pulse.domain.notify.EpisodeTracker(config.notifications().reminderPeriod(), CompositionRoot.RESOLVED_RETENTION),
        new com.pulse.domain.notify.DigestComposer(com.pulse.domain.tenant.TenantDirectory.ownedBy(List.of("ce@example.com")),
            owners, config.notifications().customerEngineers(), 25, null), List::of, clock);
    return new CheckFreshness(stores, () -> catalog,
        new com.pulse.domain.notify.FreshnessPolicy(config.notifications().freshnessGrace()), notify, clock);
  }

  @Test
  void localModeWritesEachDigestOnceToTheOutbox(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    PulseConfig config = PulseConfig.parse(Map.of(Setting.NOTIFY_CUSTOMER_ENGINEERS.key(), "ce@example.com"));
    List<com.pulse.domain.catalog.MetricDefinition> catalog = List.of(NotifyFixtures.ON_TIME);
    var outbox = new com.pulse.adapter.local.OutboxNotifier(dir.resolve("outbox"), config.notifications().senderAddress());
    MetricFreshness function = new MetricFreshness(checkFreshness(config, catalog, outbox), PulseTelemetry.noop());
    stores.jobs.put("on_time_rate", new JobState("on_time_rate", Instant.parse("2026-11-19T00:00:00Z"), "r", null, "ok", null, 0));

    for (int run = 0; run < 4; run++) {
      function.run("{}", new FakeExecutionContext("MetricFreshness"));
      clock.advance(Duration.ofMinutes(30));
    }

    try (var files = java.nio.file.Files.list(dir.resolve("outbox"))) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly(
          "20261121T020000Z-ana@example.com.eml", "20261121T020000Z-ana@example.com.html",
          "20261121T020000Z-ce@example.com.eml", "20261121T020000Z-ce@example.com.html");
    }
  }

  @Test
  void staleMetricIsAnnouncedOnceAndResolvedWhenItCatchesUp() {
    stores.jobs.put("on_time_rate", new JobState("on_time_rate", Instant.parse("2026-11-20T00:00:00Z"), "r", null, "ok", null, 0));
    stores.jobs.put("open_tickets", new JobState("open_tickets", Instant.parse("2026-11-21T01:00:00Z"), "r", null, "ok", null, 0));
    MetricFreshness function = new MetricFreshness(useCase, PulseTelemetry.noop());

    function.run("{}", new FakeExecutionContext("MetricFreshness"));
    assertThat(sent).extracting(DigestEmail::recipient).containsExactly("ana@example.com", "ce@example.com");
    assertThat(sent.get(1).text()).contains("All tenants").contains("[NEW sev2] All tenants - stale metric on_time_rate")
        .doesNotContain("open_tickets");

    clock.advance(Duration.ofMinutes(30));
    function.run("{}", new FakeExecutionContext("MetricFreshness"));
    assertThat(sent).hasSize(2);

    stores.jobs.put("on_time_rate", new JobState("on_time_rate", Instant.parse("2026-11-21T00:00:00Z"), "r", null, "ok", null, 0));
    stores.jobs.put("open_tickets", new JobState("open_tickets", Instant.parse("2026-11-21T02:00:00Z"), "r", null, "ok", null, 0));
    clock.advance(Duration.ofMinutes(30));
    CheckFreshness.Result result = useCase.run();
    assertThat(result.stale()).isEmpty();
    assertThat(result.notification().resolved()).isEqualTo(1);
    assertThat(sent.get(3).text()).contains("[RESOLVED] All tenants - stale metric on_time_rate");
  }

  @Test
  void eachRunSetsTheFreshnessGaugeFromTheJobStates() {
    stores.jobs.put("on_time_rate", new JobState("on_time_rate", Instant.parse("2026-11-20T00:00:00Z"), "r", null, "ok", null, 0));
    stores.jobs.put("open_tickets", new JobState("open_tickets", null, "r", null, "failed", "boom", 1));
    try (InMemoryTelemetry otel = new InMemoryTelemetry()) {
      new MetricFreshness(useCase, PulseTelemetry.create(otel.sdk, clock)).run("{}", new FakeExecutionContext("MetricFreshness"));

      var gauge = otel.collect().get("pulse.metric.freshness").getDoubleGaugeData().getPoints();
      // 2026-11-20T00:00Z to the clock's 2026-11-21T02:00Z; a metric without a completed window has no point
      assertThat(gauge).singleElement().satisfies(point -> {
        assertThat(InMemoryTelemetry.attribute(point.getAttributes(), "metric")).isEqualTo("on_time_rate");
        assertThat(point.getValue()).isEqualTo(Duration.ofHours(26).toSeconds());
      });
    }
  }
}
