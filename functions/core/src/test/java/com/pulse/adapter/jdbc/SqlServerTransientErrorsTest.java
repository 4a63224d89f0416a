package com.pulse.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SqlServerTransientErrorsTest {
  @ParameterizedTest
  @ValueSource(ints = {4060, 40197, 40501, 40613, 49918, 49919, 49920, 10928, 10929, 4221, 1205})
  void azureSqlTransientErrorNumbers(int number) {
    assertThat(SqlServerTransientErrors.isTransient(new SQLException("x", "S0001", number))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {208, 102, 229, 2627, 0})
  void permanentErrorNumbers(int number) {
    assertThat(SqlServerTransientErrors.isTransient(new SQLException("x", "S0001", number))).isFalse();
  }

  @Test
  void connectionClassSqlStatesResetsAndChains() {
    assertThat(SqlServerTransientErrors.isTransient(new SQLException("link failure", "08S01", 0))).isTrue();
    assertThat(SqlServerTransientErrors.isTransient(new SQLTransientConnectionException("timeout"))).isTrue();
    assertThat(SqlServerTransientErrors.isTransient(new SQLException("wrapped", "HY000", 0,
        new SocketException("Connection reset")))).isTrue();
    SQLException chained = new SQLException("first", "42000", 156);
    chained.setNextException(new SQLException("second", "S0001", 40501));
    assertThat(SqlServerTransientErrors.isTransient(chained)).isTrue();
    assertThat(SqlServerTransientErrors.isTransient(new SQLException("syntax", "42000", 156))).isFalse();
  }
}
