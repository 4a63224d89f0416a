package com.pulse.domain.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Loads and validates a YAML metric catalog ({@code metrics:} followed by a non-empty list of
 * entries, see {@link MetricDefinition} and {@code catalog/metrics.yaml}). Every problem of the file
 * is collected, each with the file name and the line of the offending key (Jackson's streaming
 * {@link JsonLocation}s), and reported at once in one {@link CatalogException}: unknown, missing and
 * repeated keys, wrong types, duplicate names, names longer than
 * {@value MetricDefinition#MAX_NAME_LENGTH} characters, bad window periods, settle durations outside
 * {@code [0, }{@link MetricEntryReader#MAX_SETTLE}{@code ]}, NCRONTAB schedules that are malformed or
 * do not fire every year, SQL without a {@code tenant_id} column or with an unknown dialect, empty
 * {@code values}, bad SLOs and emails. Only malformed YAML stops the reading (nothing after it can be
 * located). Stateless and thread-safe.
 */
public final class CatalogLoader {
  /** Classpath resource of the catalog packaged with the app. */
  public static final String DEFAULT_RESOURCE = "catalog/metrics.yaml";

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern YAML_MARK = Pattern.compile(" in '[^']*', line (\\d+), column \\d+:");

  private CatalogLoader() {}

  /**
   * Loads a catalog file.
   *
   * @throws CatalogException if the file is invalid (every problem, {@code file:line: problem})
   * @throws IllegalArgumentException if the file does not exist or is a directory (bad input)
   * @throws UncheckedIOException if it exists but cannot be read
   */
  public static Catalog load(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("catalog file " + file + " does not exist or is not a file");
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(file.toString(), reader);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("catalog file " + file + " does not exist", e);
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
   * @throws CatalogException if the text is invalid, with every problem found
   * @throws UncheckedIOException on a read failure
   */
  public static Catalog parse(String sourceName, Reader reader) {
    Objects.requireNonNull(sourceName, "sourceName");
    List<CatalogProblem> problems = new ArrayList<>();
    List<MetricDefinition> metrics = new ArrayList<>();
    try (JsonParser p = YAML.createParser(reader)) {
      readCatalog(sourceName, p, metrics, problems);
    } catch (JsonProcessingException e) {
      problems.add(yamlProblem(sourceName, e));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalog " + sourceName, e);
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparingInt(CatalogProblem::line)); // stable: same-line problems keep their order
      throw new CatalogException(problems);
    }
    return new Catalog(sourceName, metrics);
  }

  private static void readCatalog(String file, JsonParser p, List<MetricDefinition> metrics,
      List<CatalogProblem> problems) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      problems.add(new CatalogProblem(file, line(p.currentTokenLocation()), "catalog must be a mapping with a 'metrics' list"));
      return;
    }
    boolean seen = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      int at = line(p.currentTokenLocation());
      p.nextToken();
      if (!key.equals("metrics")) {
        problems.add(new CatalogProblem(file, at, "unknown key '" + key + "' (allowed: metrics)"));
        p.skipChildren();
      } else if (seen) {
        problems.add(new CatalogProblem(file, at, "key 'metrics' given twice"));
        p.skipChildren();
      } else if (p.currentToken() != JsonToken.START_ARRAY) {
        seen = true;
        problems.add(new CatalogProblem(file, at, "'metrics' must be a list of metrics"));
        p.skipChildren();
      } else {
        seen = true;
        int before = problems.size();
        readMetrics(file, p, metrics, problems);
        if (metrics.isEmpty() && problems.size() == before) {
          problems.add(new CatalogProblem(file, at, "'metrics' must list at least one metric"));
        }
      }
    }
    if (!seen) {
      problems.add(new CatalogProblem(file, 1, "missing key 'metrics'"));
    }
  }

  private static void readMetrics(String file, JsonParser p, List<MetricDefinition> metrics,
      List<CatalogProblem> problems) throws IOException {
    Map<String, Integer> nameLines = new HashMap<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      int entryLine = line(p.currentTokenLocation());
      if (p.currentToken() != JsonToken.START_OBJECT) {
        problems.add(new CatalogProblem(file, entryLine, "each metric must be a mapping"));
        p.skipChildren();
        continue;
      }
      Map<String, MetricEntryReader.Field> fields = new LinkedHashMap<>();
      boolean keysOk = true;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int line = line(p.currentTokenLocation());
        p.nextToken();
        if (!MetricEntryReader.KEYS.contains(key)) {
          problems.add(new CatalogProblem(file, line,
              "unknown key '" + key + "' (allowed: " + MetricEntryReader.KEYS.stream().sorted().toList() + ")"));
          p.skipChildren();
          keysOk = false;
        } else if (fields.containsKey(key)) {
          problems.add(new CatalogProblem(file, line, "key '" + key + "' given twice"));
          p.skipChildren();
          keysOk = false;
        } else {
          fields.put(key, new MetricEntryReader.Field(key, p.readValueAsTree(), line));
        }
      }
      MetricDefinition m = new MetricEntryReader(file, entryLine, fields, problems).read();
      MetricEntryReader.Field name = fields.get("name");
      if (name != null && name.value().isTextual()) {
        Integer first = nameLines.putIfAbsent(name.value().asText().strip(), name.line());
        if (first != null) {
          problems.add(new CatalogProblem(file, name.line(),
              "duplicate metric name '" + name.value().asText().strip() + "' (first defined at line " + first + ")"));
          continue;
        }
      }
      if (m != null && keysOk) {
        metrics.add(m);
      }
    }
  }

  /**
   * A YAML syntax error on one line: SnakeYAML's message spans several (context, snippet, caret,
   * problem); keep its sentences, and the line of its last mark (the problem's), else Jackson's.
   */
  private static CatalogProblem yamlProblem(String file, JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    int line = line(e.getLocation());
    Matcher mark = YAML_MARK.matcher(message);
    while (mark.find()) {
      line = Integer.parseInt(mark.group(1));
    }
    String sentences = message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
        .map(String::strip).collect(Collectors.joining("; "));
    return new CatalogProblem(file, line, "malformed YAML: " + (sentences.isEmpty() ? message.strip() : sentences));
  }

  static int line(JsonLocation at) {
    return at == null ? 0 : Math.max(at.getLineNr(), 0);
  }
}
