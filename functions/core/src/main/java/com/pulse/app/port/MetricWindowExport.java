package com.pulse.app.port;

import com.pulse.domain.telemetry.metric.MetricWindowVersion;
import java.util.List;

/**
 * History sink of metric window versions: ADX table {@code MetricWindows}, one row per series of
 * each written version (in Azure through the {@code metrics-out} hub like {@link MetricExport}),
 * JSON lines locally. At-least-once; ADX keeps {@code arg_max(Version)} per (window id, series).
 *
 * <p>Implementations are thread-safe; a failure throws {@link DependencyException} (transient) or
 * {@link IllegalStateException}, never drops silently.
 */
@FunctionalInterface
public interface MetricWindowExport {
  /** Exports nothing. */
  MetricWindowExport NONE = versions -> { };

  /** Exports written versions; empty is a no-op. */
  void exportMetricWindows(List<MetricWindowVersion> versions);
}
