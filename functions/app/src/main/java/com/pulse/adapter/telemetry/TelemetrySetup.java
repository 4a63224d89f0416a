package com.pulse.adapter.telemetry;

import com.azure.core.credential.TokenCredential;
import com.azure.monitor.opentelemetry.autoconfigure.AzureMonitorAutoConfigure;
import com.azure.monitor.opentelemetry.autoconfigure.AzureMonitorAutoConfigureOptions;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the process's {@link OpenTelemetry} instance.
 *
 * <ul>
 *   <li>With an Application Insights connection string (setting
 *       {@code APPLICATIONINSIGHTS_CONNECTION_STRING}): the OpenTelemetry SDK autoconfigured by the
 *       Azure Monitor distro ({@code azure-monitor-opentelemetry-autoconfigure}: traces, metrics and
 *       logs exported to Application Insights), authenticating ingestion with the app's Entra ID
 *       credential, so the Application Insights resource can run with local auth off
 *       (https://learn.microsoft.com/azure/azure-monitor/app/azure-ad-authentication). W3C trace
 *       context is the default propagator. Standard {@code OTEL_*} variables still apply
 *       ({@code OTEL_SERVICE_NAME}, {@code OTEL_RESOURCE_ATTRIBUTES}, sampling).
 *   <li>Without one: {@link OpenTelemetry#noop()}; nothing is recorded or exported.
 * </ul>
 *
 * Build it once per process: the SDK owns exporter threads and registers a JVM shutdown hook that
 * flushes them.
 */
public final class TelemetrySetup {
  /** {@code service.name} resource attribute unless {@code OTEL_SERVICE_NAME} overrides it. */
  public static final String SERVICE_NAME = "pulse";

  private TelemetrySetup() {}

  /**
   * Creates the OpenTelemetry instance.
   *
   * @param connectionString Application Insights connection string, or null/blank to export nothing
   * @param credential Entra ID credential for ingestion (Monitoring Metrics Publisher role on the
   *     Application Insights resource)
   * @return the SDK (exporting to Azure Monitor) or the no-op API
   * @throws NullPointerException if a connection string is given and {@code credential} is null
   */
  public static OpenTelemetry create(String connectionString, TokenCredential credential) {
    if (connectionString == null || connectionString.isBlank()) {
      return OpenTelemetry.noop();
    }
    Objects.requireNonNull(credential, "credential");
    var builder = AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> Map.of("otel.service.name", SERVICE_NAME));
    AzureMonitorAutoConfigure.customize(builder, new AzureMonitorAutoConfigureOptions()
        .connectionString(connectionString.strip())
        .credential(credential));
    return builder.build().getOpenTelemetrySdk();
  }
}
