package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testing.RecordingLogHandler;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the functions log reads right in the real host: the Java worker forwards
 * {@link LogRecord#getMessage()} as is, so every record must be formatted before it leaves (no
 * {@code {0}} placeholders, no parameters), and a function's lines go through the invocation's
 * logger, so they carry the invocation id.
 */
class FunctionLogsTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

  @Test
  @SuppressWarnings("unchecked")
  void everyFunctionLogsFormattedLinesThroughItsInvocationLogger(@TempDir Path dir) {
    FunctionInjector injector = FunctionInjectorTest.localInjector(dir);
    RecordingLogHandler capture = new RecordingLogHandler();
    List<LogRecord> elsewhere = capture.records();
    Logger root = Logger.getLogger("");
    root.addHandler(capture);
    List<FakeExecutionContext> invocations = new ArrayList<>();
    try {
      String now = Instant.now().toString();
      Map<String, Object> system = new HashMap<>(Map.of("x-opt-sequence-number", 1.0, "x-opt-offset", "1",
          "x-opt-enqueued-time", now, "content-type", "application/json"));
      FakeExecutionContext aggregation = new FakeExecutionContext("TelemetryAggregation");
      injector.getInstance(TelemetryAggregation.class).process(
          new byte[][] {"not json".getBytes(StandardCharsets.UTF_8)}, Map.of("PartitionId", "0"),
          new Map[] {system}, new Map[] {Map.of()}, new long[] {1}, new String[] {now}, aggregation);
      invocations.add(aggregation);

      // the in-memory warehouse has no tables: every metric fails and says so
      FakeExecutionContext warehouse = new FakeExecutionContext("WarehouseMetrics");
      injector.getInstance(WarehouseMetrics.class).tick("{\"IsPastDue\":false}", warehouse);
      invocations.add(warehouse);

      FakeExecutionContext freshness = new FakeExecutionContext("MetricFreshness");
      injector.getInstance(MetricFreshness.class).run("{}", freshness);
      invocations.add(freshness);

      FakeExecutionContext api = new FakeExecutionContext("TenantMetrics");
      URI metrics = URI.create("https://pulse-func.azurewebsites.net/api/tenants/t1/metrics");
      injector.getInstance(TenantMetricsApi.class).run(InProcessHttpRequest.get(metrics, Map.of(), Map.of()), "t1", api);
      invocations.add(api);
    } finally {
      root.removeHandler(capture);
    }

    assertThat(invocations.get(0).records()).extracting(LogRecord::getMessage)
        .anySatisfy(m -> assertThat(m).startsWith("TelemetryAggregation partition=0 events=1").contains("deadLettered=1"));
    assertThat(invocations.get(1).records()).extracting(LogRecord::getMessage)
        .anySatisfy(m -> assertThat(m).contains(" failed for window "));
    assertThat(invocations.get(2).records()).extracting(LogRecord::getMessage)
        .anySatisfy(m -> assertThat(m).startsWith("MetricFreshness checked="));
    List<LogRecord> all = new ArrayList<>(elsewhere);
    invocations.forEach(i -> all.addAll(i.records()));
    assertThat(all).isNotEmpty().allSatisfy(r -> {
      assertThat(r.getParameters()).as("parameters of '%s'", r.getMessage()).isNullOrEmpty();
      assertThat(r.getMessage()).doesNotContainPattern(PLACEHOLDER);
    });
  }
}
