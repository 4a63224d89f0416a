package com.pulse.app.notify;

import com.pulse.app.port.HeldDigestStore;
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
import java.util.Collection;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
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
 * Use case: turn one run's evaluations (SLO checks per tenant, burn-rate alerts, freshness checks)
 * into deduplicated customer-engineer digests, one per engineer.
 *
 * <p>Steps: read each tenant's {@link NotificationState} (the run's tenants plus the
 * {@code sweptTenants}, so a series that stopped reporting times out as {@code no_data}); advance it
 * with {@link EpisodeTracker}; compose one {@link DigestEmail} per recipient ({@link DigestComposer});
 * <b>write the new states, then send</b>. Writing first is what makes "never two emails for the
 * same breach" hold even if the process dies after sending. If writing a state fails, nothing was
 * sent: the states already written are put back and the failure is thrown, so the next run
 * announces again.
 *
 * <p><b>Failed sends are retried next run, durably.</b> A digest whose send fails is kept in the
 * {@link HeldDigestStore} (a file locally, Cosmos in Azure); every run first re-sends the held
 * digests of every known recipient, oldest first, then this run's. A recipient's queue stops at
 * its first failure (the rest stays held), other recipients carry on. Each notice therefore reaches
 * each recipient exactly once if the mail service eventually accepts it, at most
 * {@link HeldDigestStore#MAX_HELD_PER_RECIPIENT} runs late (older held digests are dropped with a
 * SEVERE log line).
 *
 * <p>Not thread-safe per tenant: two runs must not advance the same tenant's state at once. The
 * timers are singletons, and the callers never share an episode key.
 */
public final class NotifyCustomerEngineers {
  private static final Logger LOG = Logger.getLogger(NotifyCustomerEngineers.class.getName());

  private final NotificationStateStore states;
  private final HeldDigestStore held;
  private final Notifier notifier;
  private final EpisodeTracker tracker;
  private final DigestComposer composer;
  private final Supplier<Collection<String>> sweptTenants;
  private final Clock clock;

  /**
   * What one run did.
   *
   * @param emailsSent digests delivered (held ones from earlier runs included)
   * @param started episodes announced
   * @param reminded episodes reminded
   * @param resolved episodes resolved
   * @param noData episodes closed because their series stopped reporting
   * @param heldFor recipients with a digest held for the next run (their send failed), sorted
   */
  public record Result(int emailsSent, int started, int reminded, int resolved, int noData, List<String> heldFor) {
    /** @throws NullPointerException if {@code heldFor} is null */
    public Result {
      heldFor = List.copyOf(heldFor);
    }
  }

  /**
   * @param sweptTenants tenants whose state is advanced every run even without an evaluation
   *     (the tenants file's tenants), so their silent series time out
   * @throws NullPointerException if an argument is null
   */
  public NotifyCustomerEngineers(NotificationStateStore states, HeldDigestStore held, Notifier notifier,
      EpisodeTracker tracker, DigestComposer composer, Supplier<Collection<String>> sweptTenants, Clock clock) {
    this.states = Objects.requireNonNull(states, "states");
    this.held = Objects.requireNonNull(held, "held");
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.tracker = Objects.requireNonNull(tracker, "tracker");
    this.composer = Objects.requireNonNull(composer, "composer");
    this.sweptTenants = Objects.requireNonNull(sweptTenants, "sweptTenants");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Runs once over the given evaluations (several for the same tenant are merged).
   *
   * @throws com.pulse.app.port.DependencyException if the state store fails transiently (nothing sent)
   * @throws IllegalStateException if a failed digest could not be held (named in the message)
   */
  public Result run(List<Evaluation> evaluations) {
    Instant now = clock.instant();
    Round round = advanceAll(evaluations, now);
    persist(round, now);
    Delivery delivery = deliver(composer.compose(round.notices(), now));
    return new Result(delivery.sent(), count(round.notices(), Notice.Type.STARTED),
        count(round.notices(), Notice.Type.REMINDER), count(round.notices(), Notice.Type.RESOLVED),
        count(round.notices(), Notice.Type.NO_DATA), delivery.heldFor());
  }

  /** This run's notices, the changed states, and the stored states they replace (by tenant). */
  private record Round(List<Notice> notices, List<NotificationState> changed,
      Map<String, Optional<NotificationState>> priors) {}

  private Round advanceAll(List<Evaluation> evaluations, Instant now) {
    List<Notice> notices = new ArrayList<>();
    List<NotificationState> changed = new ArrayList<>();
    Map<String, Optional<NotificationState>> priors = new LinkedHashMap<>();
    List<Evaluation> all = new ArrayList<>(evaluations);
    Set<String> present = new HashSet<>();
    evaluations.forEach(e -> present.add(e.tenantId()));
    for (String tenant : sweptTenants.get()) {
      if (!present.contains(tenant)) {
        all.add(new Evaluation(tenant, Set.of(), List.of()));
      }
    }
    for (Evaluation evaluation : merge(all)) {
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

  private record Delivery(int sent, List<String> heldFor) {}

  /** Sends held digests then this run's, per recipient; holds what fails. */
  private Delivery deliver(List<DigestEmail> emails) {
    Map<String, DigestEmail> fresh = new TreeMap<>();
    emails.forEach(e -> fresh.put(e.recipient(), e));
    Set<String> recipients = new TreeSet<>(composer.knownRecipients());
    recipients.addAll(fresh.keySet());
    int sent = 0;
    List<String> heldFor = new ArrayList<>();
    RuntimeException holdFailure = null;
    for (String recipient : recipients) {
      List<DigestEmail> earlier = held.held(recipient);
      List<DigestEmail> queue = new ArrayList<>(earlier);
      if (fresh.containsKey(recipient)) {
        queue.add(fresh.get(recipient));
      }
      int delivered = 0;
      for (DigestEmail email : queue) {
        try {
          notifier.send(email);
          delivered++;
        } catch (RuntimeException e) {
          LOG.log(Level.SEVERE, "digest of " + email.composedAt() + " not delivered to " + recipient
              + "; held for the next run (" + (queue.size() - delivered) + " digest(s) waiting)", e);
          break;
        }
      }
      sent += delivered;
      if (delivered < queue.size() || !earlier.isEmpty()) {
        List<DigestEmail> rest = queue.subList(delivered, queue.size());
        if (rest.size() > HeldDigestStore.MAX_HELD_PER_RECIPIENT) {
          LOG.severe("dropping " + (rest.size() - HeldDigestStore.MAX_HELD_PER_RECIPIENT)
              + " oldest undelivered digest(s) of " + recipient + " (more than "
              + HeldDigestStore.MAX_HELD_PER_RECIPIENT + " runs failed in a row)");
        }
        try {
          held.hold(recipient, rest);
        } catch (RuntimeException e) {
          LOG.log(Level.SEVERE, "could not hold " + rest.size() + " undelivered digest(s) of " + recipient, e);
          holdFailure = holdFailure == null ? e : holdFailure;
        }
        if (!rest.isEmpty()) {
          heldFor.add(recipient);
        }
      }
    }
    if (holdFailure != null) {
      throw new IllegalStateException("undelivered digests could not be held for " + heldFor
          + "; those notices are lost unless the episodes are re-announced", holdFailure);
    }
    return new Delivery(sent, heldFor);
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
