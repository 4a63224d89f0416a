package com.pulse.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulse.monitoring.KqlChecker.Query;
import com.pulse.monitoring.KqlChecker.QueryResult;
import com.pulse.monitoring.KqlChecker.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alert set in {@code alerting/alerts.yaml}: every log rule's query type-checks with zero errors
 * against the declared Log Analytics schema and yields the measure and dimension columns the rule
 * names; every rule names existing action groups and has a runbook entry (meaning, first checks,
 * fixes) under a {@code ### <rule-name>} heading in {@code docs/RUNBOOK.md}.
 */
class AlertDefinitionsTest {

  private static final AlertDefinitions ALERTS = AlertDefinitions.load();
  private static final Set<String> TARGETS = Set.of("functionApp", "eventHubNamespace", "cosmosAccount", "keyVault", "adxCluster");
  private static final Set<String> OPERATORS = Set.of("Equals", "GreaterThan", "GreaterThanOrEqual", "LessThan", "LessThanOrEqual");
  private static final Set<String> METRIC_AGGREGATIONS = Set.of("Average", "Count", "Minimum", "Maximum", "Total");
  private static final Set<String> LOG_AGGREGATIONS = Set.of("Average", "Count", "Minimum", "Maximum", "Total");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

  private static Map<String, QueryResult> results;

  @BeforeAll
  static void checkQueries() {
    List<Query> queries = ALERTS.logAlerts().stream()
        .map(r -> new Query(r.path("name").asText(), Target.logs, r.path("query").asText()))
        .toList();
    results = KqlChecker.forRepository().check(queries).queries().stream()
        .collect(Collectors.toMap(QueryResult::id, r -> r));
  }

  @Test
  void everyLogRuleQueryTypeChecksWithZeroErrors() {
    assertThat(results).hasSize(ALERTS.logAlerts().size()).hasSizeGreaterThanOrEqualTo(7);
    assertThat(results.values()).allSatisfy(r -> assertThat(r.errors()).as(r.id()).isEmpty());
  }

  @Test
  void everyLogRuleMeasuresAndSplitsByColumnsItsQueryReturns() {
    for (JsonNode rule : ALERTS.logAlerts()) {
      String name = rule.path("name").asText();
      Map<String, String> columns = results.get(name).columns();
      assertThat(columns).as("%s result columns", name).isNotNull();
      if (rule.hasNonNull("metricMeasureColumn")) {
        assertThat(columns).as(name).containsKey(rule.path("metricMeasureColumn").asText());
        assertThat(columns.get(rule.path("metricMeasureColumn").asText())).as("%s measure type", name)
            .isIn("long", "int", "real", "decimal");
      } else {
        assertThat(rule.path("timeAggregation").asText()).as("%s without a measure column counts rows", name).isEqualTo("Count");
      }
      rule.path("dimensions").forEach(d -> assertThat(columns).as("%s dimension", name).containsKey(d.asText()));
    }
  }

  @Test
  void rulesAreWellFormed() {
    List<String> names = ALERTS.rules().stream().map(r -> r.path("name").asText()).toList();
    assertThat(names).hasSizeGreaterThanOrEqualTo(15).doesNotHaveDuplicates().allMatch(n -> NAME.matcher(n).matches());

    for (JsonNode rule : ALERTS.rules()) {
      String name = rule.path("name").asText();
      assertThat(rule.path("description").asText()).as(name).isNotBlank();
      assertThat(rule.path("severity").asInt(-1)).as("%s severity", name).isBetween(0, 4);
      assertThat(rule.path("operator").asText()).as(name).isIn(OPERATORS);
      assertThat(rule.path("threshold").isNumber()).as("%s threshold", name).isTrue();
      assertThat(rule.path("autoMitigate").isBoolean()).as("%s autoMitigate", name).isTrue();
      Duration window = Duration.parse(rule.path("windowSize").asText());
      Duration frequency = Duration.parse(rule.path("evaluationFrequency").asText());
      assertThat(frequency).as("%s evaluates at least once per window", name).isLessThanOrEqualTo(window);
    }
    for (JsonNode rule : ALERTS.metricAlerts()) {
      assertThat(rule.path("target").asText()).isIn(TARGETS);
      assertThat(rule.path("metricNamespace").asText()).startsWith("Microsoft.");
      assertThat(rule.path("timeAggregation").asText()).isIn(METRIC_AGGREGATIONS);
      assertThat(rule.path("amba").asText()).as("%s cites its baseline", rule.path("name").asText()).isNotBlank();
    }
    for (JsonNode rule : ALERTS.logAlerts()) {
      assertThat(rule.path("timeAggregation").asText()).isIn(LOG_AGGREGATIONS);
    }
  }

  @Test
  void perPartitionPerMetricAndPerFunctionRulesSplitByThatDimension() {
    Map<String, String> expectedSplit = Map.of(
        "pulse-consumer-lag", "Partition",
        "pulse-deadletter-growth", "Partition",
        "pulse-metric-run-failures", "Metric",
        "pulse-stale-metrics", "Metric",
        "pulse-missed-timer-runs", "FunctionName",
        "pulse-function-failures", "FunctionName",
        "pulse-export-failures", "Table");
    expectedSplit.forEach((name, dimension) -> {
      JsonNode rule = ALERTS.logAlerts().stream().filter(r -> r.path("name").asText().equals(name)).findFirst().orElseThrow();
      List<String> dims = new ArrayList<>();
      rule.path("dimensions").forEach(d -> dims.add(d.asText()));
      assertThat(dims).as(name).contains(dimension);
    });
  }

  @Test
  void everyRuleNamesExistingActionGroups() {
    Set<String> keys = ALERTS.actionGroups().stream().map(g -> g.path("key").asText()).collect(Collectors.toSet());
    assertThat(keys).containsExactlyInAnyOrder("onCall", "customerEngineering");
    assertThat(ALERTS.actionGroups()).allSatisfy(g -> assertThat(g.path("shortName").asText()).hasSizeBetween(1, 12));

    for (JsonNode rule : ALERTS.rules()) {
      assertThat(rule.path("actionGroups")).as(rule.path("name").asText()).isNotEmpty();
      rule.path("actionGroups").forEach(g -> assertThat(keys).as(rule.path("name").asText()).contains(g.asText()));
    }
  }

  @Test
  void everyRuleHasARunbookEntryWithMeaningChecksAndFixes() {
    String runbook = Repository.read("docs/RUNBOOK.md");
    assertThat(runbook).contains("<!-- section:alerts -->", "<!-- /section:alerts -->",
        "<!-- section:failure-modes -->", "<!-- /section:failure-modes -->");
    String alerts = runbook.substring(runbook.indexOf("<!-- section:alerts -->"), runbook.indexOf("<!-- /section:alerts -->"));
    Map<String, String> entries = entries(alerts);

    for (JsonNode rule : ALERTS.rules()) {
      String name = rule.path("name").asText();
      assertThat(entries).as("docs/RUNBOOK.md has '### %s'", name).containsKey(name);
      assertThat(entries.get(name)).as(name).contains("**Meaning.**", "**First checks.**", "**Fixes.**");
    }
    assertThat(entries.keySet()).as("no runbook entry without a rule")
        .isSubsetOf(ALERTS.rules().stream().map(r -> r.path("name").asText()).collect(Collectors.toSet()));
  }

  @Test
  void runbookCrossLinksPointAtExistingEntries() {
    String runbook = Repository.read("docs/RUNBOOK.md");
    Set<String> anchors = entries(runbook).keySet();
    Matcher link = Pattern.compile("\\]\\(#([a-z0-9-]+)\\)").matcher(runbook);
    int links = 0;
    while (link.find()) {
      links++;
      assertThat(anchors).as("link #%s", link.group(1)).contains(link.group(1));
    }
    assertThat(links).isPositive();
  }

  /** Entries by heading: {@code ### name} to the text up to the next heading of any level. */
  private static Map<String, String> entries(String markdown) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher heading = Pattern.compile("(?m)^### (\\S+)\\s*$").matcher(markdown);
    while (heading.find()) {
      int next = markdown.indexOf("\n#", heading.end());
      out.put(heading.group(1), markdown.substring(heading.end(), next < 0 ? markdown.length() : next));
    }
    return out;
  }
}
