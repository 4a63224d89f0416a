package com.pulse.app.port;

import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.telemetry.WindowVersion;
import java.util.List;

/**
 * History sink feeding Azure Data Explorer: in Azure the {@code metrics-out} Event Hub (ingested by
 * an ADX data connection with JSON ingestion mappings), locally JSON-lines files in the same shape.
 * The port takes domain values; each adapter maps them to the ADX ingestion rows
 * ({@code com.pulse.adapter.json.AdxRows}). Exports are at-least-once; ADX de-duplicates by
 * {@code arg_max(version)} per id.
 *
 * <p>Implementations are thread-safe. A failure is never silently dropped: it throws
 * {@link DependencyException} (transient) or {@link IllegalStateException}.
 */
public interface MetricExport {

  /** Exports warehouse metric points (ADX table {@code MetricPoints}); empty is a no-op. */
  void exportPoints(List<MetricPoint> points);

  /** Exports written window versions (ADX table {@code TelemetryWindows}); empty is a no-op. */
  void exportWindows(List<WindowVersion> versions);
}
