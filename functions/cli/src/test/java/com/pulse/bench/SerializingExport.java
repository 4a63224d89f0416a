package com.pulse.bench;

import com.pulse.adapter.json.AdxRows;
import com.pulse.app.port.LogWindowExport;
import com.pulse.app.port.MetricExport;
import com.pulse.app.port.MetricWindowExport;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.telemetry.WindowVersion;
import com.pulse.domain.telemetry.log.LogWindowVersion;
import com.pulse.domain.telemetry.metric.MetricWindowVersion;
import java.util.List;

/**
 * A {@link MetricExport}, {@link LogWindowExport} and {@link MetricWindowExport} that builds every
 * row's event body as the Event Hubs export does ({@link AdxRows}: one {@code TelemetryWindows} row
 * per window version, one {@code LogWindows} / {@code MetricWindows} row per series of a version) and
 * drops it, counting bytes: the export's CPU cost without a network. Not thread-safe.
 */
final class SerializingExport implements MetricExport, LogWindowExport, MetricWindowExport {
  long bytes;
  /** Window rows exported so far (traces: one per version; logs and metrics: one per series of a version). */
  long rows;

  @Override
  public void exportPoints(List<MetricPoint> points) {
    points.forEach(p -> bytes += AdxRows.pointRow(p).length);
  }

  @Override
  public void exportWindows(List<WindowVersion> versions) {
    versions.forEach(v -> bytes += AdxRows.windowRow(v).length);
    rows += versions.size();
  }

  @Override
  public void exportLogWindows(List<LogWindowVersion> versions) {
    for (LogWindowVersion v : versions) {
      for (int k = 0; k < v.rows(); k++) {
        bytes += AdxRows.logSeriesRow(v.document(), v.series(k)).length;
        rows++;
      }
    }
  }

  @Override
  public void exportMetricWindows(List<MetricWindowVersion> versions) {
    for (MetricWindowVersion v : versions) {
      for (int i = 0; i < v.rows(); i++) {
        bytes += AdxRows.metricSeriesRow(v, i).length;
        rows++;
      }
    }
  }
}
