package com.pulse.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Azure Workbook definition ({@code "version": "Notebook/1.0"}, the JSON the portal's Advanced
 * Editor shows) reduced to what the checks need: its parameters and its queries.
 *
 * <p>Item types (https://github.com/microsoft/Application-Insights-Workbooks/tree/master/Documentation):
 * 1 text, 3 query, 9 parameters, 10 metrics, 11 links, 12 group. Query types: 0 Logs (Log Analytics /
 * Application Insights), 9 Azure Data Explorer. Parameter types: 1 text, 2 drop down, 4 time range,
 * 5 resource picker. A parameter is referenced as {@code {Name}} or {@code {Name:format}}.
 *
 * <p>Immutable; thread-safe.
 */
final class Workbook {

  /** A reference to a workbook parameter: {@code {Name}} or {@code {Name:format}}. */
  static final Pattern REFERENCE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?::([A-Za-z]+))?\\}");

  /** Sample values substituted for time range formats, so a query can be type-checked. */
  private static final Map<String, String> TIME_FORMATS = Map.of(
      "startISO", "2026-01-01T00:00:00Z",
      "endISO", "2026-01-02T00:00:00Z",
      "start", "datetime(2026-01-01T00:00:00Z)",
      "end", "datetime(2026-01-02T00:00:00Z)",
      "grain", "1h");

  /** A query of the workbook: a query item or a parameter filled by a query. */
  record QueryItem(String path, int queryType, String query, JsonNode content) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String file;
  private final JsonNode root;
  private final Map<String, JsonNode> parameters = new LinkedHashMap<>();
  private final List<String> exportedParameters = new ArrayList<>();
  private final List<QueryItem> queries = new ArrayList<>();
  private final List<JsonNode> items = new ArrayList<>();

  private Workbook(String file, JsonNode root) {
    this.file = file;
    this.root = root;
    collect(root.path("items"), "items");
  }

  /**
   * Reads a workbook file relative to the repository root.
   *
   * @throws UncheckedIOException when the file is missing or not JSON
   */
  static Workbook read(String file) {
    try {
      return new Workbook(file, JSON.readTree(Repository.read(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }

  private void collect(JsonNode list, String path) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      String itemPath = path + "[" + i + "]:" + item.path("name").asText("?");
      items.add(item);
      JsonNode content = item.path("content");
      switch (item.path("type").asInt(-1)) {
        case 3 -> queries.add(new QueryItem(itemPath, content.path("queryType").asInt(-1), content.path("query").asText(""), content));
        case 9 -> {
          for (JsonNode p : content.path("parameters")) {
            parameters.put(p.path("name").asText(), p);
            if (p.hasNonNull("query")) {
              queries.add(new QueryItem(itemPath + "/" + p.path("name").asText(), p.path("queryType").asInt(-1), p.path("query").asText(), p));
            }
          }
        }
        case 12 -> collect(content.path("items"), itemPath + "/items");
        default -> { }
      }
      for (JsonNode e : content.path("exportedParameters")) {
        exportedParameters.add(e.path("parameterName").asText());
      }
      if (content.hasNonNull("exportParameterName")) {
        exportedParameters.add(content.path("exportParameterName").asText());
      }
    }
  }

  String file() {
    return file;
  }

  JsonNode root() {
    return root;
  }

  /** Every item, groups flattened, in document order. */
  List<JsonNode> items() {
    return List.copyOf(items);
  }

  /** Declared parameters by name. */
  Map<String, JsonNode> parameters() {
    return Map.copyOf(parameters);
  }

  /** Whether {@code name} is declared by a parameters item or exported by a grid. */
  boolean defines(String name) {
    return parameters.containsKey(name) || exportedParameters.contains(name);
  }

  List<QueryItem> queries() {
    return List.copyOf(queries);
  }

  /** Names of every parameter referenced in a string. */
  static List<String> references(String text) {
    List<String> names = new ArrayList<>();
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /**
   * Replaces every parameter reference in a query with a sample value of the parameter's kind, as
   * the workbook would before running it: time range formats become datetime literals or ISO text,
   * a multi-select drop down becomes a quoted list, any other parameter its default value (or the
   * word {@code sample}, so an unquoted string parameter stays a type error).
   *
   * @throws IllegalArgumentException when a reference names no parameter, or a time range is used without a format
   */
  String substitute(String query) {
    Matcher m = REFERENCE.matcher(query);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String format = m.group(2);
      if (!defines(name)) {
        throw new IllegalArgumentException(file + ": query references undefined parameter {" + name + "}");
      }
      JsonNode p = parameters.get(name);
      String value;
      if (p != null && p.path("type").asInt() == 4) {
        value = format == null ? null : TIME_FORMATS.get(format);
        if (value == null) {
          throw new IllegalArgumentException(file + ": time range {" + name + (format == null ? "" : ":" + format)
              + "} needs a format (startISO, endISO, start, end, grain)");
        }
      } else if (p != null && p.path("multiSelect").asBoolean(false)) {
        String quote = p.path("quote").asText("");
        value = quote + "sample" + quote;
      } else if (p != null && p.hasNonNull("value") && p.path("value").isTextual()) {
        value = p.path("value").asText();
      } else {
        value = "sample";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
