package com.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.adapter.local.FileDeadLetterStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryDemoTest {
  @TempDir Path dir;

  @Test
  void generatesReplaysAndReturnsChartSeries() {
    TelemetryDemo.Result result = TelemetryDemo.run(dir, 42, Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC));

    assertThat(result.generated().files()).hasSize(8); // 4 partitions × 2 hours
    assertThat(result.generated().malformed()).isPositive();
    assertThat(new FileDeadLetterStore(dir.resolve("deadletter.jsonl")).count()).isEqualTo(result.generated().malformed());
    assertThat(result.replay().requests()).as("every generated request decoded and counted once")
        .isEqualTo(result.generated().requests());
    assertThat(result.replay().deadLettered()).as("exactly the malformed events").isEqualTo(result.generated().malformed());
    long counted = result.minuteWindows().stream().mapToLong(w -> w.count()).sum();
    assertThat(counted).isEqualTo(result.replay().requests());
    assertThat(result.charts()).extracting(TelemetryDemo.ServiceSeries::service)
        .containsExactly("auth", "catalog", "checkout", "search");
    assertThat(result.charts().get(0).points()).hasSizeGreaterThan(100);
    long charted = result.charts().stream().flatMap(s -> s.points().stream()).mapToLong(TelemetryDemo.ServicePoint::requests).sum();
    assertThat(charted).isEqualTo(counted);
    assertThat(result.charts().get(0).points()).allSatisfy(p -> assertThat(p.p95Ms()).isPositive());
    assertThat(result.reportCharts()).hasSize(3).allSatisfy(c -> {
      assertThat(c.series()).containsOnlyKeys("auth", "catalog", "checkout", "search");
      c.series().values().forEach(v -> assertThat(v).hasSameSizeAs(c.labels()));
    });
    double reportedRequests = result.reportCharts().get(0).series().values().stream()
        .flatMap(java.util.List::stream).filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).sum();
    assertThat(reportedRequests).isEqualTo((double) counted);
  }

  @Test
  void theOtherSignalsArriveWholeAndTheirTablesAddUp() {
    TelemetryDemo.Result result = TelemetryDemo.run(dir, 42, Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC));
    TelemetryReplay.Result replay = result.replay();

    assertThat(replay.logRecords()).as("every SDK log record folded once").isEqualTo(result.generatedLogs().records());
    assertThat(replay.metrics().events()).isEqualTo(result.generatedMetrics().events());
    assertThat(replay.metrics().deadLettered()).isZero();
    assertThat(replay.metrics().aggregated()).isEqualTo(replay.metrics().points()).isPositive();
    assertThat(replay.dependencies()).isPositive();

    java.util.List<java.util.List<String>> dependencies = SignalTables.dependencies(replay, 1_000);
    long calls = dependencies.stream().mapToLong(r -> Long.parseLong(r.get(2).replace(",", ""))).sum();
    assertThat(calls).as("the dependency table covers every call").isEqualTo(replay.dependencies());
    assertThat(SignalTables.dependencies(replay, 3)).hasSize(3)
        .allSatisfy(r -> assertThat(r).hasSameSizeAs(SignalTables.DEPENDENCY_HEADERS));

    assertThat(SignalTables.errorTemplates(replay, 5)).hasSize(5).allSatisfy(r -> {
      assertThat(r.get(1)).isIn("ERROR", "FATAL");
      assertThat(r.get(3)).doesNotContainPattern("[0-9]{3,}"); // numbers are masked in templates
    });

    java.util.List<java.util.List<String>> metrics = SignalTables.metrics(replay, 1_000);
    assertThat(metrics).extracting(r -> r.get(1)).contains("process.cpu.utilization", "jvm.memory.used",
        "http.server.request.duration", "app.orders.placed");
    long ordersPlaced = metrics.stream().filter(r -> r.get(1).equals("app.orders.placed"))
        .mapToLong(r -> Long.parseLong(r.get(4).replace("increase ", "").replace(",", ""))).sum();
    assertThat(ordersPlaced).as("counter increases add up to what the SDK was given")
        .isEqualTo(result.generatedMetrics().ordersPlaced().values().stream().mapToLong(Long::longValue).sum());
  }
}
