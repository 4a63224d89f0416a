package com.pulse.adapter.eventhubs;

import static org.assertj.core.api.Assertions.assertThat;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulse.adapter.json.AdxRows;
import com.pulse.domain.metric.MetricPoint;
import com.pulse.domain.telemetry.aggregate.Granularity;
import com.pulse.domain.telemetry.metric.MetricSeries;
import com.pulse.domain.telemetry.metric.MetricSketches;
import com.pulse.domain.telemetry.metric.MetricWindowDocument;
import com.pulse.domain.telemetry.metric.MetricWindows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The export contract: what {@link EventHubsMetricExport} puts in an event body (the row {@link AdxRows} writes for a real
 * domain value) must be exactly what the ADX JSON ingestion mapping in
 * {@code bicep/adx/02-mappings.kql} reads, with compatible types, and the mapping must reference
 * columns that exist in {@code 01-tables.kql} with the same type.
 */
class AdxMappingContractTest {
  private static final Path ADX = Path.of("bicep/adx");
  private static final Pattern MAPPING = Pattern.compile(
      "\\.create-or-alter table (\\w+) ingestion json mapping \"(\\w+)\"\\s*((?:'[^'\\n]*'\\s*)+)");
  private static final Pattern TABLE = Pattern.compile("\\.create-merge table (\\w+) \\(([^)]*)\\)");
  private final ObjectMapper json = new ObjectMapper();

  /** One mapping entry: JSON path field name to column and datatype. */
  private record Column(String column, String datatype) {}

  @Test
  void metricPointRecordMatchesMetricPointsMapping() throws IOException {
    MetricPoint point = MetricPoint.create("churn_rate", "t1", Map.of("plan", "pro", "region", "eu"),
        Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-21T00:00:00Z"),
        Map.of("rate", 0.031, "churned", 12.0), "ratio", Instant.parse("2026-11-21T00:15:03.120Z"), "run-7");
    assertContract("MetricPoints", "MetricPointsMapping", json.readTree(AdxRows.pointRow(point)));
  }

  @Test
  void telemetryWindowRecordMatchesTelemetryWindowsMapping() throws IOException {
    assertContract("TelemetryWindows", "TelemetryWindowsMapping",
        json.readTree(AdxRows.windowRow(EventHubsMetricExportTest.window("t1", "3"))));
  }

  @Test
  void logWindowRowMatchesLogWindowsMapping() throws IOException {
    com.pulse.domain.telemetry.log.LogWindowDocument doc = com.pulse.app.port.LogWindowStoreContractAccess.document();
    for (byte[] row : AdxRows.logWindowRows(doc)) {
      assertContract("LogWindows", "LogWindowsMapping", json.readTree(row));
    }
    assertThat(AdxRows.logWindowRows(doc)).hasSize(doc.series().size());
  }

  @Test
  void metricSeriesRowMatchesMetricWindowsMapping() throws IOException {
    DDSketch sketch = MetricSketches.newSketch();
    sketch.accept(12.5, 3);
    sketch.accept(0, 1);
    sketch.accept(-4, 2);
    Instant start = Instant.parse("2026-11-21T10:00:00Z");
    MetricWindowDocument d = new MetricWindowDocument(MetricWindows.idOf("t1", Granularity.MINUTE, start, "3"), "t1",
        MetricWindowDocument.SIGNAL, "PT1M", start, start.plusSeconds(60), "3", 6, 1, 0,
        List.of(new MetricSeries("checkout", "db.duration", "ms", MetricWindows.HISTOGRAM,
            Map.of("db.system.name", "postgresql"), 2, 6, 33.5, -4.0, 12.6, null, 1_700_000_000_000_000_000L, 0, true,
            MetricSketches.serialize(sketch))), 42, 2, start.plusSeconds(65));
    assertContract("MetricWindows", "MetricWindowsMapping",
        json.readTree(AdxRows.metricSeriesRow(MetricWindows.versionOf(d), 0)));
  }

  private void assertContract(String table, String mappingName, JsonNode record) throws IOException {
    Map<String, Column> mapping = mappings().get(mappingName);
    assertThat(mapping).as("mapping %s in 02-mappings.kql", mappingName).isNotNull();
    Map<String, String> tableColumns = tables().get(table);

    Map<String, JsonNode> fields = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      fields.put(field.getKey(), field.getValue());
    }
    assertThat(fields.keySet()).as("record fields vs mapping paths of %s", mappingName)
        .containsExactlyInAnyOrderElementsOf(mapping.keySet());
    fields.forEach((name, value) -> {
      Column column = mapping.get(name);
      assertThat(compatible(value, column.datatype()))
          .as("%s.%s = %s is compatible with %s", mappingName, name, value, column.datatype()).isTrue();
      assertThat(tableColumns).as("table %s", table).containsEntry(column.column(), column.datatype());
    });
    assertThat(mapping.values()).extracting(Column::column)
        .containsExactlyInAnyOrderElementsOf(tableColumns.keySet());
  }

  private static boolean compatible(JsonNode value, String datatype) {
    return switch (datatype) {
      case "string" -> value.isTextual();
      case "long", "int" -> value.isIntegralNumber();
      case "real", "decimal" -> value.isNumber();
      case "bool" -> value.isBoolean();
      case "datetime" -> value.isTextual() && isInstant(value.asText());
      case "dynamic" -> value.isObject() || value.isArray();
      default -> false;
    };
  }

  private static boolean isInstant(String text) {
    try {
      Instant.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** Mapping name to (JSON field name to column), parsed from the KQL control commands. */
  private Map<String, Map<String, Column>> mappings() throws IOException {
    String kql = Files.readString(ADX.resolve("02-mappings.kql"));
    Map<String, Map<String, Column>> result = new LinkedHashMap<>();
    Matcher m = MAPPING.matcher(kql);
    while (m.find()) {
      StringBuilder literal = new StringBuilder();
      Matcher part = Pattern.compile("'([^'\\n]*)'").matcher(m.group(3));
      while (part.find()) {
        literal.append(part.group(1));
      }
      Map<String, Column> columns = new LinkedHashMap<>();
      for (JsonNode entry : json.readTree(literal.toString())) {
        String path = entry.get("path").asText();
        assertThat(path).as("flat JSON path").matches("\\$\\.\\w+");
        columns.put(path.substring(2), new Column(entry.get("column").asText(), entry.get("datatype").asText()));
      }
      result.put(m.group(2), columns);
    }
    return result;
  }

  /** Table name to (column to type), parsed from {@code 01-tables.kql}. */
  private static Map<String, Map<String, String>> tables() throws IOException {
    String kql = Files.readString(ADX.resolve("01-tables.kql"));
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    Matcher m = TABLE.matcher(kql);
    while (m.find()) {
      Map<String, String> columns = new LinkedHashMap<>();
      for (String column : m.group(2).split(",")) {
        String[] nameType = column.trim().split(":\\s*");
        columns.put(nameType[0].trim(), nameType[1].trim());
      }
      result.put(m.group(1), columns);
    }
    return result;
  }
}
