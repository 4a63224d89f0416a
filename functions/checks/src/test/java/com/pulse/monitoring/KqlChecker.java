package com.pulse.monitoring;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Parses and type-checks KQL with Microsoft's Kusto language service
 * ({@code @kusto/language-service-next}, installed by {@code .ci/run} under {@code .ci/node_modules})
 * by running {@code node .ci/kql/kql-check.cjs} once per {@link #check} call.
 *
 * <p>The ADX database symbol is built from the control-command scripts {@code bicep/adx/01..04*.kql}
 * (tables, materialized views and stored functions become symbols); the Log Analytics database is
 * built from the declared table schemas in {@code kql/log-analytics-schema.json} (test resources).
 *
 * <p>Thread-safety: instances are immutable; concurrent {@link #check} calls start separate processes.
 */
final class KqlChecker {

  /** Which database a query runs against. */
  enum Target {
    /** Azure Data Explorer database {@code pulse} (workbook queryType 9). */
    adx,
    /** Log Analytics workspace with the workspace-based Application Insights tables (queryType 0). */
    logs
  }

  /** One query to check; {@code id} names its source file and location for messages. */
  record Query(String id, Target target, String text) {}

  /** One diagnostic of the language service; line and column are 1-based within the checked text. */
  record Diagnostic(String severity, String message, int line, int column) {
    boolean isError() {
      return "Error".equals(severity);
    }
  }

  /** Diagnostics of one control command of a {@code .kql} script (line = where the command starts). */
  record SchemaCommand(String file, int line, String command, List<Diagnostic> diagnostics) {}

  /** Diagnostics and result columns (name to KQL type; null for a scalar result) of one query. */
  record QueryResult(String id, Target target, List<Diagnostic> diagnostics, Map<String, String> columns) {
    List<Diagnostic> errors() {
      return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
  }

  /** Everything one run of the checker reports. */
  record Report(List<SchemaCommand> schema, List<String> adxSymbols, List<QueryResult> queries) {}

  /** The ADX schema scripts, in deployment order. */
  static final List<String> ADX_SCHEMA_FILES = List.of(
      "bicep/adx/01-tables.kql", "bicep/adx/02-mappings.kql", "bicep/adx/03-views.kql", "bicep/adx/04-functions.kql");

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final Path SCRIPT = Path.of(".ci", "kql", "kql-check.cjs");
  private static final Path PACKAGE = Path.of(".ci", "node_modules", "@kusto", "language-service-next");
  private static final Path LOG_SCHEMA = Path.of("functions", "checks", "src", "test", "resources", "kql", "log-analytics-schema.json");

  private final Path root;
  private final List<String> adxSchemaFiles;

  private KqlChecker(Path root, List<String> adxSchemaFiles) {
    this.root = root;
    this.adxSchemaFiles = List.copyOf(adxSchemaFiles);
  }

  /**
   * Returns a checker over the repository's ADX schema scripts.
   *
   * @throws IllegalStateException when node or the npm test tooling is missing (run {@code .ci/run})
   */
  static KqlChecker forRepository() {
    return withAdxSchema(ADX_SCHEMA_FILES);
  }

  /**
   * Returns a checker whose ADX database is built from the given scripts (paths relative to the
   * repository root, or absolute).
   *
   * @throws IllegalStateException when node or the npm test tooling is missing (run {@code .ci/run})
   */
  static KqlChecker withAdxSchema(List<String> adxSchemaFiles) {
    Path root = Repository.root();
    if (!Files.isDirectory(root.resolve(PACKAGE))) {
      throw new IllegalStateException("@kusto/language-service-next is not installed in " + root.resolve(PACKAGE)
          + "; run .ci/run (npm ci --prefix .ci) once before the tests");
    }
    return new KqlChecker(root, adxSchemaFiles);
  }

  /**
   * Checks the ADX schema scripts and the given queries in one node process.
   *
   * @param queries queries to check, each against its target database
   * @return the language service's diagnostics for every schema command and query
   * @throws IllegalStateException when node cannot be started or the checker fails
   */
  Report check(List<Query> queries) {
    Objects.requireNonNull(queries, "queries");
    try {
      Path request = Files.createTempFile("kql-check", ".json");
      try {
        JSON.writeValue(request.toFile(), Map.of(
            "adxDatabase", "pulse",
            "adxSchemaFiles", adxSchemaFiles,
            "logSchemaFile", LOG_SCHEMA.toString(),
            "queries", queries));
        return run(request);
      } finally {
        Files.deleteIfExists(request);
      }
    } catch (IOException e) {
      throw new IllegalStateException("KQL check failed: " + e.getMessage(), e);
    }
  }

  private Report run(Path request) throws IOException {
    List<String> command = new ArrayList<>(List.of("node", SCRIPT.toString(), request.toString()));
    Process process;
    try {
      process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(false).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start node (Node 20 is needed by the KQL checks; see .ci/run)", e);
    }
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("KQL checker timed out after 120 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the KQL checker", e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException("KQL checker exited with " + process.exitValue() + ": "
          + new String(err, StandardCharsets.UTF_8));
    }
    return JSON.readValue(out, Report.class);
  }
}
