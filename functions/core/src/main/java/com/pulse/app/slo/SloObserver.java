package com.pulse.app.slo;

import com.pulse.domain.slo.SloStatus;
import java.util.List;

/**
 * Receives every SLO status of an evaluation run, e.g. to publish burn rates as a metric that an
 * Azure Monitor alert pages on. Implementations are thread-safe.
 */
public interface SloObserver {
  /** Does nothing. */
  SloObserver NOOP = statuses -> { };

  /** @param statuses this run's statuses, all tenants */
  void observe(List<SloStatus> statuses);
}
