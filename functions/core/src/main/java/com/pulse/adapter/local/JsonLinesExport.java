package com.pulse.adapter.local;

import com.fasterxml.jackson.core.JsonGenerator;
import com.pulse.adapter.json.AdxRows;
import com.pulse.app.port.LogWindowExport;
import com.pulse.app.port.MetricExport;
import com.pulse.domain.telemetry.log.LogSeries;
import com.pulse.domain.telemetry.log.LogWindowDocument;
import com.pulse.domain.telemetry.log.LogWindowVersion;
import com.pulse.app.port.MetricWindowExport;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.telemetry.WindowVersion;
import com.pulse.domain.telemetry.metric.MetricWindowVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * {@link MetricExport} to JSON-lines files in the ADX ingestion format: one JSON object per line
 * in the ADX ingestion format of {@link AdxRows} (the JSON paths of the ingestion mappings in
 * {@code bicep/adx/02-mappings.kql}), appended to {@code <dir>/MetricPoints.jsonl} and
 * {@code <dir>/TelemetryWindows.jsonl}, as {@link LogWindowExport} to {@code <dir>/LogWindows.jsonl} and as {@link MetricWindowExport} to {@code <dir>/MetricWindows.jsonl}. The files can be ingested as they are with
 * {@code .ingest into table MetricPoints (...) with (format='multijson', ingestionMappingReference='MetricPointsMapping')}.
 *
 * <p>Thread-safe: each call appends its lines under a lock per file, so lines never interleave.
 * I/O failures throw {@link UncheckedIOException} (not transient: a local disk).
 */
public final class JsonLinesExport implements MetricExport, LogWindowExport, MetricWindowExport {
  /** File name of the metric points export. */
  public static final String POINTS_FILE = "MetricPoints.jsonl";
  /** File name of the telemetry windows export. */
  public static final String WINDOWS_FILE = "TelemetryWindows.jsonl";
  /** File name of the OTLP metric windows export (one row per series). */
  public static final String METRIC_WINDOWS_FILE = "MetricWindows.jsonl";

  /** File name of the log windows export (one line per series of a version). */
  public static final String LOG_WINDOWS_FILE = "LogWindows.jsonl";

  /** Writes one row to a generator. */
  private interface RowWriter<T> {
    void write(JsonGenerator g, T value) throws IOException;
  }

  private final Path points;
  private final Path windows;
  private final Path logWindows;
  private final Path metricWindows;

  /**
   * @param directory created if missing
   * @throws UncheckedIOException if the directory cannot be created
   */
  public JsonLinesExport(Path directory) {
    Objects.requireNonNull(directory, "directory");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create export directory " + directory, e);
    }
    this.points = directory.resolve(POINTS_FILE);
    this.windows = directory.resolve(WINDOWS_FILE);
    this.logWindows = directory.resolve(LOG_WINDOWS_FILE);
    this.metricWindows = directory.resolve(METRIC_WINDOWS_FILE);
  }

  @Override
  public void exportPoints(List<MetricPoint> exported) {
    synchronized (points) {
      append(points, exported, AdxRows::writePoint);
    }
  }

  @Override
  public void exportWindows(List<WindowVersion> versions) {
    synchronized (windows) {
      append(windows, versions, AdxRows::writeWindow);
    }
  }

  /** Appends one line per series of each version to {@value #LOG_WINDOWS_FILE}. */
  @Override
  public void exportLogWindows(List<LogWindowVersion> versions) {
    List<LogRow> rows = new java.util.ArrayList<>();
    for (LogWindowVersion v : versions) {
      for (int k = 0; k < v.rows(); k++) {
        rows.add(new LogRow(v.document(), v.series(k)));
      }
    }
    synchronized (logWindows) {
      append(logWindows, rows, (g, row) -> AdxRows.writeLogSeries(g, row.document(), row.series()));
    }
  }

  private record LogRow(LogWindowDocument document, LogSeries series) {}

  @Override
  public void exportMetricWindows(List<MetricWindowVersion> versions) {
    List<Object[]> rows = new java.util.ArrayList<>();
    for (MetricWindowVersion v : versions) {
      for (int i = 0; i < v.rows(); i++) {
        rows.add(new Object[] {v, i});
      }
    }
    synchronized (metricWindows) {
      append(metricWindows, rows, (g, row) -> AdxRows.writeMetricSeries(g, (MetricWindowVersion) row[0], (Integer) row[1]));
    }
  }

  private static <T> void append(Path file, List<T> values, RowWriter<T> rows) {
    if (values.isEmpty()) {
      return;
    }
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        JsonGenerator g = AdxRows.factory().createGenerator(out)) {
      g.setRootValueSeparator(null);
      for (T value : values) {
        rows.write(g, value);
        g.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }
}
