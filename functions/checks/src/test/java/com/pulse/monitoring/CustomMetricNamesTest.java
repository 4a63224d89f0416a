package com.pulse.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Typos in custom metric names and attribute keys type-check fine (they are string literals), so
 * this test compares every {@code AppMetrics} query in {@code dashboards/} and {@code alerting/}
 * with the custom metrics the functions emit (name to attribute keys; see docs/ARCHITECTURE.md §9): each
 * {@code Name == "pulse..."} must be a known metric and each {@code Properties["key"]} read in that
 * query must be one of its attributes.
 */
class CustomMetricNamesTest {

  /** Custom metrics emitted by Pulse (OpenTelemetry instruments → AppMetrics.Name) and their attributes. */
  static final Map<String, Set<String>> METRICS = Map.ofEntries(
      Map.entry("pulse.telemetry.events", Set.of("partition", "outcome")),
      Map.entry("pulse.telemetry.event_lag", Set.of("partition")),
      Map.entry("pulse.windows.written", Set.of("granularity")),
      Map.entry("pulse.cosmos.request_charge", Set.of("container", "operation")),
      Map.entry("pulse.cosmos.throttled", Set.of("container")),
      Map.entry("pulse.deadletter.count", Set.of("partition")),
      Map.entry("pulse.metric.query_duration", Set.of("metric", "outcome")),
      Map.entry("pulse.metric.runs", Set.of("metric", "status")),
      Map.entry("pulse.metric.freshness", Set.of("metric")),
      Map.entry("pulse.export.failures", Set.of("table")),
      Map.entry("pulse.logs.error_records", Set.of("tenant", "severity")),
      Map.entry("pulse.slo.burn_rate", Set.of("tenant", "slo", "window")),
      Map.entry("pulse.slo.budget_remaining", Set.of("tenant", "slo")));

  private static final Pattern NAME = Pattern.compile("Name == \"(pulse\\.[a-z_.]+)\"");
  private static final Pattern PROPERTY = Pattern.compile("Properties(?:\\[\"([a-z_.]+)\"\\]|\\.([a-z_]+))");

  @Test
  void everyCustomMetricQueryUsesKnownNamesAndAttributes() {
    List<String> queries = new ArrayList<>();
    for (String file : WorkbookDefinitionsTest.WORKBOOKS) {
      Workbook.read(file).queries().forEach(q -> queries.add(q.query()));
    }
    AlertDefinitions.load().logAlerts().forEach(r -> queries.add(r.path("query").asText()));

    int checked = 0;
    for (String query : queries) {
      if (!query.contains("AppMetrics")) {
        continue;
      }
      List<String> names = all(NAME, query);
      assertThat(names).as("AppMetrics query filters by a pulse metric name:%n%s", query).isNotEmpty();
      for (String name : names) {
        assertThat(METRICS).as("known metric in:%n%s", query).containsKey(name);
        for (String key : all(PROPERTY, query)) {
          assertThat(METRICS.get(name)).as("attribute '%s' of %s", key, name).contains(key);
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(15);
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      for (int g = 1; g <= m.groupCount(); g++) {
        if (m.group(g) != null) {
          out.add(m.group(g));
        }
      }
    }
    return out;
  }
}
