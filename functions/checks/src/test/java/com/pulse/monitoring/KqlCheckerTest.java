package com.pulse.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.monitoring.KqlChecker.Query;
import com.pulse.monitoring.KqlChecker.QueryResult;
import com.pulse.monitoring.KqlChecker.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker catches what it must: wrong columns, unknown tables, bad function bodies — and passes good KQL. */
class KqlCheckerTest {

  /** All queries of this test, checked in one node process (loading the language service takes seconds). */
  private static final List<Query> QUERIES = List.of(
      new Query("wrong-adx-column", Target.adx, "MetricPointsLatest\n| where TenantId == 't'\n| project Metric, Valeus"),
      new Query("wrong-logs-column", Target.logs, "AppRequests | summarize count() by FunctionName"),
      new Query("unknown-table", Target.logs, "AppRequestz | take 1"),
      new Query("type-error", Target.adx, "TelemetryWindowsLatest | where Count > 'many'"),
      new Query("good-adx", Target.adx, "TelemetryWindowsLatest | summarize Requests = sum(Count) by TenantId"),
      new Query("good-logs", Target.logs,
          "AppMetrics | where Name == 'pulse.metric.runs' | project Metric = tostring(Properties.metric), Sum"));

  private static Map<String, QueryResult> results;

  @BeforeAll
  static void checkAll() {
    results = KqlChecker.forRepository().check(QUERIES).queries().stream()
        .collect(Collectors.toMap(QueryResult::id, r -> r));
  }

  @Test
  void catchesAWrongColumnInAnAdxQueryWithItsPosition() {
    QueryResult result = results.get("wrong-adx-column");

    assertThat(result.errors()).singleElement().satisfies(d -> {
      assertThat(d.message()).contains("Valeus");
      assertThat(d.line()).isEqualTo(3);
      assertThat(d.column()).isEqualTo(19);
    });
  }

  @Test
  void catchesAWrongColumnInALogAnalyticsQuery() {
    QueryResult result = results.get("wrong-logs-column");

    assertThat(result.errors()).singleElement().satisfies(d -> assertThat(d.message()).contains("FunctionName"));
  }

  @Test
  void catchesATableThatIsNotDeclared() {
    QueryResult result = results.get("unknown-table");

    assertThat(result.errors()).singleElement().satisfies(d -> assertThat(d.message()).contains("AppRequestz"));
  }

  @Test
  void catchesATypeError() {
    QueryResult result = results.get("type-error");

    assertThat(result.errors()).isNotEmpty();
  }

  @Test
  void acceptsCorrectQueriesAndReportsTheirColumns() {
    QueryResult adx = results.get("good-adx");
    QueryResult logs = results.get("good-logs");

    assertThat(adx.errors()).isEmpty();
    assertThat(adx.columns()).containsEntry("Requests", "long").containsEntry("TenantId", "string");
    assertThat(logs.errors()).isEmpty();
    assertThat(logs.columns()).containsEntry("Metric", "string").containsEntry("Sum", "real");
  }

  @Test
  void catchesAWrongColumnInsideAStoredFunctionBody(@TempDir Path dir) throws IOException {
    Path broken = dir.resolve("99-broken.kql");
    Files.writeString(broken, """
        // a function whose body reads a column MetricPoints does not have
        .create-or-alter function with (folder="Test") Broken(tenantId: string)
        {
            MetricPointsLatest
            | where TenantId == tenantId
            | project Metric, Tenant
        }
        """);
    List<String> files = new ArrayList<>(KqlChecker.ADX_SCHEMA_FILES);
    files.add(broken.toString());

    KqlChecker.Report report = KqlChecker.withAdxSchema(files).check(List.of());

    assertThat(report.schema()).filteredOn(c -> c.file().endsWith("99-broken.kql")).singleElement().satisfies(c -> {
      assertThat(c.line()).isEqualTo(2);
      assertThat(c.diagnostics()).filteredOn(KqlChecker.Diagnostic::isError)
          .singleElement().satisfies(d -> assertThat(d.message()).contains("'Tenant'"));
    });
  }
}
