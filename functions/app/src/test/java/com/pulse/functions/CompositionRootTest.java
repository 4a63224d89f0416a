package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import com.pulse.adapter.jdbc.ConnectionSource;
import com.pulse.adapter.local.EnvironmentSecretSource;
import com.pulse.app.telemetry.TelemetryBatch;
import com.pulse.app.telemetry.TelemetryEvent;
import com.pulse.config.PulseConfig;
import com.pulse.config.Setting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompositionRootTest {
  /** The CLI opens jdbc:duckdb: URLs with its embedded DuckDB; here a plain JDBC connection does. */
  private static final Function<String, ConnectionSource> DUCKDB = url -> () -> DriverManager.getConnection(url);
  /** Local mode must never ask for the Entra credential. */
  private static final Supplier<TokenCredential> NO_CREDENTIAL = () -> {
    throw new AssertionError("local mode built an Azure credential");
  };

  private static CompositionRoot cli(Map<String, String> settings) {
    return CompositionRoot.create(PulseConfig.parse(settings), Clock.systemUTC(), Optional.of(DUCKDB), NO_CREDENTIAL);
  }

  private static CompositionRoot host(Map<String, String> settings) {
    return CompositionRoot.create(PulseConfig.parse(settings), Clock.systemUTC(), Optional.empty(), NO_CREDENTIAL);
  }

  @Test
  void warehouseUrlComesFromTheSettingThenTheSecretThenTheLocalDefault() {
    assertThat(cli(Map.of(Setting.WAREHOUSE_JDBC_URL.key(), "jdbc:sqlserver://s:1433;databaseName=d",
        Setting.WAREHOUSE_CONNECTION_SECRET_NAME.key(), "ignored")).warehouseJdbcUrl())
        .isEqualTo("jdbc:sqlserver://s:1433;databaseName=d");
    assertThat(cli(Map.of(Setting.PULSE_LOCAL_DIR.key(), "data")).warehouseJdbcUrl())
        .isEqualTo("jdbc:duckdb:" + Path.of("data", CompositionRoot.DEFAULT_WAREHOUSE_FILE));
    assertThat(cli(Map.of(Setting.WAREHOUSE_CONNECTION_SECRET_NAME.key(), "warehouse-url",
        EnvironmentSecretSource.variableOf("warehouse-url"), "jdbc:duckdb:")).warehouseJdbcUrl())
        .isEqualTo("jdbc:duckdb:");
    assertThatThrownBy(() -> cli(Map.of(Setting.WAREHOUSE_CONNECTION_SECRET_NAME.key(), "warehouse-url")).warehouseJdbcUrl())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("warehouse-url");
  }

  @Test
  void theFunctionHostWithoutAWarehouseSaysExactlyWhatToSet() {
    assertThatThrownBy(() -> host(Map.of()).warehouse())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("no warehouse configured: set WAREHOUSE_JDBC_URL to the warehouse's jdbc:sqlserver: URL")
        .hasMessageContaining("WAREHOUSE_CONNECTION_SECRET_NAME").hasMessageContaining("KEY_VAULT_URI");
  }

  @Test
  void aDuckDbWarehouseOutsideTheCliIsAClearError() {
    assertThatThrownBy(() -> host(Map.of(Setting.WAREHOUSE_JDBC_URL.key(), "jdbc:duckdb:")).warehouse())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("DuckDB is local-only")
        .hasMessageContaining(Setting.WAREHOUSE_JDBC_URL.key());
  }

  @Test
  void theWindowShardSettingSpreadsATenantWindowOverThatManyDocuments() {
    List<TelemetryEvent> events = new java.util.ArrayList<>();
    for (int op = 0; op < 40; op++) {
      events.add(new TelemetryEvent(("{\"tenantId\":\"t1\",\"service\":\"checkout\",\"operation\":\"GET /op" + op
          + "\",\"timestamp\":\"2026-11-21T06:00:10Z\",\"durationMs\":12,\"status\":\"ok\"}")
          .getBytes(StandardCharsets.UTF_8), op + 1, Integer.toString(op + 1), Instant.parse("2026-11-21T06:00:11Z"), "application/json", Map.of()));
    }
    for (int shards : new int[] {1, 3}) {
      var windows = new com.pulse.adapter.local.InMemoryWindowStore();
      CompositionRoot root = CompositionRoot.create(
          PulseConfig.parse(Map.of(Setting.TELEMETRY_WINDOW_SHARDS.key(), Integer.toString(shards))),
          Clock.fixed(Instant.parse("2026-11-21T06:01:00Z"), java.time.ZoneOffset.UTC), Optional.of(DUCKDB), NO_CREDENTIAL);
      root.aggregateBatch(windows, new com.pulse.adapter.local.InMemoryDeadLetterStore(), new com.pulse.app.port.MetricExport() {
        @Override
        public void exportPoints(List<com.pulse.domain.metric.MetricPoint> points) {}

        @Override
        public void exportWindows(List<com.pulse.domain.telemetry.WindowVersion> versions) {}
      }).handle(new TelemetryBatch("0", events));
      assertThat(windows.documents()).as("minute and hour documents with %d shard(s)", shards).hasSize(2 * shards);
      assertThat(windows.all()).hasSize(2 * 40);
    }
  }

  @Test
  void localModeBuildsEveryUseCaseAndHandlesABatchWithoutAnAzureCredential(@TempDir Path dir) {
    CompositionRoot root = cli(Map.of(Setting.WAREHOUSE_JDBC_URL.key(), "jdbc:duckdb:", Setting.PULSE_LOCAL_DIR.key(), dir.toString()));

    assertThat(root.metricRunner().catalog().metrics()).hasSizeGreaterThanOrEqualTo(8);
    assertThat(root.notifySloBreaches()).isNotNull();
    assertThat(root.checkFreshness().run().stale()).isEmpty();
    assertThat(root.healthCheck().check().storeReachable()).isTrue();
    var result = root.aggregateBatch().handle(new TelemetryBatch("0", List.of(new TelemetryEvent(
        "not json".getBytes(StandardCharsets.UTF_8), 1, "1", Instant.now(), "application/json", Map.of()))));

    assertThat(result.deadLettered()).isEqualTo(1);
    assertThat(dir.resolve(CompositionRoot.DEAD_LETTER_FILE)).exists();
    assertThat(dir.resolve("export")).isDirectory();
    assertThat(root.telemetry()).isSameAs(root.telemetry());
    assertThat(root.notificationStateStore()).isInstanceOf(com.pulse.adapter.local.FileNotificationStateStore.class);
    assertThat(root.heldDigestStore()).isInstanceOf(com.pulse.adapter.local.FileHeldDigestStore.class);
    assertThat(root.tenants().ownersOf("tenant-1")).containsExactly("alice@example.com");
    assertThat(root.evaluateSloBurnRates().run(List.of()).statuses()).isNotEmpty();
    assertThat(root.tenantSlos()).isNotNull();
  }

  @Test
  void locallyTheTelemetryFunctionWritesEveryBatchAtOnce(@TempDir Path dir) {
    CompositionRoot root = cli(Map.of(Setting.PULSE_LOCAL_DIR.key(), dir.toString()));
    byte[] body = ("{\"tenantId\":\"t\",\"service\":\"s\",\"operation\":\"o\","
        + "\"timestamp\":\"2026-11-20T10:00:30Z\",\"durationMs\":5,\"status\":\"ok\"}").getBytes(StandardCharsets.UTF_8);
    List<TelemetryEvent> full = new java.util.ArrayList<>();
    for (int i = 0; i < com.pulse.app.telemetry.DeferralPolicy.DEFAULT.fullBatchEvents(); i++) {
      full.add(new TelemetryEvent(body, i, null, Instant.parse("2026-11-20T10:00:31Z"), "application/json", Map.of()));
    }

    var result = root.telemetryAggregation().handle(new TelemetryBatch("0", full));

    assertThat(result.deferredEvents()).as("one process owns every partition: nothing is held").isZero();
    assertThat(result.requests()).isEqualTo(full.size());
    assertThat(result.documentsWritten()).isEqualTo(2);
    // the logs and metrics functions too (every event of these full batches is dead-lettered, none held)
    List<TelemetryEvent> junk = full.stream().map(e -> new TelemetryEvent("{".getBytes(StandardCharsets.UTF_8),
        e.sequenceNumber(), null, e.enqueuedTime(), "application/json", Map.of())).toList();
    var logs = root.logAggregation().handle(new TelemetryBatch("1", junk));
    var metrics = root.metricAggregation().handle(new TelemetryBatch("2", junk));
    assertThat(List.of(logs.deferredEvents(), metrics.deferredEvents())).containsOnly(0);
    assertThat(List.of(logs.deadLettered(), metrics.deadLettered())).containsOnly(full.size());
  }

  @Test
  void useCasesShareOneStore(@TempDir Path dir) {
    CompositionRoot root = cli(Map.of(Setting.PULSE_LOCAL_DIR.key(), dir.toString()));
    root.aggregateBatch().handle(new TelemetryBatch("0", List.of(new TelemetryEvent(
        "not json".getBytes(StandardCharsets.UTF_8), 1, "1", Instant.now(), "application/json", Map.of()))));

    assertThat(root.healthCheck().check().deadLetters()).isEqualTo(1);
  }

  @Test
  void replayingToTheTelemetryHubNeedsItsSettings() {
    assertThatThrownBy(() -> host(Map.of()).telemetryProducer())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(Setting.TELEMETRY_HUB_NAME.key());
  }
}
