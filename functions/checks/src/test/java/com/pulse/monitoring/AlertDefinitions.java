package com.pulse.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The alert definitions of {@code alerting/alerts.yaml} (the data {@code bicep/modules/alerts.bicep}
 * loads with {@code loadYamlContent}): action groups, metric alert rules and log (scheduled query) rules.
 *
 * <p>Immutable; thread-safe.
 */
final class AlertDefinitions {

  static final String FILE = "alerting/alerts.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final JsonNode root;

  private AlertDefinitions(JsonNode root) {
    this.root = root;
  }

  /**
   * Reads {@value #FILE}.
   *
   * @throws UncheckedIOException when the file is missing or not YAML
   */
  static AlertDefinitions load() {
    try {
      return new AlertDefinitions(YAML.readTree(Repository.read(FILE)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + FILE, e);
    }
  }

  List<JsonNode> actionGroups() {
    return list("actionGroups");
  }

  List<JsonNode> metricAlerts() {
    return list("metricAlerts");
  }

  List<JsonNode> logAlerts() {
    return list("logAlerts");
  }

  /** Metric and log rules together. */
  List<JsonNode> rules() {
    List<JsonNode> all = new ArrayList<>(metricAlerts());
    all.addAll(logAlerts());
    return all;
  }

  JsonNode maintenance() {
    return root.path("maintenance");
  }

  private List<JsonNode> list(String field) {
    List<JsonNode> out = new ArrayList<>();
    root.path(field).forEach(out::add);
    return out;
  }
}
