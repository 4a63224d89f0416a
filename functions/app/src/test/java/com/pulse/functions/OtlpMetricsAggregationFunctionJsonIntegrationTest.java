package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Reads the {@code function.json} that azure-functions-maven-plugin generated at {@code package} for
 * the OTLP metrics function and checks the trigger binding and retry policy the host will see.
 */
class OtlpMetricsAggregationFunctionJsonIntegrationTest {
  private static final Path FUNCTION_JSON =
      Path.of("functions/app/target/azure-functions/pulse-func/OtlpMetricsAggregation/function.json");

  @Test
  void triggerBindingAndRetryAreWhatTheHostExpects() throws Exception {
    assertThat(FUNCTION_JSON).as("run after package").exists();
    JsonNode root = new ObjectMapper().readTree(Files.readString(FUNCTION_JSON));
    assertThat(root.path("bindings")).hasSize(1);
    JsonNode trigger = root.path("bindings").get(0);
    assertThat(trigger.path("type").asText()).isEqualTo("eventHubTrigger");
    assertThat(trigger.path("direction").asText()).isEqualTo("in");
    assertThat(trigger.path("name").asText()).isEqualTo("events");
    assertThat(trigger.path("cardinality").asText()).isEqualToIgnoringCase("many");
    assertThat(trigger.path("dataType").asText()).isEqualTo("binary");
    assertThat(trigger.path("connection").asText()).isEqualTo("TelemetryHub");
    assertThat(trigger.path("eventHubName").asText()).isEqualTo("%METRICS_HUB_NAME%");
    assertThat(trigger.path("consumerGroup").asText()).isEqualTo("%METRICS_CONSUMER_GROUP%");
    JsonNode retry = root.path("retry");
    assertThat(retry.path("strategy").asText()).isEqualTo("exponentialBackoff");
    assertThat(retry.path("maxRetryCount").asInt()).isEqualTo(-1);
    assertThat(root.path("entryPoint").asText()).isEqualTo("com.pulse.functions.OtlpMetricsAggregation.run");
  }
}
