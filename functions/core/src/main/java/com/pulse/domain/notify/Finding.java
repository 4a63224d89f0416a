package com.pulse.domain.notify;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One problem observed in one run: an SLO breach of a tenant's metric point, or a stale metric.
 * Findings with equal {@link #key()} in successive runs belong to the same episode. Immutable.
 *
 * @param kind {@link #SLO_BREACH}, {@link #STALE} or {@link #BURN_RATE}
 * @param tenantId the tenant, or {@link #ALL_TENANTS} for a stale metric (staleness is per metric)
 * @param metric catalog metric name
 * @param dimensions dimension values of the breaching point, sorted; empty for a stale metric
 * @param detail observed value vs objective, human readable, e.g. {@code on_time_rate = 0.82, objective >= 0.9}
 * @param severity Azure Monitor severity, 0 (critical) to 4 (verbose)
 * @param impact how bad, comparable across kinds, {@code >= 0}: for an SLO breach the distance past
 *     the target relative to the target ({@code |actual - target| / |target|}); for a burn-rate alert
 *     the burn rate over the long window divided by the rule's threshold; 0 when unknown. Digests rank
 *     by severity, then impact (see {@link DigestComposer}).
 */
public record Finding(String kind, String tenantId, String metric, SortedMap<String, String> dimensions,
    String detail, int severity, double impact) {
  /** Kind of an SLO breach episode. */
  public static final String SLO_BREACH = "slo_breach";
  /** Kind of a stale-metric episode. */
  public static final String STALE = "stale";
  /** Kind of a telemetry SLO burn-rate alert episode (metric = SLO name, dimensions = the rule). */
  public static final String BURN_RATE = "burn_rate";
  /** Tenant id under which metric-wide episodes (stale metrics) are kept. */
  public static final String ALL_TENANTS = "*";

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code kind} is unknown or {@code severity} outside 0..4
   */
  public Finding {
    Objects.requireNonNull(kind, "kind");
    if (!kind.equals(SLO_BREACH) && !kind.equals(STALE) && !kind.equals(BURN_RATE)) {
      throw new IllegalArgumentException("kind must be slo_breach, stale or burn_rate: " + kind);
    }
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(metric, "metric");
    dimensions = Collections.unmodifiableSortedMap(new TreeMap<>(dimensions));
    Objects.requireNonNull(detail, "detail");
    if (severity < 0 || severity > 4) {
      throw new IllegalArgumentException("severity must be 0..4: " + severity);
    }
    if (!(impact >= 0)) {
      throw new IllegalArgumentException("impact must be >= 0: " + impact);
    }
  }

  /** A finding of unknown impact (0). @throws IllegalArgumentException as the canonical constructor */
  public Finding(String kind, String tenantId, String metric, SortedMap<String, String> dimensions, String detail,
      int severity) {
    this(kind, tenantId, metric, dimensions, detail, severity, 0);
  }

  /** The episode key of this finding, see {@link #keyOf}. */
  public String key() {
    return keyOf(kind, metric, dimensions);
  }

  /**
   * Stable episode key within a tenant: {@code kind|metric|k1=v1,k2=v2} with dimensions sorted by
   * name. Equal keys across runs mean the same episode.
   */
  public static String keyOf(String kind, String metric, Map<String, String> dimensions) {
    StringBuilder key = new StringBuilder(kind).append('|').append(metric).append('|');
    String sep = "";
    for (Map.Entry<String, String> e : new TreeMap<>(dimensions).entrySet()) {
      key.append(sep).append(e.getKey()).append('=').append(e.getValue());
      sep = ",";
    }
    return key.toString();
  }
}
