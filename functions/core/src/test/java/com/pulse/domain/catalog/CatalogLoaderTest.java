package com.pulse.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.domain.window.WindowPeriod;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogLoaderTest {

  /** A valid entry; line 2 is "- name", line 9 is "sql". Placeholders are replaced per test. */
  private static final String ENTRY = """
      metrics:
        - name: orders
          title: Orders
          description: Orders placed.
          unit: count
          window: P1M
          schedule: "0 0 1 1 * *"
          settle: PT6H
          sql: SELECT o_custkey AS tenant_id, COUNT(*) AS orders FROM orders GROUP BY 1
          dimensions: [priority]
          values: [orders]
          slo: {op: ">=", target: 1, value: orders, severity: 2}
          owners: [ce@example.com]
      """;

  private static Catalog parse(String yaml) {
    return CatalogLoader.parse("test.yaml", new StringReader(yaml));
  }

  @Test
  void parsesEveryField() {
    MetricDefinition m = parse(ENTRY).metrics().get(0);
    assertThat(m.name()).isEqualTo("orders");
    assertThat(m.window()).isEqualTo(WindowPeriod.MONTH);
    assertThat(m.schedule()).isEqualTo("0 0 1 1 * *");
    assertThat(m.settle()).isEqualTo(Duration.ofHours(6));
    assertThat(m.dimensions()).containsExactly("priority");
    assertThat(m.values()).containsExactly("orders");
    assertThat(m.slo()).isEqualTo(new Slo(Slo.Op.GE, 1, "orders", 2));
    assertThat(m.owners()).containsExactly("ce@example.com");
    assertThat(m.source()).isEqualTo("test.yaml:2");
  }

  @Test
  void optionalKeysDefault() {
    Catalog c = parse("""
        metrics:
          - name: a
            title: A
            description: d
            unit: count
            window: PT1H
            schedule: "0 5 * * * *"
            sql: select 1 as tenant_id
        """);
    MetricDefinition m = c.metrics().get(0);
    assertThat(m.settle()).isZero();
    assertThat(m.dimensions()).isEmpty();
    assertThat(m.values()).isEmpty();
    assertThat(m.sloOptional()).isEmpty();
    assertThat(m.owners()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown key           | '    unit: count'                       | '    unit: count\\n    colour: red'    | 6 | unknown key 'colour'
      bad window period     | '    window: P1M'                       | '    window: P2W'                       | 6 | window must be one of
      cron with 5 fields    | '    schedule: "0 0 1 1 * *"'           | '    schedule: "0 1 1 * *"'             | 7 | 6 fields
      cron bad value        | '    schedule: "0 0 1 1 * *"'           | '    schedule: "0 0 25 1 * *"'          | 7 | invalid NCRONTAB
      bad settle            | '    settle: PT6H'                      | '    settle: six hours'                 | 8 | settle
      sql without tenant_id | '    sql: SELECT o_custkey AS tenant_id' | '    sql: SELECT o_custkey AS customer' | 9 | tenant_id
      bad name              | '  - name: orders'                      | '  - name: Orders'                      | 2 | name must match
      bad slo op            | '{op: ">="'                             | '{op: "=="'                             | 12 | slo.op
      slo severity          | 'severity: 2}'                          | 'severity: 7}'                          | 12 | severity must be 0..4
      slo unknown column    | 'value: orders,'                        | 'value: revenue,'                       | 12 | not a value column
      bad owner             | '[ce@example.com]'                      | '[ce at example]'                       | 13 | not an email
      key given twice       | '    unit: count'                       | '    unit: count\\n    unit: ratio'    | 6 | given twice
      wrong type            | '    title: Orders'                     | '    title: [a, b]'                     | 3 | non-empty string
      value also dimension  | 'values: [orders]'                      | 'values: [priority]'                    | 11 | also tenant_id or a dimension
      empty values          | 'values: [orders]'                      | 'values: []'                            | 11 | at least one column
      never fires           | '    schedule: "0 0 1 1 * *"'           | '    schedule: "0 0 0 30 2 *"'          | 7 | fire
      fires every 4 years   | '    schedule: "0 0 1 1 * *"'           | '    schedule: "0 0 0 29 2 *"'          | 7 | at least once a year
      settle too long       | '    settle: PT6H'                      | '    settle: P999999999D'               | 8 | at most 31 days
      settle negative       | '    settle: PT6H'                      | '    settle: PT-1H'                     | 8 | not be negative
      unknown dialect       | '    sql: SELECT'                       | '    sql: {oracle: SELECT}\n    x: SELECT' | 9 | unknown SQL dialect 'oracle'
      one dialect only      | '    sql: SELECT o_custkey AS tenant_id, COUNT(*) AS orders FROM orders GROUP BY 1' | '    sql: {duckdb: SELECT 1 AS tenant_id}' | 9 | none for 'sqlserver'
      """)
  void reportsErrorWithFileAndLine(String kind, String from, String to, int line, String message) {
    String yaml = ENTRY.replace(from, to.replace("\\n", "\n"));
    assertThat(yaml).as("test setup for " + kind).isNotEqualTo(ENTRY);
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOfSatisfying(CatalogException.class, e -> {
          assertThat(e.file()).isEqualTo("test.yaml");
          assertThat(e.line()).as(kind).isEqualTo(line);
        })
        .hasMessageStartingWith("test.yaml:" + line + ": ")
        .hasMessageContaining(message);
  }

  @Test
  void everyProblemOfTheFileIsReportedAtOnce() {
    String yaml = ENTRY.replace("window: P1M", "window: P2W").replace("severity: 2}", "severity: 9}")
        + ENTRY.substring(ENTRY.indexOf("  - name")).replace("name: orders", "name: " + "x".repeat(5000))
            .replace("owners: [ce@example.com]", "owners: [nobody]");
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.problems())
            .extracting(CatalogProblem::line).containsExactly(6, 12, 14, 25))
        .hasMessageContaining("test.yaml:14: name must match")
        .hasMessageContaining("(5000 characters)");
  }

  @Test
  void nameLengthFollowsTheApiIdRule() {
    String longest = "m" + "x".repeat(MetricDefinition.MAX_NAME_LENGTH - 1);
    assertThat(parse(ENTRY.replace("name: orders", "name: " + longest)).names()).containsExactly(longest);
    assertThatThrownBy(() -> parse(ENTRY.replace("name: orders", "name: " + longest + "x")))
        .hasMessageContaining("at most 128 characters");
  }

  @Test
  void emptyMetricsListIsRejected() {
    assertThatThrownBy(() -> parse("metrics: []\n")).hasMessage("test.yaml:1: 'metrics' must list at least one metric");
  }

  @Test
  void sqlPerDialectNeedsEveryDialect() {
    MetricDefinition m = parse(ENTRY.replace(
        "    sql: SELECT o_custkey AS tenant_id, COUNT(*) AS orders FROM orders GROUP BY 1",
        "    sql:\n      duckdb: SELECT 1 AS tenant_id, 2 AS orders\n      sqlserver: SELECT 1 AS tenant_id, 3 AS orders"))
        .metrics().get(0);
    assertThat(m.sql().isPortable()).isFalse();
    assertThat(m.sql().text(SqlDialect.SQL_SERVER)).isEqualTo("SELECT 1 AS tenant_id, 3 AS orders");
    assertThat(parse(ENTRY).metrics().get(0).sql().isPortable()).isTrue();
  }

  @Test
  void missingFileIsBadInputNamingTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> CatalogLoader.load(missing))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("catalog file " + missing + " does not exist or is not a file");
  }

  @Test
  void duplicateNameNamesBothLines() {
    String second = ENTRY.substring(ENTRY.indexOf("  - name")); // 12 more lines
    assertThatThrownBy(() -> parse(ENTRY + second))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.line()).isEqualTo(14))
        .hasMessageContaining("duplicate metric name 'orders' (first defined at line 2)");
  }

  @Test
  void missingRequiredKeyPointsAtTheEntry() {
    assertThatThrownBy(() -> parse(ENTRY.replace("    unit: count\n", "")))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.line()).isEqualTo(2))
        .hasMessageContaining("missing required key 'unit'");
  }

  @Test
  void malformedYamlHasALine() {
    assertThatThrownBy(() -> parse("metrics:\n  - name: a\n    title: a: b\n    unit: x\n"))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessageContaining("malformed YAML");
  }

  @Test
  void malformedYamlIsOneLineAtTheProblem() {
    assertThatThrownBy(() -> parse("metrics:\n  - name: a\n\ttitle: a\n"))
        .hasMessage("test.yaml:3: malformed YAML: while scanning for the next token; found character '\\t(TAB)' that "
            + "cannot start any token. (Do not use \\t(TAB) for indentation)");
  }

  @Test
  void unknownTopLevelKeyAndMissingMetrics() {
    assertThatThrownBy(() -> parse("version: 1\n"))
        .hasMessageStartingWith("test.yaml:1: unknown key 'version'");
    assertThatThrownBy(() -> parse("{}\n")).hasMessageContaining("missing key 'metrics'");
  }

  @Test
  void fileErrorsNameTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, ENTRY.replace("window: P1M", "window: P1Y"));
    assertThatThrownBy(() -> CatalogLoader.load(file)).hasMessageStartingWith(file + ":6: ");
  }

  @Test
  void sampleCatalogIsValid() {
    Catalog c = CatalogLoader.loadResource(CatalogLoader.DEFAULT_RESOURCE);
    assertThat(c.metrics()).hasSizeGreaterThanOrEqualTo(8);
    assertThat(c.metrics()).extracting(MetricDefinition::window).contains(WindowPeriod.DAY, WindowPeriod.WEEK,
        WindowPeriod.MONTH, WindowPeriod.QUARTER);
    assertThat(c.metrics()).filteredOn(m -> m.slo() != null).isNotEmpty();
    assertThat(c.metrics()).allSatisfy(m -> assertThat(m.owners()).isNotEmpty());
  }
}
