package com.pulse.functions;

import com.pulse.app.api.HealthCheck;
import com.pulse.app.api.TenantMetrics;
import com.pulse.app.api.TenantTelemetry;
import com.pulse.app.notify.CheckFreshness;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The use cases the HTTP API and the freshness timer call, handed over by the composition root.
 * The Functions host creates function classes with their no-argument constructors, which ask
 * {@link #shared()}; tests pass a {@code FunctionServices} to the other constructor instead.
 *
 * @param tenantMetrics {@code GET /api/tenants/{tenantId}/metrics}
 * @param tenantTelemetry {@code GET /api/tenants/{tenantId}/telemetry}
 * @param health {@code GET /api/health}
 * @param freshness the {@code MetricFreshness} timer
 */
public record FunctionServices(TenantMetrics tenantMetrics, TenantTelemetry tenantTelemetry, HealthCheck health,
    CheckFreshness freshness) {

  private static volatile Supplier<FunctionServices> factory = () -> {
    throw new IllegalStateException("FunctionServices not installed: the composition root must call "
        + "FunctionServices.install(...) at start-up");
  };
  private static volatile FunctionServices shared;

  /** @throws NullPointerException if an argument is null */
  public FunctionServices {
    Objects.requireNonNull(tenantMetrics, "tenantMetrics");
    Objects.requireNonNull(tenantTelemetry, "tenantTelemetry");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(freshness, "freshness");
  }

  /**
   * Sets how the shared instance is built (once, lazily, on first use). Called by the composition
   * root; a later call replaces an instance not built yet.
   *
   * @throws NullPointerException if {@code factory} is null
   */
  public static void install(Supplier<FunctionServices> factory) {
    FunctionServices.factory = Objects.requireNonNull(factory, "factory");
    shared = null;
  }

  /**
   * The shared instance, built on first use. Thread-safe.
   *
   * @throws IllegalStateException if nothing was installed
   */
  public static FunctionServices shared() {
    FunctionServices s = shared;
    if (s == null) {
      synchronized (FunctionServices.class) {
        s = shared;
        if (s == null) {
          s = Objects.requireNonNull(factory.get(), "installed factory returned null");
          shared = s;
        }
      }
    }
    return s;
  }
}
