package com.pulse.domain.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulse.domain.window.WindowPeriod;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Validates the fields of one catalog entry, adding every problem it finds to a shared list instead
 * of stopping at the first. Not thread-safe; one instance per entry.
 */
final class MetricEntryReader {
  /** The keys an entry may have. */
  static final Set<String> KEYS = Set.of("name", "title", "description", "unit", "window", "schedule",
      "settle", "sql", "dimensions", "values", "slo", "owners");
  /**
   * Longest settle delay: a month. Data later than that is a correction, recomputed with
   * {@code backfill}, not a reason to hold every window back.
   */
  static final Duration MAX_SETTLE = Duration.ofDays(31);

  private static final List<String> REQUIRED = List.of("name", "title", "description", "unit", "window", "schedule", "sql");
  private static final Set<String> SLO_KEYS = Set.of("op", "target", "value", "severity");
  private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Pattern TENANT_ID = Pattern.compile("\\btenant_id\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** One key of an entry with its value and the line of the key. */
  record Field(String key, JsonNode value, int line) {}

  private final String file;
  private final int entryLine;
  private final Map<String, Field> fields;
  private final List<CatalogProblem> problems;
  private boolean ok = true;

  MetricEntryReader(String file, int entryLine, Map<String, Field> fields, List<CatalogProblem> problems) {
    this.file = file;
    this.entryLine = entryLine;
    this.fields = fields;
    this.problems = problems;
  }

  /** The definition, or null if the entry has a problem (then added to the list). */
  MetricDefinition read() {
    for (String key : REQUIRED) {
      if (!fields.containsKey(key)) {
        problem(entryLine, "metric is missing required key '" + key + "'");
      }
    }
    String name = has("name") ? name(text("name")) : null;
    String title = has("title") ? text("title") : null;
    String description = has("description") ? text("description") : null;
    String unit = has("unit") ? text("unit") : null;
    WindowPeriod window = has("window") ? parsed("window", WindowPeriod::parse) : null;
    String schedule = has("schedule") ? parsed("schedule", MetricEntryReader::schedule) : null;
    Duration settle = has("settle") ? parsed("settle", MetricEntryReader::settle) : Duration.ZERO;
    MetricSql sql = has("sql") ? sql() : null;
    List<String> dimensions = columns("dimensions");
    List<String> values = columns("values");
    if (values != null && has("values") && values.isEmpty()) {
      fail("values", "'values' must list at least one column (leave it out to take every numeric column)");
    }
    if (values != null && dimensions != null) {
      for (String v : values) {
        if (dimensions.contains(v) || v.equals("tenant_id")) {
          fail("values", "value column '" + v + "' is also tenant_id or a dimension");
        }
      }
    }
    if (dimensions != null && dimensions.contains("tenant_id")) {
      fail("dimensions", "tenant_id is implicit and must not be listed as a dimension");
    }
    Slo slo = has("slo") && values != null && dimensions != null ? slo(dimensions, values) : null;
    List<String> owners = strings("owners");
    if (owners != null) {
      for (String owner : owners) {
        if (!EMAIL.matcher(owner).matches()) {
          fail("owners", "owner is not an email address: '" + owner + "'");
        }
      }
    }
    if (!ok) {
      return null;
    }
    return new MetricDefinition(name, title, description, unit, window, schedule, settle, sql, dimensions, values, slo,
        owners, file + ":" + entryLine);
  }

  private String name(String name) {
    if (name != null && !MetricDefinition.NAME.matcher(name).matches()) {
      String shown = name.length() > 40 ? name.substring(0, 40) + "… (" + name.length() + " characters)" : name;
      fail("name", "name must match " + MetricDefinition.NAME + " (a lower-case letter, then lower-case letters, digits or _, "
          + "at most " + MetricDefinition.MAX_NAME_LENGTH + " characters): '" + shown + "'");
      return null;
    }
    return name;
  }

  private MetricSql sql() {
    JsonNode node = fields.get("sql").value();
    if (node.isTextual()) {
      String text = text("sql");
      return text != null && tenantId(text, "sql") ? MetricSql.portable(text) : null;
    }
    if (!node.isObject()) {
      fail("sql", "'sql' must be one query text, or a mapping from dialect (duckdb, sqlserver) to query text");
      return null;
    }
    Map<SqlDialect, String> texts = new EnumMap<>(SqlDialect.class);
    boolean valid = true;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      try {
        SqlDialect d = SqlDialect.ofKey(e.getKey());
        if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
          fail("sql", "'sql." + e.getKey() + "' must be a non-empty query text");
          valid = false;
        } else if (!tenantId(e.getValue().asText(), "sql." + e.getKey())) {
          valid = false;
        } else {
          texts.put(d, e.getValue().asText().strip());
        }
      } catch (IllegalArgumentException unknown) {
        fail("sql", "in 'sql': " + unknown.getMessage());
        valid = false;
      }
    }
    for (SqlDialect d : SqlDialect.values()) {
      if (!texts.containsKey(d) && valid) {
        fail("sql", "'sql' gives texts per dialect but none for '" + d.key() + "' (every dialect needs one: "
            + "duckdb, sqlserver; or write one portable text)");
        valid = false;
      }
    }
    return valid ? MetricSql.perDialect(texts) : null;
  }

  private boolean tenantId(String sql, String key) {
    if (!TENANT_ID.matcher(sql).find()) {
      fail("sql", "'" + key + "' must return a tenant_id column");
      return false;
    }
    return true;
  }

  private Slo slo(List<String> dimensions, List<String> values) {
    JsonNode node = fields.get("slo").value();
    if (!node.isObject()) {
      fail("slo", "slo must be a mapping with op, target, value, severity");
      return null;
    }
    int before = problems.size();
    node.fieldNames().forEachRemaining(k -> {
      if (!SLO_KEYS.contains(k)) {
        fail("slo", "unknown key 'slo." + k + "' (allowed: " + SLO_KEYS.stream().sorted().toList() + ")");
      }
    });
    for (String k : SLO_KEYS.stream().sorted().toList()) {
      if (!node.hasNonNull(k)) {
        fail("slo", "slo is missing required key '" + k + "'");
      }
    }
    if (problems.size() > before) {
      return null;
    }
    if (!node.get("target").isNumber() || !node.get("severity").canConvertToInt() || !node.get("severity").isIntegralNumber()) {
      fail("slo", "slo.target must be a number and slo.severity an integer 0-4");
      return null;
    }
    String value = node.get("value").asText();
    if (!values.isEmpty() && !values.contains(value) || dimensions.contains(value)) {
      fail("slo", "slo.value '" + value + "' is not a value column of the metric");
      return null;
    }
    try {
      return new Slo(Slo.Op.parse(node.get("op").asText()), node.get("target").asDouble(), value,
          node.get("severity").asInt());
    } catch (IllegalArgumentException e) {
      fail("slo", e.getMessage());
      return null;
    }
  }

  private boolean has(String key) {
    return fields.containsKey(key);
  }

  private String text(String key) {
    JsonNode v = fields.get(key).value();
    if (!v.isTextual() || v.asText().isBlank()) {
      fail(key, "'" + key + "' must be a non-empty string");
      return null;
    }
    return v.asText().strip();
  }

  private <T> T parsed(String key, Function<String, T> parser) {
    String text = text(key);
    if (text == null) {
      return null;
    }
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
      fail(key, "invalid " + key + " '" + text + "': " + e.getMessage());
      return null;
    }
  }

  /** The strings of a list key: empty if absent, null (and a problem) if it is not a list of strings. */
  private List<String> strings(String key) {
    Field f = fields.get(key);
    if (f == null) {
      return List.of();
    }
    if (!f.value().isArray()) {
      fail(key, "'" + key + "' must be a list of strings");
      return null;
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : f.value()) {
      if (!n.isTextual()) {
        fail(key, "'" + key + "' must be a list of strings");
        return null;
      }
      out.add(n.asText());
    }
    return out;
  }

  private List<String> columns(String key) {
    List<String> cols = strings(key);
    if (cols == null) {
      return null;
    }
    boolean valid = true;
    for (String c : cols) {
      if (!COLUMN.matcher(c).matches()) {
        fail(key, "column name must match " + COLUMN + ": '" + c + "'");
        valid = false;
      }
    }
    if (cols.stream().distinct().count() != cols.size()) {
      fail(key, "'" + key + "' lists a column twice");
      valid = false;
    }
    return valid ? cols : null;
  }

  private void fail(String key, String problem) {
    problem(fields.get(key).line(), problem);
  }

  private void problem(int line, String problem) {
    problems.add(new CatalogProblem(file, line, problem));
    ok = false;
  }

  private static String schedule(String text) {
    NcrontabSchedule schedule = NcrontabSchedule.parse(text);
    if (!schedule.firesEveryYear()) {
      throw new IllegalArgumentException("it does not fire in every year (a date that never or rarely exists, "
          + "such as 30 February or 29 February?); a metric's schedule must fire at least once a year");
    }
    return schedule.expression();
  }

  private static Duration settle(String text) {
    Duration d = Duration.parse(text);
    if (d.isNegative()) {
      throw new IllegalArgumentException("settle must not be negative");
    }
    if (d.compareTo(MAX_SETTLE) > 0) {
      throw new IllegalArgumentException("settle must be at most " + MAX_SETTLE.toDays() + " days (P"
          + MAX_SETTLE.toDays() + "D); recompute later corrections with backfill");
    }
    return d;
  }
}
