package com.pulse.domain.notify;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Deduplication state of customer-engineer notifications for one tenant (Cosmos container
 * {@code notifications}, pk {@code /tenantId}, id = tenant id): one document per tenant, read and
 * written by point operations only.
 *
 * @param tenantId tenant id (document id and partition key)
 * @param episodes open or recently resolved episodes, keyed by {@link Episode#key()}
 * @param updatedAt when the state was last written
 */
public record NotificationState(String tenantId, Map<String, Episode> episodes, Instant updatedAt) {

  /** @throws NullPointerException if an argument is null */
  public NotificationState {
    Objects.requireNonNull(tenantId, "tenantId");
    episodes = Map.copyOf(Objects.requireNonNull(episodes, "episodes"));
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * One breach (SLO breach or stale metric) from start to resolution.
   *
   * @param key stable key: kind, metric and dimensions
   * @param kind {@code "slo_breach"}, {@code "stale"} or {@code "burn_rate"}
   * @param metric metric name
   * @param dimensions dimension values of the breaching point (empty if none)
   * @param status {@code "open"}, {@code "resolved"} or {@code "no_data"} (closed because the series went silent)
   * @param startedAt when the breach was first seen
   * @param lastNotifiedAt when an email last mentioned it (announcement or reminder)
   * @param resolvedAt when it resolved, or null while open
   * @param detail last observed value vs target, human readable
   * @param lastSeenAt the last run that checked the key (failing or not); null in states written
   *     before this field existed (then {@code lastNotifiedAt} stands in)
   */
  public record Episode(
      String key,
      String kind,
      String metric,
      Map<String, String> dimensions,
      String status,
      Instant startedAt,
      Instant lastNotifiedAt,
      Instant resolvedAt,
      String detail,
      Instant lastSeenAt) {}
}
