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
 */
public record Notice(Type type, String tenantId, NotificationState.Episode episode, int severity) {

  /** Kinds of notices, in the order a digest lists them. */
  public enum Type {
    /** A new episode: first email about it. */
    STARTED,
    /** An open episode whose reminder period elapsed. */
    REMINDER,
    /** An episode that ended: last email about it. */
    RESOLVED
  }

  /** @throws NullPointerException if an argument is null */
  public Notice {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(episode, "episode");
  }
}
