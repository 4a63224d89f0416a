package com.pulse.app.notify;

import static com.pulse.domain.notify.NotifyFixtures.CATALOG;
import static com.pulse.domain.notify.NotifyFixtures.onTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.adapter.local.FileHeldDigestStore;
import com.pulse.adapter.local.FileNotificationStateStore;
import com.pulse.adapter.local.InMemoryHeldDigestStore;
import com.pulse.adapter.local.InMemoryNotificationStateStore;
import com.pulse.app.port.DependencyException;
import com.pulse.app.port.HeldDigestStore;
import com.pulse.app.port.NotificationStateStore;
import com.pulse.app.port.Notifier;
import com.pulse.domain.notify.DigestComposer;
import com.pulse.domain.notify.DigestEmail;
import com.pulse.domain.notify.EpisodeTracker;
import com.pulse.domain.notify.Evaluation;
import com.pulse.domain.notify.NotificationState;
import com.pulse.domain.notify.SloEvaluator;
import com.pulse.domain.tenant.TenantDirectory;
import com.pulse.domain.tenant.TenantsLoader;
import com.pulse.testing.SteppingClock;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyCustomerEngineersTest {
  private static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");
  private static final TenantDirectory TENANTS = TenantsLoader.parse("t.yaml", new StringReader("""
      defaults: {owners: [ce@example.com], tier: std}
      tiers: {std: []}
      tenants:
        - {id: t1, name: Northwind, tier: std, owners: [ana@example.com]}
        - {id: t2, name: Contoso, tier: std, owners: [bo@example.com]}
      """));

  /** Records sent digests; fails every send to the addresses in {@code down}. */
  private static final class RecordingNotifier implements Notifier {
    final List<DigestEmail> sent = new ArrayList<>();
    final Set<String> down = new HashSet<>();

    @Override
    public void send(DigestEmail email) {
      if (down.contains(email.recipient())) {
        throw new DependencyException("ACS down", 503, null, null);
      }
      sent.add(email);
    }
  }

  @TempDir
  Path dir;
  private final RecordingNotifier notifier = new RecordingNotifier();
  private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-21T06:00:00Z"));
  private final SloEvaluator slo = new SloEvaluator(CATALOG);

  private NotifyCustomerEngineers useCase(NotificationStateStore states, HeldDigestStore held) {
    return new NotifyCustomerEngineers(states, held, notifier,
        new EpisodeTracker(Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(3)),
        new DigestComposer(TENANTS, Map.of(), List.of(), 25, null), () -> List.of("t1", "t2"), clock);
  }

  private NotifyCustomerEngineers inMemory() {
    return useCase(new InMemoryNotificationStateStore(), new InMemoryHeldDigestStore());
  }

  /** A new process over the same local files. */
  private NotifyCustomerEngineers restarted() {
    return useCase(new FileNotificationStateStore(dir.resolve("notifications")),
        new FileHeldDigestStore(dir.resolve("notifications/held")));
  }

  private Evaluation tenant(String tenant, double rate) {
    return slo.evaluate(tenant, List.of(onTime(tenant, "eu", DAY, rate)));
  }

  private static NotifyCustomerEngineers.Result result(int sent, int started, int reminded, int resolved) {
    return new NotifyCustomerEngineers.Result(sent, started, reminded, resolved, 0, List.of());
  }

  @Test
  void neverTwoEmailsForTheSameBreachAcrossRuns() {
    NotifyCustomerEngineers useCase = inMemory();
    assertThat(useCase.run(List.of(tenant("t1", 0.8)))).isEqualTo(result(1, 1, 0, 0));
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofHours(1));
      assertThat(useCase.run(List.of(tenant("t1", 0.8))).emailsSent()).isZero();
    }
    clock.advance(Duration.ofHours(21));
    assertThat(useCase.run(List.of(tenant("t1", 0.8)))).isEqualTo(result(1, 0, 1, 0));
    clock.advance(Duration.ofHours(1));
    assertThat(useCase.run(List.of(tenant("t1", 0.95)))).isEqualTo(result(1, 0, 0, 1));
    clock.advance(Duration.ofHours(1));
    assertThat(useCase.run(List.of(tenant("t1", 0.95))).emailsSent()).isZero();
    assertThat(notifier.sent).extracting(DigestEmail::subject).containsExactly(
        "Pulse digest: 1 new, 0 ongoing, 0 resolved (1 tenant)",
        "Pulse digest: 0 new, 1 ongoing, 0 resolved (1 tenant)",
        "Pulse digest: 0 new, 0 ongoing, 1 resolved (1 tenant)");
  }

  @Test
  void dedupSurvivesAProcessRestartWithTheLocalFiles() {
    assertThat(restarted().run(List.of(tenant("t1", 0.8), tenant("t2", 0.7)))).isEqualTo(result(2, 2, 0, 0));
    clock.advance(Duration.ofMinutes(5));

    assertThat(restarted().run(List.of(tenant("t1", 0.8), tenant("t2", 0.7)))).isEqualTo(result(0, 0, 0, 0));
    assertThat(notifier.sent).extracting(DigestEmail::recipient).containsExactly("ana@example.com", "bo@example.com");
  }

  @Test
  void aFailedSendIsHeldDurablyAndDeliveredNextRunWithoutDuplicatesForOthers() {
    notifier.down.add("ana@example.com");
    NotifyCustomerEngineers.Result first = restarted().run(List.of(tenant("t1", 0.8), tenant("t2", 0.7)));
    assertThat(first.emailsSent()).isEqualTo(1);
    assertThat(first.heldFor()).containsExactly("ana@example.com");
    assertThat(notifier.sent).extracting(DigestEmail::recipient).containsExactly("bo@example.com");

    clock.advance(Duration.ofMinutes(5));
    notifier.down.clear();
    NotifyCustomerEngineers.Result second = restarted().run(List.of(tenant("t1", 0.8), tenant("t2", 0.7)));

    assertThat(second.emailsSent()).isEqualTo(1);
    assertThat(second.heldFor()).isEmpty();
    assertThat(notifier.sent).extracting(DigestEmail::recipient).containsExactly("bo@example.com", "ana@example.com");
    assertThat(notifier.sent.get(1).text()).contains("[NEW sev1] Northwind (t1)");
    assertThat(notifier.sent.get(1).composedAt()).isEqualTo(Instant.parse("2026-11-21T06:00:00Z"));

    clock.advance(Duration.ofMinutes(5));
    assertThat(restarted().run(List.of(tenant("t1", 0.8))).emailsSent()).isZero();
  }

  @Test
  void aFailedStateWriteSendsNothingAndUndoesTheWritesBeforeIt() {
    InMemoryNotificationStateStore backing = new InMemoryNotificationStateStore();
    NotificationStateStore flaky = new NotificationStateStore() {
      int writes;

      @Override
      public java.util.Optional<NotificationState> read(String tenantId) {
        return backing.read(tenantId);
      }

      @Override
      public void write(NotificationState state) {
        if (++writes == 2) {
          throw new DependencyException("Cosmos 503", 503, null, null);
        }
        backing.write(state);
      }
    };
    NotifyCustomerEngineers useCase = useCase(flaky, new InMemoryHeldDigestStore());
    List<Evaluation> run = List.of(tenant("t1", 0.8), tenant("t2", 0.7));

    assertThatThrownBy(() -> useCase.run(run)).isInstanceOf(DependencyException.class);
    assertThat(notifier.sent).isEmpty();
    assertThat(backing.read("t1").orElseThrow().episodes()).isEmpty();

    assertThat(useCase.run(run)).isEqualTo(result(2, 2, 0, 0));
  }

  @Test
  void aBreachOnASeriesThatGoesSilentClosesAsNoDataAfterTheLimit() {
    NotifyCustomerEngineers useCase = inMemory();
    useCase.run(List.of(tenant("t1", 0.8)));

    clock.advance(Duration.ofDays(2));
    NotifyCustomerEngineers.Result quiet = useCase.run(List.of());
    assertThat(quiet.emailsSent()).isZero();

    clock.advance(Duration.ofDays(2));
    NotifyCustomerEngineers.Result silent = useCase.run(List.of());

    assertThat(silent.noData()).isEqualTo(1);
    DigestEmail last = notifier.sent.get(notifier.sent.size() - 1);
    assertThat(last.recipient()).isEqualTo("ana@example.com");
    assertThat(last.text()).contains("[NO DATA] Northwind (t1)").contains("no data since 2026-11-21T06:00:00Z");

    clock.advance(Duration.ofDays(1));
    assertThat(useCase.run(List.of()).emailsSent()).isZero();
  }

  @Test
  void breachesOfUnlistedTenantsGoToTheDefaultOwner() {
    inMemory().run(List.of(tenant("t-unknown", 0.8)));

    assertThat(notifier.sent).extracting(DigestEmail::recipient).containsExactly("ce@example.com");
    assertThat(notifier.sent.get(0).text()).contains("tenant t-unknown");
  }

  @Test
  void onlyEachMetricsNewestWindowIsCheckedSoAYearOldBreachIsNotAnnouncedAsNew() {
    NotifySloBreaches check = new NotifySloBreaches(slo, inMemory());

    NotifyCustomerEngineers.Result r = check.afterRun(List.of(onTime("t1", "eu", DAY, 0.95),
        onTime("t1", "us", DAY.minus(Duration.ofDays(300)), 0.2), onTime("t2", "eu", DAY, 0.5)));

    assertThat(r.started()).isEqualTo(1);
    assertThat(notifier.sent).singleElement().satisfies(e -> assertThat(e.text()).contains("Contoso (t2)")
        .doesNotContain("region=us"));
  }
}
