package com.pulse.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two places hold copies of metric-catalog facts because KQL cannot read the catalog: the ADX
 * function {@code MetricSlos()} (SLO lines and status in the customer workbook) and the allowance
 * table of the alert {@code pulse-stale-metrics}. Both must equal what the catalog
 * ({@value #CATALOG}) says. Skipped, with a message, where the catalog is not present.
 */
class CatalogMirrorsTest {

  static final String CATALOG = "functions/core/src/main/resources/catalog/metrics.yaml";

  private static final Pattern SLO_ROW =
      Pattern.compile("\"([a-z0-9_]+)\", \"([a-z0-9_]+)\", \"([<>=]{1,2})\", ([0-9.]+), ([0-4])");
  private static final Pattern ALLOWANCE_ROW = Pattern.compile("\"([a-z0-9_]+)\", ([0-9]+)([dh])");

  private JsonNode catalog;

  @BeforeEach
  void readCatalog() throws Exception {
    assertThat(Repository.root().resolve(CATALOG)).as("the metric catalog").isRegularFile();
    catalog = new ObjectMapper(new YAMLFactory()).readTree(Repository.read(CATALOG));
  }

  @Test
  void metricSlosFunctionEqualsTheCatalogSlos() {
    Map<String, String> expected = new HashMap<>();
    for (JsonNode metric : catalog.path("metrics")) {
      JsonNode slo = metric.path("slo");
      if (!slo.isMissingNode()) {
        expected.put(metric.path("name").asText(), String.join("|", slo.path("value").asText(), slo.path("op").asText(),
            Double.toString(slo.path("target").asDouble()), Integer.toString(slo.path("severity").asInt())));
      }
    }
    Map<String, String> actual = new HashMap<>();
    String kql = Repository.read("bicep/adx/04-functions.kql");
    String slos = kql.substring(kql.indexOf("MetricSlos()"), kql.indexOf("SloMet("));
    Matcher row = SLO_ROW.matcher(slos);
    while (row.find()) {
      actual.put(row.group(1), String.join("|", row.group(2), row.group(3), Double.toString(Double.parseDouble(row.group(4))), row.group(5)));
    }

    assertThat(expected).isNotEmpty();
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void staleMetricAllowancesCoverEveryCatalogMetricWithItsWindowAndSettle() {
    String query = AlertDefinitions.load().logAlerts().stream()
        .filter(r -> r.path("name").asText().equals("pulse-stale-metrics")).findFirst().orElseThrow()
        .path("query").asText();
    Map<String, Duration> actual = new HashMap<>();
    Matcher row = ALLOWANCE_ROW.matcher(query.substring(query.indexOf("datatable")));
    while (row.find()) {
      long n = Long.parseLong(row.group(2));
      actual.put(row.group(1), row.group(3).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n));
    }
    Map<String, Duration> expected = new HashMap<>();
    for (JsonNode metric : catalog.path("metrics")) {
      Duration settle = metric.hasNonNull("settle") ? longest(metric.path("settle").asText()) : Duration.ZERO;
      expected.put(metric.path("name").asText(), longest(metric.path("window").asText()).plus(settle));
    }

    assertThat(actual).isEqualTo(expected);
  }

  /** Longest length of an ISO-8601 period or duration: a month counts 31 days, a quarter 92, a year 366. */
  static Duration longest(String iso) {
    if (iso.startsWith("PT")) {
      return Duration.parse(iso);
    }
    Period p = Period.parse(iso);
    long months = p.toTotalMonths();
    long monthDays = months % 12 == 0 ? months / 12 * 366 : months % 3 == 0 ? months / 3 * 92 : months * 31;
    return Duration.ofDays(monthDays + p.getDays());
  }
}
