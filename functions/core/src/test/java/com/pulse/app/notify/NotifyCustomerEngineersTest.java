package com.pulse.app.notify;

import static com.pulse.domain.notify.NotifyFixtures.CATALOG;
import static com.pulse.domain.notify.NotifyFixtures.onTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.adapter.local.InMemoryNotificationStateStore;
import com.pulse.app.port.DependencyException;
import com.pulse.app.port.NotificationStateStore;
import com.pulse.app.port.Notifier;
import com.pulse.domain.notify.DigestComposer;
import com.pulse.domain.notify.DigestEmail;
import com.pulse.domain.notify.EpisodeTracker;
import com.pulse.domain.notify.Evaluation;
import com.pulse.domain.notify.SloEvaluator;
import com.pulse.testing.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifyCustomerEngineersTest {
  private static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");

  /** Records sent digests; fails the next {@code failures} sends. */
  private static final class RecordingNotifier implements Notifier {
    final List<DigestEmail> sent = new ArrayList<>();
    int failures;
    int failAfter = Integer.MAX_VALUE;

    @Override
    public void send(DigestEmail email) {
      if (failures > 0 || sent.size() >= failAfter) {
        failures--;
        throw new DependencyException("ACS down", 503, null, null);
      }
      sent.add(email);
    }
  }

  private final InMemoryNotificationStateStore store = new InMemoryNotificationStateStore();
  private final RecordingNotifier notifier = new RecordingNotifier();
  private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-21T06:00:00Z"));
  private final SloEvaluator slo = new SloEvaluator(CATALOG);
  private final NotifyCustomerEngineers useCase = new NotifyCustomerEngineers(store, notifier,
      new EpisodeTracker(Duration.ofHours(24), Duration.ofDays(7)),
      new DigestComposer(Map.of("on_time_rate", List.of("ana@example.com")), List.of("ce@example.com")), clock);

  private Evaluation tenant1(double rate) {
    return slo.evaluate("t1", List.of(onTime("t1", "eu", DAY, rate)));
  }

  @Test
  void neverTwoEmailsForTheSameBreachAcrossRuns() {
    assertThat(useCase.run(List.of(tenant1(0.8)))).isEqualTo(new NotifyCustomerEngineers.Result(2, 1, 0, 0));
    for (int hour = 1; hour < 24; hour++) {
      clock.advance(Duration.ofHours(1));
      assertThat(useCase.run(List.of(tenant1(0.8))).emailsSent()).isZero();
    }
    clock.advance(Duration.ofHours(1));
    assertThat(useCase.run(List.of(tenant1(0.8)))).isEqualTo(new NotifyCustomerEngineers.Result(2, 0, 1, 0));
    clock.advance(Duration.ofHours(1));
    assertThat(useCase.run(List.of(tenant1(0.95)))).isEqualTo(new NotifyCustomerEngineers.Result(2, 0, 0, 1));
    clock.advance(Duration.ofHours(1));
    assertThat(useCase.run(List.of(tenant1(0.95))).emailsSent()).isZero();

    assertThat(notifier.sent).extracting(DigestEmail::subject).containsExactly(
        "Pulse digest: 1 new, 0 ongoing, 0 resolved (1 tenant)", "Pulse digest: 1 new, 0 ongoing, 0 resolved (1 tenant)",
        "Pulse digest: 0 new, 1 ongoing, 0 resolved (1 tenant)", "Pulse digest: 0 new, 1 ongoing, 0 resolved (1 tenant)",
        "Pulse digest: 0 new, 0 ongoing, 1 resolved (1 tenant)", "Pulse digest: 0 new, 0 ongoing, 1 resolved (1 tenant)");
  }

  @Test
  void firstSendFailingRollsBackSoTheNextRunAnnouncesAgain() {
    notifier.failures = 1;
    assertThatThrownBy(() -> useCase.run(List.of(tenant1(0.8)))).isInstanceOf(DependencyException.class);
    assertThat(store.read("t1").orElseThrow().episodes()).isEmpty();

    clock.advance(Duration.ofMinutes(5));
    assertThat(useCase.run(List.of(tenant1(0.8)))).isEqualTo(new NotifyCustomerEngineers.Result(2, 1, 0, 0));
  }

  @Test
  void aFailedStateWriteSendsNothingAndUndoesTheWritesBeforeIt() {
    InMemoryNotificationStateStore backing = new InMemoryNotificationStateStore();
    int[] writes = {0};
    NotificationStateStore flaky = new NotificationStateStore() {
      @Override
      public java.util.Optional<com.pulse.domain.notify.NotificationState> read(String tenantId) {
        return backing.read(tenantId);
      }

      @Override
      public void write(com.pulse.domain.notify.NotificationState state) {
        if (++writes[0] == 2) {
          throw new DependencyException("Cosmos 503", 503, null, null);
        }
        backing.write(state);
      }
    };
    NotifyCustomerEngineers flakyUseCase = new NotifyCustomerEngineers(flaky, notifier,
        new EpisodeTracker(Duration.ofHours(24), Duration.ofDays(7)),
        new DigestComposer(Map.of(), List.of("ce@example.com")), clock);
    List<Evaluation> run = List.of(tenant1(0.8), slo.evaluate("t2", List.of(onTime("t2", "us", DAY, 0.5))));

    assertThatThrownBy(() -> flakyUseCase.run(run)).isInstanceOf(DependencyException.class);
    assertThat(notifier.sent).isEmpty();
    assertThat(backing.read("t1").orElseThrow().episodes()).isEmpty();

    assertThat(flakyUseCase.run(run)).isEqualTo(new NotifyCustomerEngineers.Result(1, 2, 0, 0));
  }

  @Test
  void partialDeliveryKeepsTheStateAndNamesTheMissedRecipients() {
    notifier.failAfter = 1;
    assertThatThrownBy(() -> useCase.run(List.of(tenant1(0.8)))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[ce@example.com]");
    notifier.failAfter = Integer.MAX_VALUE;

    clock.advance(Duration.ofMinutes(5));
    assertThat(useCase.run(List.of(tenant1(0.8))).emailsSent()).isZero();
    assertThat(notifier.sent).extracting(DigestEmail::recipient).containsExactly("ana@example.com");
  }

  @Test
  void afterARunBreachesOfEveryTenantGoIntoOneDigestPerRecipient() {
    NotifySloBreaches afterRun = new NotifySloBreaches(slo, useCase);
    NotifyCustomerEngineers.Result result = afterRun.afterRun(List.of(onTime("t2", "us", DAY, 0.5),
        onTime("t1", "eu", DAY, 0.8), onTime("t1", "us", DAY, 0.99)));

    assertThat(result).isEqualTo(new NotifyCustomerEngineers.Result(2, 2, 0, 0));
    assertThat(notifier.sent.get(1).text()).contains("{region=eu}").contains("{region=us}").contains("Tenant t2");
  }

  @Test
  void oneEmailPerRecipientCoversAllTenantsOfTheRun() {
    useCase.run(List.of(tenant1(0.8), slo.evaluate("t2", List.of(onTime("t2", "us", DAY, 0.5)))));

    assertThat(notifier.sent).hasSize(2);
    assertThat(notifier.sent.get(0).text()).contains("Tenant t1").contains("Tenant t2");
  }
}
