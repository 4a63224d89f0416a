package com.pulse.bench;

import com.pulse.adapter.json.AdxRows;
import com.pulse.app.port.MetricExport;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.telemetry.WindowVersion;
import java.util.List;

/**
 * A {@link MetricExport} that builds every row's event body as the Event Hubs export does
 * ({@link AdxRows}) and drops it, counting bytes: the export's CPU cost without a network. Not
 * thread-safe.
 */
final class SerializingExport implements MetricExport {
  long bytes;
  /** Window rows exported so far. */
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
}
