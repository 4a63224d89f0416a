package com.pulse.adapter.local;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.pulse.app.port.MetricExport;
import com.pulse.domain.export.MetricPointRecord;
import com.pulse.domain.export.TelemetryWindowRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * {@link MetricExport} to JSON-lines files in the ADX ingestion format: one JSON object per line
 * whose field names are the record components (the JSON paths of the ingestion mappings in
 * {@code bicep/adx/02-mappings.kql}), appended to {@code <dir>/MetricPoints.jsonl} and
 * {@code <dir>/TelemetryWindows.jsonl}. The files can be ingested as they are with
 * {@code .ingest into table MetricPoints (...) with (format='multijson', ingestionMappingReference='MetricPointsMapping')}.
 *
 * <p>Thread-safe: each call appends its lines under a lock per file, so lines never interleave.
 * I/O failures throw {@link UncheckedIOException} (not transient: a local disk).
 */
public final class JsonLinesExport implements MetricExport {
  /** File name of the metric points export. */
  public static final String POINTS_FILE = "MetricPoints.jsonl";
  /** File name of the telemetry windows export. */
  public static final String WINDOWS_FILE = "TelemetryWindows.jsonl";

  private static final ObjectWriter WRITER = new ObjectMapper()
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writer();
  private final Path points;
  private final Path windows;

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
  }

  @Override
  public void exportPoints(List<MetricPointRecord> records) {
    synchronized (points) {
      append(points, records);
    }
  }

  @Override
  public void exportWindows(List<TelemetryWindowRecord> records) {
    synchronized (windows) {
      append(windows, records);
    }
  }

  private static void append(Path file, List<?> records) {
    if (records.isEmpty()) {
      return;
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND)) {
      for (Object r : records) {
        WRITER.writeValue(w, r);
        w.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }
}
