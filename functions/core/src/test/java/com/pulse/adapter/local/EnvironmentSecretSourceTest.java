package com.pulse.adapter.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class EnvironmentSecretSourceTest {
  private final EnvironmentSecretSource source =
      new EnvironmentSecretSource(Map.of("PULSE_SECRET_WAREHOUSE_JDBC_URL", "jdbc:duckdb:"));

  @Test
  void readsThePrefixedUpperCaseVariable() {
    assertThat(source.secret("warehouse-jdbc-url")).isEqualTo("jdbc:duckdb:");
  }

  @Test
  void missingSecretNamesSecretAndVariable() {
    assertThatThrownBy(() -> source.secret("warehouse.user")).isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("'warehouse.user'").hasMessageContaining("PULSE_SECRET_WAREHOUSE_USER");
    assertThatThrownBy(() -> source.require(List.of("warehouse-jdbc-url", "warehouse.user")))
        .isInstanceOf(IllegalStateException.class).hasMessage("missing secrets: warehouse.user");
  }
}
