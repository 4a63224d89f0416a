package com.pulse.domain.notify;

import com.pulse.domain.notify.NotificationState.Episode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Deduplicates notifications across runs. Given a tenant's stored {@link NotificationState} and this
 * run's {@link Evaluation}:
 *
 * <ul>
 *   <li>a failing key with no open episode opens one and is announced ({@link Notice.Type#STARTED});
 *   <li>a failing key with an open episode is reminded only if {@code reminderPeriod} has passed
 *       since it was last mentioned ({@link Notice.Type#REMINDER}), else it is silent;
 *   <li>an open episode whose key was checked and passes is resolved and announced once
 *       ({@link Notice.Type#RESOLVED});
 *   <li>an open episode whose key was not checked stays open and silent, until its series has not
 *       been checked for {@code silenceLimit}: then it is closed as {@code no_data} and announced
 *       once ({@link Notice.Type#NO_DATA}), so a breach on a series that stopped reporting neither
 *       stays open forever nor pretends to have recovered. To bound writes, the last-seen time of
 *       a still-failing episode is refreshed only when it is older than half the limit, so the
 *       closing happens between {@code silenceLimit} and 1.5 × {@code silenceLimit} after the
 *       last check;
 *   <li>resolved episodes are kept for {@code retention} and then dropped (a new breach of the same
 *       key is a new episode either way).
 * </ul>
 *
 * So every episode produces exactly one announcement, at most one reminder per period and one
 * resolution. Stateless and thread-safe.
 */
public final class EpisodeTracker {
  /** Episode status while the breach lasts. */
  public static final String OPEN = "open";
  /** Episode status after the key was checked and passed. */
  public static final String RESOLVED = "resolved";
  /** Episode status after the key went unchecked for the silence limit. */
  public static final String NO_DATA = "no_data";
  private final Duration reminderPeriod;
  private final Duration retention;
  private final Duration silenceLimit;

  /** The next state of a tenant and the notices of this run. @param changed whether {@code next} differs from the stored state */
  public record Transition(NotificationState next, List<Notice> notices, boolean changed) {}

  /**
   * @param reminderPeriod minimum time between two mentions of an open episode; positive
   * @param retention how long a resolved episode is kept in the state; not negative
   * @param silenceLimit how long an open episode's key may go unchecked before it closes as
   *     {@code no_data}; positive
   * @throws IllegalArgumentException if a duration is out of range
   */
  public EpisodeTracker(Duration reminderPeriod, Duration retention, Duration silenceLimit) {
    if (silenceLimit.isNegative() || silenceLimit.isZero()) {
      throw new IllegalArgumentException("silenceLimit must be positive: " + silenceLimit);
    }
    if (reminderPeriod.isNegative() || reminderPeriod.isZero()) {
      throw new IllegalArgumentException("reminderPeriod must be positive: " + reminderPeriod);
    }
    if (retention.isNegative()) {
      throw new IllegalArgumentException("retention must not be negative: " + retention);
    }
    this.reminderPeriod = reminderPeriod;
    this.retention = retention;
    this.silenceLimit = silenceLimit;
  }

  /**
   * A tracker whose silence limit is three reminder periods.
   *
   * @throws IllegalArgumentException if a duration is out of range
   */
  public EpisodeTracker(Duration reminderPeriod, Duration retention) {
    this(reminderPeriod, retention, reminderPeriod.multipliedBy(3));
  }

  /**
   * Advances one tenant's state by one run.
   *
   * @param prior stored state, empty if none
   * @param evaluation this run's checks for the same tenant
   * @param now run time (from the injected clock)
   * @throws IllegalArgumentException if {@code prior} is of another tenant
   * @throws NullPointerException if an argument is null
   */
  public Transition advance(Optional<NotificationState> prior, Evaluation evaluation, Instant now) {
    String tenant = evaluation.tenantId();
    Map<String, Episode> episodes = new HashMap<>();
    prior.ifPresent(p -> {
      if (!p.tenantId().equals(tenant)) {
        throw new IllegalArgumentException("state of tenant " + p.tenantId() + " for evaluation of " + tenant);
      }
      episodes.putAll(p.episodes());
    });
    Map<String, Episode> before = Map.copyOf(episodes);
    List<Notice> notices = new ArrayList<>();

    Duration refresh = silenceLimit.dividedBy(2);
    for (Finding f : evaluation.findings()) {
      Episode open = episodes.get(f.key());
      if (open == null || !isOpen(open)) {
        Episode started = new Episode(f.key(), f.kind(), f.metric(), f.dimensions(), OPEN, now, now, null,
            f.detail(), now);
        episodes.put(f.key(), started);
        notices.add(new Notice(Notice.Type.STARTED, tenant, started, f.severity(), f.impact()));
      } else if (!now.isBefore(open.lastNotifiedAt().plus(reminderPeriod))) {
        Episode reminded = with(open, OPEN, now, null, f.detail(), now);
        episodes.put(f.key(), reminded);
        notices.add(new Notice(Notice.Type.REMINDER, tenant, reminded, f.severity(), f.impact()));
      } else if (!open.detail().equals(f.detail()) || !now.isBefore(lastSeen(open).plus(refresh))) {
        episodes.put(f.key(), with(open, OPEN, open.lastNotifiedAt(), null, f.detail(), now));
      }
    }
    Set<String> failing = new HashSet<>();
    evaluation.findings().forEach(f -> failing.add(f.key()));
    for (Episode e : List.copyOf(episodes.values())) {
      boolean checked = evaluation.checkedKeys().contains(e.key());
      if (isOpen(e) && checked && !failing.contains(e.key())) {
        Episode resolved = with(e, RESOLVED, now, now, e.detail(), now);
        episodes.put(e.key(), resolved);
        notices.add(new Notice(Notice.Type.RESOLVED, tenant, resolved, 4));
      } else if (isOpen(e) && !checked && lastSeen(e).plus(silenceLimit).isBefore(now)) {
        Episode silent = with(e, NO_DATA, now, now, "no data since " + lastSeen(e) + "; last: " + e.detail(),
            lastSeen(e));
        episodes.put(e.key(), silent);
        notices.add(new Notice(Notice.Type.NO_DATA, tenant, silent, 3));
      } else if (!isOpen(e) && e.resolvedAt().plus(retention).isBefore(now)) {
        episodes.remove(e.key());
      }
    }
    notices.sort(Comparator.comparing(Notice::type).thenComparing(n -> n.episode().key()));
    boolean changed = !episodes.equals(before);
    NotificationState next = changed ? new NotificationState(tenant, episodes, now)
        : prior.orElse(new NotificationState(tenant, Map.of(), now));
    return new Transition(next, notices, changed);
  }

  private static boolean isOpen(Episode e) {
    return OPEN.equals(e.status());
  }

  private static Instant lastSeen(Episode e) {
    return e.lastSeenAt() != null ? e.lastSeenAt() : e.lastNotifiedAt();
  }

  private static Episode with(Episode e, String status, Instant lastNotifiedAt, Instant resolvedAt, String detail,
      Instant lastSeenAt) {
    return new Episode(e.key(), e.kind(), e.metric(), e.dimensions(), status, e.startedAt(), lastNotifiedAt,
        resolvedAt, detail, lastSeenAt);
  }
}
