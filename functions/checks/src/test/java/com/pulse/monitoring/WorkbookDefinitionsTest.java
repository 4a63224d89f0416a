package com.pulse.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulse.monitoring.KqlChecker.Query;
import com.pulse.monitoring.KqlChecker.QueryResult;
import com.pulse.monitoring.KqlChecker.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three workbooks in {@code dashboards/}: structure (version, items, parameters referenced
 * exist, every query item names its data source) and every query — parameters substituted as the
 * workbook does — type-checks with zero errors against the ADX schema or the Log Analytics tables.
 */
class WorkbookDefinitionsTest {

  static final List<String> WORKBOOKS = List.of(
      "dashboards/customer-metrics.workbook.json",
      "dashboards/pipeline-health.workbook.json",
      "dashboards/access-audit.workbook.json");

  private static Map<String, QueryResult> results;

  static List<String> workbooks() {
    return WORKBOOKS;
  }
  private static final List<Query> checked = new ArrayList<>();

  @BeforeAll
  static void checkAllQueries() {
    for (String file : WORKBOOKS) {
      Workbook workbook = Workbook.read(file);
      for (Workbook.QueryItem item : workbook.queries()) {
        Target target = item.queryType() == 9 ? Target.adx : Target.logs;
        checked.add(new Query(file + " " + item.path(), target, workbook.substitute(item.query())));
      }
    }
    results = KqlChecker.forRepository().check(checked).queries().stream()
        .collect(Collectors.toMap(QueryResult::id, r -> r));
  }

  @Test
  void everyWorkbookQueryTypeChecksWithZeroErrors() {
    assertThat(checked).hasSizeGreaterThanOrEqualTo(53);
    assertThat(results.values()).allSatisfy(r -> assertThat(r.errors())
        .as("%s:%n%s", r.id(), textOf(r.id()))
        .isEmpty());
  }

  /** A panel of the customer-metrics workbook: the stored function it reads and the columns it shows. */
  record Panel(String name, String function, List<String> columns) {}

  /** The panels of the three telemetry outputs (dependency calls, OTLP logs, OTLP metrics). */
  static final List<Panel> SIGNAL_PANELS = List.of(
      new Panel("dependency-stats", "DependencyStats", List.of("Service", "Dependency", "Operation", "Calls", "RatePerMin",
          "ErrorPct", "P50Ms", "P95Ms", "P99Ms")),
      new Panel("dependency-slowest", "DependencyStats", List.of("Service", "Dependency", "Operation", "P50Ms", "P95Ms",
          "P99Ms", "Calls", "ErrorPct")),
      new Panel("dependency-rate", "DependencyStats", List.of("Bucket", "Series", "CallsPerMin")),
      new Panel("dependency-errors", "DependencyStats", List.of("Bucket", "Series", "ErrorPct")),
      new Panel("dependency-p95", "TelemetryQuantiles", List.of("Bucket", "Series", "P95Ms")),
      new Panel("dependency-latency", "DependencyStats", List.of("Bucket", "P50Ms", "P95Ms", "P99Ms")),
      new Panel("dependency-calls", "DependencyStats", List.of("Bucket", "CallsPerMin", "ErrorPct")),
      new Panel("log-severity", "LogStats", List.of("Bucket", "Severity", "Records")),
      new Panel("log-errors-by-service", "LogStats", List.of("Bucket", "Service", "Records")),
      new Panel("log-error-templates", "LogStats", List.of("Service", "Severity", "Template", "Records", "SharePct",
          "NotKept")),
      new Panel("otlp-parameters/OtlpMetric", "MetricWindowNames", List.of("value", "label")),
      new Panel("otlp-metric-series", "MetricWindowStats", List.of("Bucket", "Series", "Value")),
      new Panel("otlp-metric-table", "MetricWindowStats", List.of("Service", "Attributes", "Type", "Unit", "RatePerSecond",
          "Last", "Min", "Max", "Mean", "Count", "Sum", "P50", "P95", "P99")));

  @Test
  void customerMetricsShowsDependencyCallsLogsAndOtlpMetrics() {
    String file = "dashboards/customer-metrics.workbook.json";
    assertThat(SIGNAL_PANELS).allSatisfy(panel -> {
      Query query = checked.stream()
          .filter(q -> q.id().startsWith(file + " ") && q.id().endsWith(":" + panel.name()))
          .findFirst().orElseThrow(() -> new AssertionError(file + " has no query item " + panel.name()));
      assertThat(query.text()).as(panel.name()).contains(panel.function() + "(");
      assertThat(results.get(query.id()).columns()).as(panel.name()).containsKeys(panel.columns().toArray(String[]::new));
    });
    assertThat(results.values().stream().filter(r -> r.id().endsWith(":otlp-metric-series")))
        .singleElement().satisfies(r -> assertThat(r.columns()).containsEntry("Value", "real"));
  }

  @ParameterizedTest
  @MethodSource("workbooks")
  void hasTheNotebookStructure(String file) {
    Workbook workbook = Workbook.read(file);

    assertThat(workbook.root().path("version").asText()).isEqualTo("Notebook/1.0");
    assertThat(workbook.items()).isNotEmpty().allSatisfy(item -> {
      assertThat(item.path("type").asInt()).as("item type").isIn(1, 3, 9, 10, 11, 12);
      assertThat(item.path("name").asText()).as("item name").isNotBlank();
      assertThat(item.has("content")).isTrue();
    });
    assertThat(workbook.items().stream().map(i -> i.path("name").asText()).distinct().count())
        .as("item names are unique").isEqualTo(workbook.items().size());
    assertThat(workbook.parameters()).containsKey("TimeRange");
    assertThat(workbook.queries()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("workbooks")
  void everyQueryNamesItsDataSource(String file) {
    Workbook workbook = Workbook.read(file);

    assertThat(workbook.queries()).allSatisfy(q -> {
      JsonNode c = q.content();
      assertThat(q.queryType()).as("%s queryType", q.path()).isIn(0, 9);
      assertThat(q.query()).as("%s query", q.path()).isNotBlank();
      if (q.queryType() == 9) {
        assertThat(c.path("clusterName").asText()).as("%s clusterName", q.path()).isEqualTo("{AdxCluster}");
        assertThat(c.path("databaseName").asText()).as("%s databaseName", q.path()).isEqualTo("{AdxDatabase}");
      } else {
        assertThat(c.path("resourceType").asText()).as("%s resourceType", q.path())
            .isEqualTo("microsoft.operationalinsights/workspaces");
        assertThat(c.path("crossComponentResources")).as("%s crossComponentResources", q.path()).isNotEmpty();
        assertThat(c.path("timeContextFromParameter").asText()).as("%s time context", q.path()).isEqualTo("TimeRange");
      }
    });
  }

  @ParameterizedTest
  @MethodSource("workbooks")
  void everyReferencedParameterExists(String file) {
    Workbook workbook = Workbook.read(file);
    List<String> referenced = new ArrayList<>();
    for (JsonNode item : workbook.items()) {
      JsonNode c = item.path("content");
      for (String field : List.of("query", "title", "clusterName", "databaseName", "json")) {
        referenced.addAll(Workbook.references(c.path(field).asText("")));
      }
      c.path("crossComponentResources").forEach(r -> referenced.addAll(Workbook.references(r.asText())));
      c.path("parameters").forEach(p -> referenced.addAll(Workbook.references(p.path("query").asText(""))));
      if (c.has("conditionalVisibility")) {
        referenced.add(c.path("conditionalVisibility").path("parameterName").asText());
      }
    }

    assertThat(referenced).isNotEmpty().allSatisfy(name -> assertThat(workbook.defines(name))
        .as("%s references {%s}", file, name).isTrue());
  }

  @Test
  void deploymentTokensAreOnlyParameterValues() {
    for (String file : WORKBOOKS) {
      String text = Repository.read(file);
      Workbook workbook = Workbook.read(file);
      long tokens = text.split("__PULSE_", -1).length - 1;
      long tokenValues = workbook.parameters().values().stream()
          .filter(p -> p.path("value").asText("").startsWith("__PULSE_")).count();
      assertThat(tokens).as(file).isEqualTo(tokenValues);
    }
  }

  @Test
  void substitutionRejectsUndefinedParametersAndBareTimeRanges() {
    Workbook workbook = Workbook.read("dashboards/pipeline-health.workbook.json");

    assertThatThrownBy(() -> workbook.substitute("AppRequests | where OperationName == '{Nope}'"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{Nope}");
    assertThatThrownBy(() -> workbook.substitute("AppRequests | where TimeGenerated {TimeRange}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a format");
    assertThat(workbook.substitute("bin(TimeGenerated, {TimeRange:grain})")).isEqualTo("bin(TimeGenerated, 1h)");
  }

  private static String textOf(String id) {
    return checked.stream().filter(q -> q.id().equals(id)).map(Query::text).findFirst().orElse("");
  }
}
