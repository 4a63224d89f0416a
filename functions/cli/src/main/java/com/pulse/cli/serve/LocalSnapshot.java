package com.pulse.cli.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulse.adapter.json.JsonMappers;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.telemetry.WindowDocument;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code pulse demo} computed, kept for {@code pulse serve}: the metric points and the
 * telemetry window documents, as JSON lines under {@code <localDir>/snapshot/} (Jackson; sketches
 * as Base64). The embedded stores are in-process, so this is how a later process serves them.
 *
 * @param points metric points
 * @param windows window documents (every partition, minute and hourly)
 */
public record LocalSnapshot(List<MetricPoint> points, List<WindowDocument> windows) {
  private static final ObjectMapper JSON = JsonMappers.iso();

  /** The snapshot folder under a local data folder. */
  public static Path directory(Path localDir) {
    return localDir.resolve("snapshot");
  }

  /** @throws UncheckedIOException if the files cannot be written */
  public void write(Path localDir) {
    Path dir = directory(localDir);
    try {
      Files.createDirectories(dir);
      writeLines(dir.resolve("points.jsonl"), points);
      writeLines(dir.resolve("windows.jsonl"), windows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write snapshot to " + dir, e);
    }
  }

  /**
   * Reads the snapshot of a local data folder.
   *
   * @throws IllegalArgumentException if there is none (run {@code pulse demo} first)
   * @throws UncheckedIOException if it cannot be read
   */
  public static LocalSnapshot read(Path localDir) {
    Path dir = directory(localDir);
    if (!Files.exists(dir.resolve("points.jsonl"))) {
      throw new IllegalArgumentException("no snapshot in " + dir + ": run `pulse demo` first");
    }
    try {
      return new LocalSnapshot(readLines(dir.resolve("points.jsonl"), MetricPoint.class),
          readLines(dir.resolve("windows.jsonl"), WindowDocument.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read snapshot " + dir, e);
    }
  }

  private static void writeLines(Path file, List<?> values) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Object v : values) {
        out.write(JSON.writeValueAsString(v));
        out.write('\n');
      }
    }
  }

  private static <T> List<T> readLines(Path file, Class<T> type) throws IOException {
    List<T> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(JSON.readValue(line, type));
      }
    }
    return out;
  }
}
