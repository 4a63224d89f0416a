package com.pulse.app.observability;

import com.pulse.app.slo.SloObserver;
import com.pulse.domain.slo.SloStatus;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes the latest SLO evaluation as OpenTelemetry gauges (Application Insights
 * {@code AppMetrics} in Azure), which the {@code pulse-slo-fast-burn} alert pages on:
 *
 * <table>
 *   <caption>Instruments</caption>
 *   <tr><th>name</th><th>kind, unit</th><th>attributes</th></tr>
 *   <tr><td>pulse.slo.burn_rate</td><td>gauge, 1 (1 = spending exactly the budget)</td>
 *       <td>tenant, slo, window (ISO-8601 duration: PT1H, PT5M, PT6H, PT30M)</td></tr>
 *   <tr><td>pulse.slo.budget_remaining</td><td>gauge, 1 (fraction of the period's error budget left)</td>
 *       <td>tenant, slo</td></tr>
 * </table>
 *
 * <p>Cardinality: tenants of the tenants file × their SLOs × 4 windows. Thread-safe: the latest
 * statuses are swapped atomically and read by the gauges' callbacks.
 */
public final class SloTelemetry implements SloObserver {
  private static final AttributeKey<String> TENANT = AttributeKey.stringKey("tenant");
  private static final AttributeKey<String> SLO = AttributeKey.stringKey("slo");
  private static final AttributeKey<String> WINDOW = AttributeKey.stringKey("window");

  private final AtomicReference<List<SloStatus>> latest = new AtomicReference<>(List.of());

  private SloTelemetry(Meter meter) {
    meter.gaugeBuilder("pulse.slo.burn_rate").setDescription("Error-budget burn rate of a tenant's SLO over a window")
        .setUnit("1").buildWithCallback(m -> latest.get().forEach(s -> {
          for (Map.Entry<String, Double> e : s.burnRates().entrySet()) {
            m.record(e.getValue(), Attributes.of(TENANT, s.tenantId(), SLO, s.slo().name(), WINDOW, e.getKey()));
          }
        }));
    meter.gaugeBuilder("pulse.slo.budget_remaining").setDescription("Share of the error budget left in the SLO period")
        .setUnit("1").buildWithCallback(m -> latest.get().forEach(s ->
            m.record(s.budgetRemaining(), Attributes.of(TENANT, s.tenantId(), SLO, s.slo().name()))));
  }

  /** Creates the gauges on {@code openTelemetry}'s meter {@code com.pulse}. */
  public static SloTelemetry create(OpenTelemetry openTelemetry) {
    return new SloTelemetry(openTelemetry.getMeter("com.pulse"));
  }

  @Override
  public void observe(List<SloStatus> statuses) {
    latest.set(List.copyOf(statuses));
  }
}
