package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads the {@code function.json} that azure-functions-maven-plugin generated at {@code package} for
 * each Event Hub function and checks the trigger binding and retry policy the host will see: one
 * connection ({@code TelemetryHub}) for the namespace, each hub and consumer group from its own
 * placeholders, and the unlimited exponential retry that pauses a partition during an outage.
 */
class EventHubFunctionJsonIntegrationTest {
  private static final Path APP = Path.of("functions", "app", "target", "azure-functions", "pulse-func");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "TelemetryAggregation, TELEMETRY_HUB_NAME, TELEMETRY_CONSUMER_GROUP",
      "LogAggregation, LOGS_HUB_NAME, LOGS_CONSUMER_GROUP",
      "OtlpMetricsAggregation, METRICS_HUB_NAME, METRICS_CONSUMER_GROUP"})
  void triggerBindingAndRetryAreWhatTheHostExpects(String function, String hubSetting, String groupSetting)
      throws Exception {
    Path functionJson = APP.resolve(function).resolve("function.json");
    assertThat(functionJson).as("run after package").exists();
    JsonNode root = new ObjectMapper().readTree(Files.readString(functionJson));
    assertThat(root.path("bindings")).hasSize(1);
    JsonNode trigger = root.path("bindings").get(0);
    assertThat(trigger.path("type").asText()).isEqualTo("eventHubTrigger");
    assertThat(trigger.path("direction").asText()).isEqualTo("in");
    assertThat(trigger.path("name").asText()).isEqualTo("events");
    assertThat(trigger.path("cardinality").asText()).isEqualToIgnoringCase("many");
    assertThat(trigger.path("dataType").asText()).isEqualTo("binary");
    assertThat(trigger.path("connection").asText()).isEqualTo("TelemetryHub");
    assertThat(trigger.path("eventHubName").asText()).isEqualTo("%" + hubSetting + "%");
    assertThat(trigger.path("consumerGroup").asText()).isEqualTo("%" + groupSetting + "%");

    JsonNode retry = root.path("retry");
    assertThat(retry.path("strategy").asText()).isEqualTo("exponentialBackoff");
    assertThat(retry.path("maxRetryCount").asInt()).isEqualTo(-1);
    assertThat(retry.path("minimumInterval").asText()).isEqualTo("00:00:02");
    assertThat(retry.path("maximumInterval").asText()).isEqualTo("00:05:00");
    assertThat(root.path("entryPoint").asText()).isEqualTo("com.pulse.functions." + function + ".run");
  }
}
