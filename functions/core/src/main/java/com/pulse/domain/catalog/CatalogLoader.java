package com.pulse.domain.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.pulse.domain.window.WindowPeriod;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads and validates a YAML metric catalog ({@code metrics:} followed by a list of entries, see
 * {@link MetricDefinition} and {@code catalog/metrics.yaml}). Every error is a {@link CatalogException}
 * with the file name and the line of the offending key, taken from Jackson's streaming
 * {@link JsonLocation}s: unknown keys, missing keys, wrong types, duplicate names, bad window periods,
 * settle durations and NCRONTAB schedules, SQL without a {@code tenant_id} column, bad SLOs and emails.
 * Stateless and thread-safe.
 */
public final class CatalogLoader {
  /** Classpath resource of the catalog packaged with the app. */
  public static final String DEFAULT_RESOURCE = "catalog/metrics.yaml";

  private static final Set<String> KEYS = Set.of("name", "title", "description", "unit", "window", "schedule",
      "settle", "sql", "dimensions", "values", "slo", "owners");
  private static final Set<String> REQUIRED = Set.of("name", "title", "description", "unit", "window", "schedule", "sql");
  private static final Set<String> SLO_KEYS = Set.of("op", "target", "value", "severity");
  private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Pattern TENANT_ID = Pattern.compile("\\btenant_id\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final YAMLMapper YAML = new YAMLMapper();

  private CatalogLoader() {}

  /**
   * Loads a catalog file.
   *
   * @throws CatalogException if the file is invalid (message {@code file:line: problem})
   * @throws UncheckedIOException if it cannot be read
   */
  public static Catalog load(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(file.toString(), reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalog " + file, e);
    }
  }

  /**
   * Loads a catalog from the classpath, e.g. {@link #DEFAULT_RESOURCE}.
   *
   * @throws IllegalArgumentException if the resource does not exist
   * @throws CatalogException if it is invalid
   */
  public static Catalog loadResource(String resource) {
    InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalArgumentException("catalog resource not found on the classpath: " + resource);
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse(resource, reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalog resource " + resource, e);
    }
  }

  /**
   * Parses catalog text.
   *
   * @param sourceName file name used in messages and {@link MetricDefinition#source()}
   * @param reader YAML text; not closed
   * @throws CatalogException if the text is invalid
   * @throws UncheckedIOException on a read failure
   */
  public static Catalog parse(String sourceName, Reader reader) {
    Objects.requireNonNull(sourceName, "sourceName");
    try (JsonParser p = YAML.createParser(reader)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw error(sourceName, p.currentTokenLocation(), "catalog must be a mapping with a 'metrics' list");
      }
      List<MetricDefinition> metrics = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonLocation at = p.currentTokenLocation();
        if (!key.equals("metrics")) {
          throw error(sourceName, at, "unknown key '" + key + "' (allowed: metrics)");
        }
        if (p.nextToken() != JsonToken.START_ARRAY) {
          throw error(sourceName, at, "'metrics' must be a list");
        }
        metrics = readMetrics(sourceName, p);
      }
      if (metrics == null) {
        throw new CatalogException(sourceName, 1, "missing key 'metrics'");
      }
      return new Catalog(sourceName, metrics);
    } catch (JsonProcessingException e) {
      throw new CatalogException(sourceName, line(e.getLocation()), "malformed YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalog " + sourceName, e);
    }
  }

  private static List<MetricDefinition> readMetrics(String file, JsonParser p) throws IOException {
    List<MetricDefinition> metrics = new ArrayList<>();
    Map<String, Integer> nameLines = new HashMap<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      JsonLocation entryAt = p.currentTokenLocation();
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw error(file, entryAt, "each metric must be a mapping");
      }
      Map<String, Field> fields = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int line = line(p.currentTokenLocation());
        if (!KEYS.contains(key)) {
          throw new CatalogException(file, line, "unknown key '" + key + "' (allowed: " + KEYS.stream().sorted().toList() + ")");
        }
        if (fields.containsKey(key)) {
          throw new CatalogException(file, line, "key '" + key + "' given twice");
        }
        p.nextToken();
        fields.put(key, new Field(key, p.readValueAsTree(), line));
      }
      MetricDefinition m = new EntryReader(file, line(entryAt), fields).read();
      Integer first = nameLines.putIfAbsent(m.name(), fields.get("name").line());
      if (first != null) {
        throw new CatalogException(file, fields.get("name").line(),
            "duplicate metric name '" + m.name() + "' (first defined at line " + first + ")");
      }
      metrics.add(m);
    }
    return metrics;
  }

  private static int line(JsonLocation at) {
    return at == null ? 0 : Math.max(at.getLineNr(), 0);
  }

  private static CatalogException error(String file, JsonLocation at, String problem) {
    return new CatalogException(file, line(at), problem);
  }

  /** One key of an entry with its value and the line of the key. */
  private record Field(String key, JsonNode value, int line) {}

  /** Validates the fields of one entry. */
  private record EntryReader(String file, int entryLine, Map<String, Field> fields) {

    MetricDefinition read() {
      for (String key : REQUIRED) {
        if (!fields.containsKey(key)) {
          throw new CatalogException(file, entryLine, "metric is missing required key '" + key + "'");
        }
      }
      String name = text("name");
      if (!MetricDefinition.NAME.matcher(name).matches()) {
        throw fail("name", "name must match " + MetricDefinition.NAME + ": '" + name + "'");
      }
      WindowPeriod window = parsed("window", WindowPeriod::parse);
      String schedule = parsed("schedule", s -> NcrontabSchedule.parse(s).expression());
      Duration settle = fields.containsKey("settle") ? parsed("settle", CatalogLoader::settle) : Duration.ZERO;
      String sql = text("sql");
      if (!TENANT_ID.matcher(sql).find()) {
        throw fail("sql", "sql must return a tenant_id column");
      }
      List<String> dimensions = columns("dimensions");
      List<String> values = columns("values");
      for (String v : values) {
        if (dimensions.contains(v) || v.equals("tenant_id")) {
          throw fail("values", "value column '" + v + "' is also tenant_id or a dimension");
        }
      }
      if (dimensions.contains("tenant_id")) {
        throw fail("dimensions", "tenant_id is implicit and must not be listed as a dimension");
      }
      Slo slo = fields.containsKey("slo") ? slo(dimensions, values) : null;
      List<String> owners = strings("owners");
      for (String owner : owners) {
        if (!EMAIL.matcher(owner).matches()) {
          throw fail("owners", "owner is not an email address: '" + owner + "'");
        }
      }
      return new MetricDefinition(name, text("title"), text("description"), text("unit"), window, schedule, settle,
          sql, dimensions, values, slo, owners, file + ":" + entryLine);
    }

    private Slo slo(List<String> dimensions, List<String> values) {
      JsonNode node = fields.get("slo").value();
      if (!node.isObject()) {
        throw fail("slo", "slo must be a mapping with op, target, value, severity");
      }
      node.fieldNames().forEachRemaining(k -> {
        if (!SLO_KEYS.contains(k)) {
          throw fail("slo", "unknown key 'slo." + k + "' (allowed: " + SLO_KEYS.stream().sorted().toList() + ")");
        }
      });
      for (String k : SLO_KEYS) {
        if (!node.hasNonNull(k)) {
          throw fail("slo", "slo is missing required key '" + k + "'");
        }
      }
      if (!node.get("target").isNumber() || !node.get("severity").canConvertToInt() || !node.get("severity").isIntegralNumber()) {
        throw fail("slo", "slo.target must be a number and slo.severity an integer 0-4");
      }
      String value = node.get("value").asText();
      if (!values.isEmpty() && !values.contains(value) || dimensions.contains(value)) {
        throw fail("slo", "slo.value '" + value + "' is not a value column of the metric");
      }
      try {
        return new Slo(Slo.Op.parse(node.get("op").asText()), node.get("target").asDouble(), value,
            node.get("severity").asInt());
      } catch (IllegalArgumentException e) {
        throw fail("slo", e.getMessage());
      }
    }

    private String text(String key) {
      JsonNode v = fields.get(key).value();
      if (!v.isTextual() || v.asText().isBlank()) {
        throw fail(key, "'" + key + "' must be a non-empty string");
      }
      return v.asText().strip();
    }

    private <T> T parsed(String key, java.util.function.Function<String, T> parser) {
      String text = text(key);
      try {
        return parser.apply(text);
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw fail(key, "invalid " + key + " '" + text + "': " + e.getMessage());
      }
    }

    private List<String> strings(String key) {
      Field f = fields.get(key);
      if (f == null) {
        return List.of();
      }
      if (!f.value().isArray()) {
        throw fail(key, "'" + key + "' must be a list of strings");
      }
      List<String> out = new ArrayList<>();
      for (JsonNode n : f.value()) {
        if (!n.isTextual()) {
          throw fail(key, "'" + key + "' must be a list of strings");
        }
        out.add(n.asText());
      }
      return out;
    }

    private List<String> columns(String key) {
      List<String> cols = strings(key);
      for (String c : cols) {
        if (!COLUMN.matcher(c).matches()) {
          throw fail(key, "column name must match " + COLUMN + ": '" + c + "'");
        }
      }
      if (cols.stream().distinct().count() != cols.size()) {
        throw fail(key, "'" + key + "' lists a column twice");
      }
      return cols;
    }

    private CatalogException fail(String key, String problem) {
      return new CatalogException(file, fields.get(key).line(), problem);
    }
  }

  private static Duration settle(String text) {
    Duration d = Duration.parse(text);
    if (d.isNegative()) {
      throw new IllegalArgumentException("settle must not be negative: " + text);
    }
    return d;
  }
}
