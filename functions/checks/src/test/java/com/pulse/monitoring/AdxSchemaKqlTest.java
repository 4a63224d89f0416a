package com.pulse.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.monitoring.KqlChecker.Query;
import com.pulse.monitoring.KqlChecker.QueryResult;
import com.pulse.monitoring.KqlChecker.Target;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ADX schema scripts ({@code bicep/adx/01..04}) parse and type-check command by command with
 * zero errors, and their views and stored functions become usable symbols with the expected result
 * columns.
 */
class AdxSchemaKqlTest {

  private static KqlChecker.Report report;

  @BeforeAll
  static void check() {
    report = KqlChecker.forRepository().check(List.of(
        new Query("views", Target.adx, "MetricPointsLatest | join kind=inner (TelemetryWindowsLatest) on TenantId | take 1"),
        new Query("stats", Target.adx, "TelemetryStats('t', datetime(2026-01-01), datetime(2026-01-02), 'PT1M', 1h)"),
        new Query("quantiles", Target.adx,
            "TelemetryQuantiles('t', datetime(2026-01-01), datetime(2026-01-02), 'PT1M', 1d, dynamic([0.5]))"),
        new Query("slo", Target.adx, "MetricSloStatus('t', datetime(2026-01-01), datetime(2026-01-02))"),
        new Query("anomalies", Target.adx, "MetricAnomalies('t', datetime(2026-01-01), datetime(2026-01-02), 1h)"),
        new Query("logs", Target.adx, "LogStats('t', datetime(2026-01-01), datetime(2026-01-02), 'PT1M', 1h)"),
        new Query("otlpMetrics", Target.adx,
            "MetricWindowStats('t', datetime(2026-01-01), datetime(2026-01-02), 'PT1M', 1h)"),
        new Query("otlpMetricNames", Target.adx,
            "MetricWindowNames('t', datetime(2026-01-01), datetime(2026-01-02), 'PT1M')"),
        new Query("tenants", Target.adx, "Tenants(datetime(2026-01-01), datetime(2026-01-02))")));
  }

  @Test
  void everySchemaCommandTypeChecksWithoutErrors() {
    assertThat(report.schema()).hasSizeGreaterThanOrEqualTo(4 + 2 + 8);
    assertThat(report.schema())
        .allSatisfy(c -> assertThat(c.diagnostics())
            .as("%s:%d %s", c.file(), c.line(), c.command())
            .noneMatch(KqlChecker.Diagnostic::isError));
  }

  @Test
  void viewsAndFunctionsBecomeDatabaseSymbols() {
    assertThat(report.adxSymbols()).contains(
        "MetricPoints", "TelemetryWindows", "MetricPointsLatest", "TelemetryWindowsLatest",
        "MetricSeries", "MetricSlos", "MetricSloStatus", "MetricAnomalies", "TelemetryQuantiles", "TelemetryStats",
        "Tenants", "LogWindows", "LogWindowsLatest", "LogStats",
        "MetricWindows", "MetricWindowsLatest", "MetricWindowStats", "MetricWindowNames");
  }

  @Test
  void functionsReturnTheColumnsTheWorkbooksUse() {
    assertThat(result("views").errors()).isEmpty();
    assertThat(result("stats").columns()).containsKeys("Service", "Operation", "Bucket", "Count", "ErrorPct",
        "RatePerMin", "P50Ms", "P95Ms", "P99Ms");
    assertThat(result("stats").columns()).containsEntry("P99Ms", "real");
    assertThat(result("quantiles").columns()).containsEntry("ValueMs", "real").containsEntry("Quantile", "real");
    assertThat(result("slo").columns()).containsKeys("Metric", "ValueName", "Value", "Target", "Status");
    assertThat(result("anomalies").columns()).containsEntry("Anomaly", "int").containsKey("Baseline");
    assertThat(result("logs").errors()).isEmpty();
    assertThat(result("logs").columns()).containsEntry("Count", "long").containsEntry("TopTemplates", "dynamic")
        .containsKeys("Service", "Severity", "Bucket", "RatePerMin", "OtherTemplateCount");
    assertThat(result("otlpMetrics").errors()).isEmpty();
    assertThat(result("otlpMetrics").columns()).containsKeys("Service", "Metric", "Type", "SeriesKey", "Bucket", "Increase",
        "RatePerSecond", "Last", "Min", "Max", "Mean", "Count", "Sum", "P50", "P95", "P99")
        .containsEntry("P99", "real").containsEntry("Increase", "real");
    assertThat(result("otlpMetricNames").errors()).isEmpty();
    assertThat(result("otlpMetricNames").columns()).containsKeys("Metric", "Type", "Unit", "Services", "Series");
    assertThat(result("tenants").errors()).isEmpty();
    assertThat(result("tenants").columns()).containsOnlyKeys("TenantId");
  }

  private static QueryResult result(String id) {
    return report.queries().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
  }
}
