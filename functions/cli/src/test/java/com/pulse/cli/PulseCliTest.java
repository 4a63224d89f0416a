package com.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulse.domain.catalog.CatalogLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI end to end on small real TPC-H files. */
class PulseCliTest {

  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      int status = new CommandLine(new PulseCli()).execute(args);
      assertThat(status).as("exit status of %s", List.of(args)).isZero();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void warehouseInitThroughJdbcIsIdempotentAndRefusesAPartialLoad(@TempDir Path dir) throws Exception {
    String url = "jdbc:duckdb:" + dir.resolve("remote.duckdb");
    assertThat(run("warehouse", "init", "--scale-factor", "0.001", "--jdbc-url", url)).contains("8 tables");
    assertThat(run("warehouse", "init", "--scale-factor", "0.001", "--jdbc-url", url)).contains("already loaded");

    String partial = "jdbc:duckdb:" + dir.resolve("partial.duckdb");
    try (var c = java.sql.DriverManager.getConnection(partial); var s = c.createStatement()) {
      s.execute("CREATE TABLE orders (o_orderkey BIGINT)");
    }
    java.io.StringWriter err = new java.io.StringWriter();
    CommandLine cli = PulseCli.commandLine();
    cli.setErr(new java.io.PrintWriter(err));
    assertThat(cli.execute("warehouse", "init", "--jdbc-url", partial)).isEqualTo(2);
    assertThat(err.toString()).contains("only some TPC-H tables [orders]").doesNotContain("Exception");
    assertThat(PulseCli.commandLine().execute("warehouse", "init", "--jdbc-url", url, "--reader-name", "x")).isEqualTo(2);
  }

  @Test
  void warehouseInitThenMetricsAsJsonLines(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("tpch.duckdb");
    assertThat(run("warehouse", "init", "--scale-factor", "0.001", "--path", db.toString())).contains("8 tables");
    String out = run("metrics", "--warehouse-url", "jdbc:duckdb:" + db, "--metric", "order_count",
        "--from", "1995-01-01", "--to", "1995-03-01", "--format", "jsonl");
    List<String> lines = out.lines().toList();
    assertThat(lines).isNotEmpty();
    ObjectMapper json = new ObjectMapper();
    for (String line : lines) {
      JsonNode p = json.readTree(line);
      assertThat(p.path("metric").asText()).isEqualTo("order_count");
      assertThat(p.path("windowStart").asText()).startsWith("1995-0");
      assertThat(p.path("windowEnd").asText()).isNotEmpty();
      assertThat(p.path("values").path("orders").asDouble()).isPositive();
      assertThat(p.path("dimensions").has("order_priority")).isTrue();
      for (String field : List.of("id", "tenantId", "unit", "computedAt", "runId")) {
        assertThat(p.path(field).asText()).as(field).isNotEmpty();
      }
    }
  }

  @Test
  void badInputIsOneClearLine(@TempDir Path dir) throws Exception {
    Path catalog = dir.resolve("bad.yaml");
    Files.writeString(catalog, "metrics:\n  - name: x\n    window: P2W\n");
    java.io.StringWriter err = new java.io.StringWriter();
    CommandLine cli = PulseCli.commandLine();
    cli.setErr(new java.io.PrintWriter(err, true));
    int status = cli.execute("metrics", "--catalog", catalog.toString(), "--from", "1998-01-01", "--to", "1998-02-01");
    assertThat(status).isEqualTo(2);
    assertThat(err.toString().strip()).startsWith("pulse metrics: " + catalog + ":2: ").doesNotContain("\tat ");
  }

  @Test
  void demoWritesTableReportAndExport(@TempDir Path dir) throws Exception {
    String out = run("demo", "--dir", dir.toString(), "--history", "2");
    assertThat(out).contains("METRIC").contains("on_time_delivery_rate").contains("0 failed");
    assertThat(out).contains("Telemetry demo:").contains("SERVICE").contains("checkout");
    String html = Files.readString(dir.resolve("report.html"));
    int metricCharts = CatalogLoader.loadResource(CatalogLoader.DEFAULT_RESOURCE).metrics().size();
    int telemetryCharts = 3; // requests/min, error %, p95 per service
    int sloCharts = 2; // error budget per tenant, burn-rate timeline
    assertThat(html.split("<canvas id=\"", -1)).hasSize(metricCharts + telemetryCharts + sloCharts + 1);
    assertThat(html).contains("Telemetry: p95 latency");
    assertThat(Files.readAllLines(dir.resolve("export").resolve("MetricPoints.jsonl"))).isNotEmpty();
    assertThat(dir.resolve("tpch-sf0.01.duckdb")).exists();
    // the sample catalog has SLOs the TPC-H data breaches: the digest lands in the outbox
    assertThat(out).containsPattern("SLO digest: [1-9]\\d* emails");
    try (var outbox = Files.list(dir.resolve("outbox"))) {
      assertThat(outbox.filter(f -> f.toString().endsWith(".eml"))).isNotEmpty();
    }
    assertThat(Files.readAllLines(dir.resolve("deadletter.jsonl"))).isNotEmpty();
  }
}
