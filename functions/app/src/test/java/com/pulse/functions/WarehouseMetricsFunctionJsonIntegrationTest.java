package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulse.config.Setting;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bindings the azure-functions-maven-plugin generated at {@code package} for the timer function,
 * and the local-only libraries kept out of the function package.
 */
class WarehouseMetricsFunctionJsonIntegrationTest {
  private static final Path APP = Path.of("functions", "app", "target", "azure-functions", "pulse-func");

  @Test
  void timerBindingUsesTheScheduleSettingAndARetryPolicy() throws Exception {
    JsonNode fn = new ObjectMapper().readTree(APP.resolve("WarehouseMetrics").resolve("function.json").toFile());
    assertThat(fn.path("entryPoint").asText()).isEqualTo("com.pulse.functions.WarehouseMetrics.run");
    JsonNode bindings = fn.path("bindings");
    assertThat(bindings).hasSize(1);
    JsonNode timer = bindings.get(0);
    assertThat(timer.path("type").asText()).isEqualTo("timerTrigger");
    assertThat(timer.path("direction").asText()).isEqualTo("in");
    assertThat(timer.path("schedule").asText()).isEqualTo("%" + Setting.WAREHOUSE_METRICS_SCHEDULE.key() + "%");
    JsonNode retry = fn.path("retry");
    assertThat(retry.path("strategy").asText()).isEqualTo("exponentialBackoff");
    assertThat(retry.path("maxRetryCount").asInt()).isEqualTo(3);
    assertThat(retry.path("minimumInterval").asText()).isEqualTo("00:00:10");
    assertThat(retry.path("maximumInterval").asText()).isEqualTo("00:05:00");
  }

  @Test
  void functionPackageLeavesOutTheLocalRuntime() throws Exception {
    File[] jars = APP.resolve("lib").toFile().listFiles();
    assertThat(jars).isNotNull().isNotEmpty();
    List<String> names = Arrays.stream(jars).map(File::getName).toList();
    assertThat(names).anyMatch(n -> n.startsWith("mssql-jdbc-"));
    assertThat(names).noneMatch(n -> n.startsWith("duckdb") || n.startsWith("tpch-") || n.startsWith("picocli")
        || n.startsWith("chart.js") || n.startsWith("avro-") || n.startsWith("slf4j-nop"));
    assertThat(Files.exists(APP.resolve("host.json"))).isTrue();
  }
}
