package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Reads the {@code function.json} that azure-functions-maven-plugin generated at {@code package}
 * and checks the logs hub trigger binding and retry policy the host will see: same connection as the
 * traces hub, its own hub and consumer group placeholders.
 */
class LogAggregationFunctionJsonIntegrationTest {
  private static final Path FUNCTION_JSON = Path.of("functions/app/target/azure-functions/pulse-func/LogAggregation/function.json");

  @Test
  void triggerBindingAndRetryAreWhatTheHostExpects() throws Exception {
    assertThat(FUNCTION_JSON).as("run after package").exists();
    JsonNode root = new ObjectMapper().readTree(Files.readString(FUNCTION_JSON));
    JsonNode trigger = null;
    for (JsonNode b : root.get("bindings")) {
      if ("eventHubTrigger".equals(b.path("type").asText())) {
        trigger = b;
      }
    }
    assertThat(trigger).as("eventHubTrigger binding in %s", root).isNotNull();
    assertThat(trigger.path("direction").asText()).isEqualTo("in");
    assertThat(trigger.path("name").asText()).isEqualTo("events");
    assertThat(trigger.path("cardinality").asText()).isEqualToIgnoringCase("many");
    assertThat(trigger.path("dataType").asText()).isEqualTo("binary");
    assertThat(trigger.path("connection").asText()).isEqualTo("TelemetryHub");
    assertThat(trigger.path("eventHubName").asText()).isEqualTo("%LOGS_HUB_NAME%");
    assertThat(trigger.path("consumerGroup").asText()).isEqualTo("%LOGS_CONSUMER_GROUP%");
    assertThat(root.path("bindings")).hasSize(1);

    JsonNode retry = root.path("retry");
    assertThat(retry.path("strategy").asText()).isEqualTo("exponentialBackoff");
    assertThat(retry.path("maxRetryCount").asInt()).isEqualTo(-1);
    assertThat(retry.path("minimumInterval").asText()).isEqualTo("00:00:02");
    assertThat(retry.path("maximumInterval").asText()).isEqualTo("00:05:00");
    assertThat(root.path("entryPoint").asText()).isEqualTo("com.pulse.functions.LogAggregation.run");
  }
}
