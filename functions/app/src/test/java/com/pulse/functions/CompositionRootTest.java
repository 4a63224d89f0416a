package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.adapter.cosmos.CosmosClients.ConnectionMode;
import com.pulse.adapter.local.EnvironmentSecretSource;
import com.pulse.adapter.local.FileDeadLetterStore;
import com.pulse.adapter.local.InMemoryMetricStore;
import com.pulse.adapter.local.FileNotificationStateStore;
import com.pulse.adapter.local.InMemoryWindowStore;
import com.pulse.adapter.local.OutboxNotifier;
import com.pulse.app.observability.ObservedMetricExport;
import com.pulse.config.Settings;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompositionRootTest {
  private static CompositionRoot root(Map<String, String> settings) {
    // the CLI opens jdbc:duckdb: URLs with its embedded DuckDB; here a plain JDBC connection does
    return CompositionRoot.create(settings, Clock.systemUTC(), (java.util.function.Function<String, com.pulse.adapter.jdbc.ConnectionSource>) url -> () -> java.sql.DriverManager.getConnection(url));
  }

  @Test
  void warehouseUrlComesFromTheSettingThenTheSecretThenTheLocalDefault() {
    assertThat(root(Map.of(Settings.WAREHOUSE_JDBC_URL, "jdbc:sqlserver://s:1433;databaseName=d",
        Settings.WAREHOUSE_CONNECTION_SECRET_NAME, "ignored")).warehouseJdbcUrl())
        .isEqualTo("jdbc:sqlserver://s:1433;databaseName=d");
    assertThat(root(Map.of(Settings.PULSE_LOCAL_DIR, "data")).warehouseJdbcUrl())
        .isEqualTo("jdbc:duckdb:" + Path.of("data", CompositionRoot.DEFAULT_WAREHOUSE_FILE));
    assertThatThrownBy(() -> root(Map.of(Settings.WAREHOUSE_CONNECTION_SECRET_NAME, "warehouse-url")).warehouseJdbcUrl())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("warehouse-url");
  }

  @Test
  void badSettingsFailWithTheSettingName() {
    assertThatThrownBy(() -> root(Map.of(Settings.METRICS_MAX_CATCHUP_WINDOWS, "many",
        Settings.WAREHOUSE_JDBC_URL, "jdbc:duckdb:")).metricRunner())
        .hasMessageContaining(Settings.METRICS_MAX_CATCHUP_WINDOWS);
    assertThatThrownBy(() -> root(Map.of(Settings.WAREHOUSE_JDBC_URL, "jdbc:postgresql://h/db")).warehouse())
        .hasMessageContaining(Settings.WAREHOUSE_JDBC_URL);
  }

  @Test
  void aDuckDbWarehouseOutsideTheCliIsAClearError() {
    assertThatThrownBy(() -> CompositionRoot.create(Map.of(Settings.WAREHOUSE_JDBC_URL, "jdbc:duckdb:"), Clock.systemUTC())
        .warehouse()).isInstanceOf(IllegalStateException.class).hasMessageContaining("DuckDB is local-only")
        .hasMessageContaining(Settings.WAREHOUSE_JDBC_URL);
  }

  @Test
  void buildsTheLocalGraphOnce(@TempDir Path dir) {
    CompositionRoot root = root(Map.of(Settings.WAREHOUSE_JDBC_URL, "jdbc:duckdb:", Settings.PULSE_LOCAL_DIR, dir.toString()));
    assertThat(root.metricRunner()).isSameAs(root.metricRunner());
    assertThat(root.catalog().metrics()).hasSizeGreaterThanOrEqualTo(8);
    assertThat(dir.resolve("export")).isDirectory();
  }

  @Test
  void withoutAzureSettingsTheLocalAdaptersAndNoopTelemetryAreBuilt(@TempDir Path dir) {
    CompositionRoot root = root(Map.of(Settings.PULSE_LOCAL_DIR, dir.toString()));
    assertThat(root.cosmos()).isEmpty();
    assertThat(root.openTelemetry()).isSameAs(OpenTelemetry.noop());
    assertThat(root.credential()).isNotNull();
    assertThat(root.telemetry()).isSameAs(root.telemetry());
    assertThat(root.tracing()).isNotNull();
    assertThat(root.metricStore()).isInstanceOf(InMemoryMetricStore.class);
    assertThat(root.windowStore()).isInstanceOf(InMemoryWindowStore.class);
    assertThat(root.deadLetterStore()).isInstanceOf(FileDeadLetterStore.class);
    assertThat(root.notificationStateStore()).isInstanceOf(FileNotificationStateStore.class);
    assertThat(root.heldDigestStore()).isInstanceOf(com.pulse.adapter.local.FileHeldDigestStore.class);
    assertThat(root.tenants().ownersOf("tenant-1")).containsExactly("alice@example.com");
    assertThat(root.metricExport()).isInstanceOf(ObservedMetricExport.class);
    assertThat(root.notifier()).isInstanceOf(OutboxNotifier.class);
    assertThat(root.secretSource()).isInstanceOf(EnvironmentSecretSource.class);
    assertThat(root.aggregateBatch()).isSameAs(root.aggregateBatch());
    assertThat(root.notifySloBreaches()).isSameAs(root.notifySloBreaches());
    assertThat(root.checkFreshness()).isSameAs(root.checkFreshness());
  }

  @Test
  void aSecretSettingReadsTheWarehouseUrlFromTheSecretSource() {
    CompositionRoot root = root(Map.of(Settings.WAREHOUSE_CONNECTION_SECRET_NAME, "warehouse-url",
        EnvironmentSecretSource.variableOf("warehouse-url"), "jdbc:duckdb:"));
    assertThat(root.warehouseJdbcUrl()).isEqualTo("jdbc:duckdb:");
  }

  @Test
  void invalidAdapterSettingsAreRejectedByName() {
    assertThatThrownBy(() -> AzureServices.bool(Map.of(Settings.COSMOS_CREATE_IF_MISSING, "yes"), Settings.COSMOS_CREATE_IF_MISSING))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("COSMOS_CREATE_IF_MISSING");
    assertThatThrownBy(() -> ConnectionMode.parse("tcp"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("COSMOS_CONNECTION_MODE");
    assertThatThrownBy(() -> root(Map.of(Settings.COSMOS_ENDPOINT, "https://c.documents.azure.com:443/",
        Settings.COSMOS_CONNECTION_MODE, "tcp")).metricStore())
        .hasMessageContaining("COSMOS_CONNECTION_MODE");
    assertThatThrownBy(() -> root(Map.of(Settings.TELEMETRY_ALLOWED_LATENESS, "5 minutes")).aggregateBatch())
        .hasMessageContaining(Settings.TELEMETRY_ALLOWED_LATENESS);
    assertThatThrownBy(() -> root(Map.of()).telemetryProducer())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(Settings.TELEMETRY_HUB_NAME);
  }

  @Test
  void defaultsAreDirectModeAndNoCreation() {
    assertThat(ConnectionMode.parse(null)).isEqualTo(ConnectionMode.DIRECT);
    assertThat(ConnectionMode.parse("Gateway")).isEqualTo(ConnectionMode.GATEWAY);
    assertThat(AzureServices.bool(Map.of(), Settings.COSMOS_CREATE_IF_MISSING)).isFalse();
    assertThat(AzureServices.bool(Map.of(Settings.COSMOS_CREATE_IF_MISSING, "TRUE"), Settings.COSMOS_CREATE_IF_MISSING)).isTrue();
  }

  @Test
  void allowedLatenessDefaultsToFiveMinutesAndRejectsBadValues() {
    assertThat(AzureServices.allowedLateness(Map.of())).isEqualTo(AzureServices.DEFAULT_ALLOWED_LATENESS);
    assertThatThrownBy(() -> AzureServices.allowedLateness(Map.of(Settings.TELEMETRY_ALLOWED_LATENESS, "5 minutes")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Settings.TELEMETRY_ALLOWED_LATENESS);
    assertThatThrownBy(() -> AzureServices.allowedLateness(Map.of(Settings.TELEMETRY_ALLOWED_LATENESS, "-PT1M")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 0");
    assertThat(AzureServices.allowedLateness(Map.of(Settings.TELEMETRY_ALLOWED_LATENESS, "PT30S"))).isEqualTo(Duration.ofSeconds(30));
  }
}
