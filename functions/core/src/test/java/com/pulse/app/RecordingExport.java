package com.pulse.app;

import com.pulse.app.port.MetricExport;
import com.pulse.domain.export.MetricPointRecord;
import com.pulse.domain.export.TelemetryWindowRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link MetricExport} fake that keeps what it was given. Thread-safe. */
final class RecordingExport implements MetricExport {
  final List<MetricPointRecord> points = new CopyOnWriteArrayList<>();
  final List<TelemetryWindowRecord> windows = new CopyOnWriteArrayList<>();

  @Override
  public void exportPoints(List<MetricPointRecord> records) {
    points.addAll(records);
  }

  @Override
  public void exportWindows(List<TelemetryWindowRecord> records) {
    windows.addAll(records);
  }
}
