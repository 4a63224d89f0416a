package com.pulse.adapter.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulse.domain.export.MetricPointRecord;
import com.pulse.domain.export.TelemetryWindowRecord;
import com.pulse.domain.metric.MetricPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines hold exactly the JSON paths of the ADX ingestion mappings in bicep/adx/02-mappings.kql. */
class JsonLinesExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> mappingPaths(String mapping) throws Exception {
    String kql = Files.readString(Path.of("bicep", "adx", "02-mappings.kql"));
    String block = kql.substring(kql.indexOf("\"" + mapping + "\""));
    block = block.substring(0, block.indexOf("']'"));
    List<String> paths = new ArrayList<>();
    Matcher m = Pattern.compile("\"path\":\"\\$\\.(\\w+)\"").matcher(block);
    while (m.find()) {
      paths.add(m.group(1));
    }
    return paths;
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  @Test
  void pointsFileMatchesTheMetricPointsMapping(@TempDir Path dir) throws Exception {
    JsonLinesExport export = new JsonLinesExport(dir.resolve("export"));
    Instant start = Instant.parse("1998-07-01T00:00:00Z");
    MetricPoint p = MetricPoint.create("net_revenue", "42", Map.of("market_segment", "BUILDING"), start,
        Instant.parse("1998-08-01T00:00:00Z"), Map.of("net_revenue", 1234.5), "currency",
        Instant.parse("2024-01-01T00:00:00Z"), "run-1");
    export.exportPoints(List.of(MetricPointRecord.of(p)));
    export.exportPoints(List.of(MetricPointRecord.of(p)));
    export.exportPoints(List.of());
    List<String> lines = Files.readAllLines(dir.resolve("export").resolve(JsonLinesExport.POINTS_FILE));
    assertThat(lines).hasSize(2);
    JsonNode row = JSON.readTree(lines.get(0));
    assertThat(fields(row)).containsExactlyInAnyOrderElementsOf(mappingPaths("MetricPointsMapping"));
    assertThat(row.path("windowStart").asText()).isEqualTo("1998-07-01T00:00:00Z");
    assertThat(row.path("dimensions").path("market_segment").asText()).isEqualTo("BUILDING");
    assertThat(row.path("values").path("net_revenue").asDouble()).isEqualTo(1234.5);
    assertThat(row.path("version").asLong()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z").toEpochMilli());
  }

  @Test
  void windowsFileMatchesTheTelemetryWindowsMapping(@TempDir Path dir) throws Exception {
    JsonLinesExport export = new JsonLinesExport(dir);
    export.exportWindows(List.of(new TelemetryWindowRecord("w1", "t1", "api", "GET /x", "", "PT1M",
        "2024-01-01T00:00:00Z", "2024-01-01T00:01:00Z", "0", 10, 1, 0, 123.0, 10, 20, 30, 4, 1.02, 0,
        Map.of("120", 10L), 99, 1, "2024-01-01T00:01:05Z")));
    List<String> lines = Files.readAllLines(dir.resolve(JsonLinesExport.WINDOWS_FILE));
    assertThat(lines).hasSize(1);
    assertThat(fields(JSON.readTree(lines.get(0))))
        .containsExactlyInAnyOrderElementsOf(mappingPaths("TelemetryWindowsMapping"));
  }
}
