package com.pulse.app.notify;

import com.pulse.app.port.Notifier;
import com.pulse.app.port.NotificationStateStore;
import com.pulse.domain.notify.DigestComposer;
import com.pulse.domain.notify.DigestEmail;
import com.pulse.domain.notify.EpisodeTracker;
import com.pulse.domain.notify.Evaluation;
import com.pulse.domain.notify.Finding;
import com.pulse.domain.notify.NotificationState;
import com.pulse.domain.notify.Notice;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Use case: turn one run's evaluations (SLO checks per tenant, freshness checks) into deduplicated
 * customer-engineer digests.
 *
 * <p>Steps: read each tenant's {@link NotificationState}; advance it with {@link EpisodeTracker};
 * compose one {@link DigestEmail} per recipient ({@link DigestComposer}); <b>write the new states,
 * then send</b>. Writing first is what makes "never two emails for the same breach" hold even if the
 * process dies after sending. If writing a state or the very first send fails, nothing reached
 * anyone: the states already written are put back and the failure is thrown, so the next run
 * announces again. If a later send
 * fails, the states stay (the delivered emails must not repeat) and the failure is thrown naming the
 * recipients that missed this digest, for the on-call alert.
 *
 * <p>Not thread-safe per tenant: two runs must not advance the same tenant's state at once. The
 * timers are singletons, and the two callers never share a state document (SLO checks use real
 * tenants, the freshness watchdog only {@link Finding#ALL_TENANTS}), so they may overlap.
 */
public final class NotifyCustomerEngineers {
  private static final Logger LOG = Logger.getLogger(NotifyCustomerEngineers.class.getName());

  private final NotificationStateStore states;
  private final Notifier notifier;
  private final EpisodeTracker tracker;
  private final DigestComposer composer;
  private final Clock clock;

  /**
   * What one run did.
   *
   * @param emailsSent digests delivered
   * @param started episodes announced
   * @param reminded episodes reminded
   * @param resolved episodes resolved
   */
  public record Result(int emailsSent, int started, int reminded, int resolved) {}

  /** @throws NullPointerException if an argument is null */
  public NotifyCustomerEngineers(NotificationStateStore states, Notifier notifier, EpisodeTracker tracker,
      DigestComposer composer, Clock clock) {
    this.states = Objects.requireNonNull(states, "states");
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.tracker = Objects.requireNonNull(tracker, "tracker");
    this.composer = Objects.requireNonNull(composer, "composer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Runs once over the given evaluations (several for the same tenant are merged).
   *
   * @throws com.pulse.app.port.DependencyException if the store or the mail service fails transiently
   * @throws IllegalStateException if the mail service rejects a digest
   */
  public Result run(List<Evaluation> evaluations) {
    Instant now = clock.instant();
    Round round = advanceAll(evaluations, now);
    persist(round, now);
    int sent = deliver(composer.compose(round.notices(), now), round, now);
    return new Result(sent, count(round.notices(), Notice.Type.STARTED),
        count(round.notices(), Notice.Type.REMINDER), count(round.notices(), Notice.Type.RESOLVED));
  }

  /** This run's notices, the changed states, and the stored states they replace (by tenant). */
  private record Round(List<Notice> notices, List<NotificationState> changed,
      Map<String, Optional<NotificationState>> priors) {}

  private Round advanceAll(List<Evaluation> evaluations, Instant now) {
    List<Notice> notices = new ArrayList<>();
    List<NotificationState> changed = new ArrayList<>();
    Map<String, Optional<NotificationState>> priors = new LinkedHashMap<>();
    for (Evaluation evaluation : merge(evaluations)) {
      Optional<NotificationState> prior = states.read(evaluation.tenantId());
      EpisodeTracker.Transition t = tracker.advance(prior, evaluation, now);
      notices.addAll(t.notices());
      if (t.changed()) {
        priors.put(evaluation.tenantId(), prior);
        changed.add(t.next());
      }
    }
    return new Round(notices, changed, priors);
  }

  /** Writes the changed states; if one write fails, the ones before it are put back. */
  private void persist(Round round, Instant now) {
    List<String> written = new ArrayList<>();
    try {
      for (NotificationState state : round.changed()) {
        states.write(state);
        written.add(state.tenantId());
      }
    } catch (RuntimeException e) {
      restore(written, round.priors(), now, e);
      throw e;
    }
  }

  /** Sends every digest; returns how many were sent. */
  private int deliver(List<DigestEmail> emails, Round round, Instant now) {
    int sent = 0;
    for (DigestEmail email : emails) {
      try {
        notifier.send(email);
        sent++;
      } catch (RuntimeException e) {
        if (sent == 0) {
          restore(List.copyOf(round.priors().keySet()), round.priors(), now, e);
          throw e;
        }
        List<String> missed = emails.subList(sent, emails.size()).stream().map(DigestEmail::recipient).toList();
        LOG.log(Level.SEVERE, "digest delivered to " + sent + " recipient(s), not to " + missed, e);
        throw new IllegalStateException("digest not delivered to " + missed + " after " + sent
            + " were sent; episodes stay marked as notified to avoid duplicates", e);
      }
    }
    return sent;
  }

  /**
   * Puts back the prior state of the given tenants, so nothing counts as notified; a failure here is
   * added to {@code cause} as suppressed (the episode may then be announced late, never twice).
   */
  private void restore(List<String> tenants, Map<String, Optional<NotificationState>> priors, Instant now,
      RuntimeException cause) {
    for (String tenant : tenants) {
      try {
        states.write(priors.get(tenant).orElse(new NotificationState(tenant, Map.of(), now)));
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
        LOG.log(Level.SEVERE, "could not restore the notification state of tenant " + tenant, e);
      }
    }
  }

  private static int count(List<Notice> notices, Notice.Type type) {
    return (int) notices.stream().filter(n -> n.type() == type).count();
  }

  private static List<Evaluation> merge(List<Evaluation> evaluations) {
    Map<String, Set<String>> checked = new LinkedHashMap<>();
    Map<String, List<Finding>> findings = new LinkedHashMap<>();
    for (Evaluation e : evaluations) {
      checked.computeIfAbsent(e.tenantId(), t -> new HashSet<>()).addAll(e.checkedKeys());
      findings.computeIfAbsent(e.tenantId(), t -> new ArrayList<>()).addAll(e.findings());
    }
    List<Evaluation> merged = new ArrayList<>();
    checked.forEach((tenant, keys) -> merged.add(new Evaluation(tenant, keys, findings.get(tenant))));
    return merged;
  }
}
