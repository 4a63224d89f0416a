package com.pulse.app;

import com.pulse.app.port.MetricExport;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.telemetry.WindowVersion;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link MetricExport} fake that keeps what it was given. Thread-safe. */
final class RecordingExport implements MetricExport {
  final List<MetricPoint> points = new CopyOnWriteArrayList<>();
  final List<WindowVersion> windows = new CopyOnWriteArrayList<>();

  @Override
  public void exportPoints(List<MetricPoint> exported) {
    points.addAll(exported);
  }

  @Override
  public void exportWindows(List<WindowVersion> versions) {
    windows.addAll(versions);
  }
}
