package com.pulse.adapter.cosmos;

import com.azure.core.util.Context;
import com.azure.cosmos.CosmosDiagnosticsContext;
import com.azure.cosmos.CosmosDiagnosticsHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs the SDK's diagnostics of Cosmos DB operations that crossed a threshold (slow, expensive in RU,
 * or failed), as a WARNING on {@code java.util.logging} logger {@code com.pulse.adapter.cosmos}, so
 * they reach Application Insights correlated with the current trace. The message carries container,
 * operation, status, latency (ms), RU and retries, followed by the SDK's diagnostics JSON (regions,
 * endpoints, per-attempt timings) that Azure support asks for
 * (https://learn.microsoft.com/azure/cosmos-db/nosql/troubleshoot-java-sdk-v4#capture-the-diagnostics).
 * Thread-safe.
 */
final class CosmosDiagnosticsLogger implements CosmosDiagnosticsHandler {
  private static final Logger LOG = Logger.getLogger("com.pulse.adapter.cosmos");

  @Override
  public void handleDiagnostics(CosmosDiagnosticsContext diagnostics, Context traceContext) {
    if (diagnostics == null || !diagnostics.isThresholdViolated() || !LOG.isLoggable(Level.WARNING)) {
      return;
    }
    LOG.warning(() -> String.format(java.util.Locale.ROOT,
        "Cosmos DB %s on %s crossed a diagnostics threshold: status %d/%d, %d ms, %.2f RU, %d retries%s: %s",
        diagnostics.getOperationType(), diagnostics.getContainerName(), diagnostics.getStatusCode(),
        diagnostics.getSubStatusCode(), diagnostics.getDuration().toMillis(), diagnostics.getTotalRequestCharge(),
        diagnostics.getRetryCount(), diagnostics.isFailure() ? " (failed)" : "", diagnostics.toJson()));
  }
}
