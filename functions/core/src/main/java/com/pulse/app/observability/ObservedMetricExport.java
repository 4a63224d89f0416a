package com.pulse.app.observability;

import com.pulse.app.port.MetricExport;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.telemetry.WindowVersion;
import java.util.List;
import java.util.Objects;

/**
 * A {@link MetricExport} (and, when the wrapped export is one, {@link com.pulse.app.port.LogWindowExport}
 * and {@link com.pulse.app.port.MetricWindowExport})
 * that runs every non-empty export call of the export it wraps in a PRODUCER
 * span ({@link PulseTracing#export}) and counts each failed call on {@code pulse.export.failures}
 * ({@link PulseTelemetry#exportFailed}) with the ADX table name, then rethrows the failure unchanged
 * (a failed export still fails the run or batch, so the host re-drives it). Thread-safe if the
 * wrapped export is.
 */
public final class ObservedMetricExport
    implements MetricExport, com.pulse.app.port.LogWindowExport, com.pulse.app.port.MetricWindowExport {
  /** ADX table of warehouse metric points. */
  public static final String POINTS_TABLE = "MetricPoints";
  /** ADX table of telemetry window versions. */
  public static final String WINDOWS_TABLE = "TelemetryWindows";

  /** ADX table of log window series. */
  public static final String LOG_WINDOWS_TABLE = "LogWindows";
  /** ADX table of OTLP metric window series. */
  public static final String METRIC_WINDOWS_TABLE = "MetricWindows";

  private final MetricExport delegate;
  private final PulseTelemetry telemetry;
  private final PulseTracing tracing;

  /** @throws NullPointerException if an argument is null */
  public ObservedMetricExport(MetricExport delegate, PulseTelemetry telemetry, PulseTracing tracing) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    this.tracing = Objects.requireNonNull(tracing, "tracing");
  }

  /** @throws RuntimeException as the wrapped export does (after counting it) */
  @Override
  public void exportPoints(List<MetricPoint> points) {
    observe(POINTS_TABLE, points.size(), () -> delegate.exportPoints(points));
  }

  /** @throws RuntimeException as the wrapped export does (after counting it) */
  @Override
  public void exportWindows(List<WindowVersion> versions) {
    observe(WINDOWS_TABLE, versions.size(), () -> delegate.exportWindows(versions));
  }

  /**
   * @throws IllegalStateException if the wrapped export cannot export log windows (nothing is dropped)
   * @throws RuntimeException as the wrapped export does (after counting it)
   */
  @Override
  public void exportLogWindows(List<com.pulse.domain.telemetry.log.LogWindowVersion> versions) {
    if (!(delegate instanceof com.pulse.app.port.LogWindowExport logs)) {
      throw new IllegalStateException(delegate.getClass().getSimpleName() + " cannot export log windows");
    }
    observe(LOG_WINDOWS_TABLE, versions.size(), () -> logs.exportLogWindows(versions));
  }

  /**
   * @throws IllegalStateException if the wrapped export cannot export metric windows (nothing is dropped)
   * @throws RuntimeException as the wrapped export does (after counting it)
   */
  @Override
  public void exportMetricWindows(List<com.pulse.domain.telemetry.metric.MetricWindowVersion> versions) {
    if (!(delegate instanceof com.pulse.app.port.MetricWindowExport metricWindows)) {
      throw new IllegalStateException(delegate.getClass().getSimpleName() + " cannot export metric windows");
    }
    observe(METRIC_WINDOWS_TABLE, versions.size(), () -> metricWindows.exportMetricWindows(versions));
  }

  private void observe(String table, int records, Runnable call) {
    if (records == 0) {
      call.run();
      return;
    }
    try {
      tracing.export(table, records, () -> {
        call.run();
        return null;
      });
    } catch (RuntimeException e) {
      telemetry.exportFailed(table);
      throw e;
    }
  }
}
