package com.pulse.adapter.local;

import com.pulse.app.port.MetricExport;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.telemetry.WindowVersion;
import com.pulse.domain.telemetry.log.LogWindowVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link MetricExport} that keeps every exported value in memory (tests, the demo). Memory grows with
 * every export: not for long replays. Thread-safe.
 */
public final class InMemoryWindowExport implements MetricExport, com.pulse.app.port.LogWindowExport {
  private final List<MetricPoint> points = new ArrayList<>();
  private final List<WindowVersion> windows = new ArrayList<>();
  private final List<LogWindowVersion> logWindows = new ArrayList<>();

  @Override
  public synchronized void exportLogWindows(List<LogWindowVersion> versions) {
    logWindows.addAll(versions);
  }

  /** Documents of the log window versions exported so far, in export order. */
  public synchronized List<com.pulse.domain.telemetry.log.LogWindowDocument> logWindows() {
    return logWindows.stream().map(LogWindowVersion::document).toList();
  }

  /** Log window versions exported so far (with the series each changed), in export order. */
  public synchronized List<LogWindowVersion> logWindowVersions() {
    return List.copyOf(logWindows);
  }

  @Override
  public synchronized void exportPoints(List<MetricPoint> exported) {
    points.addAll(exported);
  }

  @Override
  public synchronized void exportWindows(List<WindowVersion> versions) {
    windows.addAll(versions);
  }

  /** Window versions exported so far, in export order. */
  public synchronized List<WindowVersion> windows() {
    return List.copyOf(windows);
  }

  /** Points exported so far, in export order. */
  public synchronized List<MetricPoint> points() {
    return List.copyOf(points);
  }
}
