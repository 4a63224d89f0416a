package com.pulse.adapter.local;

import com.pulse.app.port.MetricExport;
import com.pulse.domain.export.MetricPointRecord;
import com.pulse.domain.export.TelemetryWindowRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link MetricExport} that keeps every exported record in memory (tests, replay, demo). Thread-safe.
 */
public final class InMemoryWindowExport implements MetricExport {
  private final List<MetricPointRecord> points = new ArrayList<>();
  private final List<TelemetryWindowRecord> windows = new ArrayList<>();

  @Override
  public synchronized void exportPoints(List<MetricPointRecord> records) {
    points.addAll(records);
  }

  @Override
  public synchronized void exportWindows(List<TelemetryWindowRecord> records) {
    windows.addAll(records);
  }

  /** Window records exported so far, in export order. */
  public synchronized List<TelemetryWindowRecord> windows() {
    return List.copyOf(windows);
  }

  /** Point records exported so far, in export order. */
  public synchronized List<MetricPointRecord> points() {
    return List.copyOf(points);
  }
}
