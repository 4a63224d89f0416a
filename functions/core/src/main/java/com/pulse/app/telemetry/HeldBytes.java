package com.pulse.app.telemetry;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The event-body bytes one instance holds in memory, over every partition of every holding use case
 * that shares it ({@link DeferredAggregation}, {@link DeferredLogAggregation},
 * {@link DeferredMetricAggregation}): what {@link DeferralPolicy#maxBytes} bounds. The function app
 * shares one between its three hubs, so {@code TELEMETRY_HOLD_MAX_MIB} bounds the instance, not each
 * hub. Thread-safe (one {@link AtomicLong}).
 */
public final class HeldBytes {
  private final AtomicLong bytes = new AtomicLong();

  /** Bytes held now (a gauge). */
  public long get() {
    return bytes.get();
  }

  long add(long delta) {
    return bytes.addAndGet(delta);
  }
}
