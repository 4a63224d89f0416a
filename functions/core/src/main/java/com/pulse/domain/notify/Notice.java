package com.pulse.domain.notify;

import java.util.Objects;

/**
 * One line of a digest: an episode that starts, is reminded, or resolved in this run. Immutable.
 *
 * @param type what happened
 * @param tenantId tenant, or {@link Finding#ALL_TENANTS}
 * @param episode the episode after this run's update
 * @param severity Azure Monitor severity of the finding (0..4); for a resolution, the severity the
 *     episode last had is unknown to the state, so 4
 * @param impact the finding's {@link Finding#impact()}, 0 for a resolution
 */
public record Notice(Type type, String tenantId, NotificationState.Episode episode, int severity, double impact) {

  /** Kinds of notices, in the order a digest lists them. */
  public enum Type {
    /** A new episode: first email about it. */
    STARTED,
    /** An open episode whose reminder period elapsed. */
    REMINDER,
    /** An episode that ended: last email about it. */
    RESOLVED,
    /**
     * An open episode whose series stopped reporting (not checked for the tracker's silence limit):
     * closed as "no data", last email about it. Neither a breach nor a recovery is known.
     */
    NO_DATA
  }

  /** A notice of unknown impact (0). @throws NullPointerException if an object argument is null */
  public Notice(Type type, String tenantId, NotificationState.Episode episode, int severity) {
    this(type, tenantId, episode, severity, 0);
  }

  /** @throws NullPointerException if an argument is null */
  public Notice {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(episode, "episode");
  }
}
