package com.pulse.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EpisodeTrackerTest {
  private static final Instant T0 = Instant.parse("2026-11-21T06:00:00Z");
  private static final String KEY = "slo_breach|on_time_rate|";
  private final EpisodeTracker tracker = new EpisodeTracker(Duration.ofHours(24), Duration.ofDays(7));

  private static Evaluation failing(String detail) {
    return new Evaluation("t1", Set.of(KEY), List.of(new Finding(Finding.SLO_BREACH, "t1", "on_time_rate",
        new TreeMap<>(), detail, 1)));
  }

  private static Evaluation passing() {
    return new Evaluation("t1", Set.of(KEY), List.of());
  }

  private static Evaluation notChecked() {
    return new Evaluation("t1", Set.of(), List.of());
  }

  /** Runs a sequence of evaluations hour by hour and returns the notice types of each run. */
  private List<List<Notice.Type>> runs(Evaluation... evaluations) {
    Optional<NotificationState> state = Optional.empty();
    List<List<Notice.Type>> out = new java.util.ArrayList<>();
    for (int i = 0; i < evaluations.length; i++) {
      EpisodeTracker.Transition t = tracker.advance(state, evaluations[i], T0.plus(Duration.ofHours(i)));
      out.add(t.notices().stream().map(Notice::type).toList());
      state = Optional.of(t.next());
    }
    return out;
  }

  @Test
  void announcesOnceThenStaysSilentThenResolvesOnce() {
    assertThat(runs(failing("0.8"), failing("0.8"), failing("0.7"), passing(), passing()))
        .containsExactly(List.of(Notice.Type.STARTED), List.of(), List.of(), List.of(Notice.Type.RESOLVED), List.of());
  }

  @Test
  void remindsAtMostOncePerPeriod() {
    Evaluation[] day = new Evaluation[50];
    java.util.Arrays.fill(day, failing("0.8"));
    List<List<Notice.Type>> result = runs(day);
    assertThat(result.get(0)).containsExactly(Notice.Type.STARTED);
    assertThat(result.get(24)).containsExactly(Notice.Type.REMINDER);
    assertThat(result.get(48)).containsExactly(Notice.Type.REMINDER);
    assertThat(result.stream().filter(r -> !r.isEmpty()).count()).isEqualTo(3);
  }

  @Test
  void anUncheckedKeyNeitherResolvesNorReminds() {
    assertThat(runs(failing("0.8"), notChecked(), notChecked(), failing("0.8")))
        .containsExactly(List.of(Notice.Type.STARTED), List.of(), List.of(), List.of());
  }

  @Test
  void aNewBreachAfterResolutionIsANewEpisode() {
    Optional<NotificationState> state = Optional.of(tracker.advance(Optional.empty(), failing("0.8"), T0).next());
    state = Optional.of(tracker.advance(state, passing(), T0.plusSeconds(3600)).next());
    EpisodeTracker.Transition again = tracker.advance(state, failing("0.6"), T0.plusSeconds(7200));

    assertThat(again.notices()).singleElement().satisfies(n -> {
      assertThat(n.type()).isEqualTo(Notice.Type.STARTED);
      assertThat(n.episode().startedAt()).isEqualTo(T0.plusSeconds(7200));
      assertThat(n.episode().detail()).isEqualTo("0.6");
    });
  }

  @Test
  void resolvedEpisodesArePrunedAfterRetention() {
    Optional<NotificationState> state = Optional.of(tracker.advance(Optional.empty(), failing("0.8"), T0).next());
    state = Optional.of(tracker.advance(state, passing(), T0.plusSeconds(3600)).next());
    assertThat(state.get().episodes()).containsKey(KEY);

    EpisodeTracker.Transition later = tracker.advance(state, passing(), T0.plus(Duration.ofDays(9)));
    assertThat(later.changed()).isTrue();
    assertThat(later.next().episodes()).isEmpty();
    assertThat(later.notices()).isEmpty();
  }

  @Test
  void unchangedStateIsNotRewritten() {
    Optional<NotificationState> state = Optional.of(tracker.advance(Optional.empty(), failing("0.8"), T0).next());
    assertThat(tracker.advance(state, failing("0.8"), T0.plusSeconds(60)).changed()).isFalse();
    assertThat(tracker.advance(state, failing("0.7"), T0.plusSeconds(60)).changed()).isTrue();
  }
}
