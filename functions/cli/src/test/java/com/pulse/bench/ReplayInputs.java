package com.pulse.bench;

import com.pulse.adapter.capture.CaptureAvro;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * Inputs and the DuckDB side of the {@code replay} comparison (docs/PERFORMANCE.md): {@code write
 * <dir> <keys> <events>} writes the same Pulse JSON events ({@link KeyedCorpus}, one partition) as
 * one Capture Avro file {@code <dir>/capture/0/2026/11/21/05/00/00.avro} and as NDJSON
 * {@code <dir>/events.ndjson}, plus one-event versions of both ({@code one/}) for subtracting JVM
 * start-up; {@code duckdb <ndjson>} runs the DuckDB query ({@code threads=1}, {@code read_json},
 * minute and hour groups with {@code approx_quantile} and {@code approx_count_distinct}) and prints
 * the window count.
 */
public final class ReplayInputs {
  private ReplayInputs() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("write")) {
      Path dir = Path.of(args[1]);
      KeyedCorpus corpus = KeyedCorpus.create(TelemetryDecodeBenchmark.Format.PULSE_JSON, Integer.parseInt(args[2]),
          Integer.parseInt(args[3]), 42);
      CaptureAvro.write(dir.resolve("capture/0/2026/11/21/05/00/00.avro"), corpus.events);
      corpus.writeNdjson(dir.resolve("events.ndjson"));
      CaptureAvro.write(dir.resolve("one/capture/0/2026/11/21/05/00/00.avro"), List.of(corpus.events.get(0)));
      Files.writeString(dir.resolve("one/events.ndjson"), Files.readAllLines(dir.resolve("events.ndjson")).get(0) + "\n");
      return;
    }
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
      s.execute("SET threads=1");
      String source = "(SELECT *, time_bucket(INTERVAL '1 minute', \"timestamp\") AS m,"
          + " time_bucket(INTERVAL '1 hour', \"timestamp\") AS h FROM read_json('" + args[1] + "',"
          + " format = 'newline_delimited', columns = {tenantId: 'VARCHAR', service: 'VARCHAR',"
          + " operation: 'VARCHAR', \"timestamp\": 'TIMESTAMP', durationMs: 'DOUBLE', status: 'VARCHAR',"
          + " userId: 'VARCHAR'}))";
      long windows = 0;
      try (ResultSet rs = s.executeQuery("SELECT tenantId, service, operation, m, h, count(*),"
          + " count(*) FILTER (WHERE status = 'error'), approx_quantile(durationMs, [0.5, 0.95, 0.99]),"
          + " approx_count_distinct(userId) FROM " + source
          + " GROUP BY GROUPING SETS ((tenantId, service, operation, m), (tenantId, service, operation, h))")) {
        while (rs.next()) {
          windows++;
        }
      }
      System.out.println(windows + " windows");
    }
  }
}
