package com.pulse.app.port;

import com.pulse.domain.telemetry.log.LogWindowVersion;
import java.util.List;

/**
 * History sink of log window versions: ADX table {@code LogWindows} (one row per series a version
 * changed, {@link LogWindowVersion#changed}; {@code com.pulse.adapter.json.AdxRows#logSeriesRow}) through
 * the {@code metrics-out} hub in Azure, JSON lines locally. At-least-once; ADX keeps
 * {@code arg_max(version)} per document and series.
 *
 * <p>Implementations are thread-safe; a failure throws {@link DependencyException} (transient) or
 * {@link IllegalStateException}, never silently drops a version.
 */
@FunctionalInterface
public interface LogWindowExport {

  /** Exports written log window versions; empty is a no-op. */
  void exportLogWindows(List<LogWindowVersion> versions);
}
