package com.pulse.app.port;

import com.pulse.domain.telemetry.log.LogWindowDocument;
import java.util.List;

/**
 * History sink of log window versions: ADX table {@code LogWindows} (one row per series of a
 * version, {@code com.pulse.adapter.json.AdxRows#logWindowRows}) through the {@code metrics-out} hub in
 * Azure, JSON lines locally. At-least-once; ADX keeps {@code arg_max(version)} per document and series.
 *
 * <p>Implementations are thread-safe; a failure throws {@link DependencyException} (transient) or
 * {@link IllegalStateException}, never silently drops a version.
 */
@FunctionalInterface
public interface LogWindowExport {

  /** Exports written log window versions; empty is a no-op. */
  void exportLogWindows(List<LogWindowDocument> versions);
}
