package com.pulse.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.config.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompositionRootTest {
  private static CompositionRoot root(Map<String, String> settings) {
    return CompositionRoot.create(settings, Clock.systemUTC());
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
  void buildsTheLocalGraphOnce(@TempDir Path dir) {
    CompositionRoot root = root(Map.of(Settings.WAREHOUSE_JDBC_URL, "jdbc:duckdb:", Settings.PULSE_LOCAL_DIR, dir.toString()));
    assertThat(root.metricRunner()).isSameAs(root.metricRunner());
    assertThat(root.catalog().metrics()).hasSizeGreaterThanOrEqualTo(8);
    assertThat(dir.resolve("export")).isDirectory();
  }
}
