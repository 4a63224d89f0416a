package com.pulse.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamedParametersTest {
  @Test
  void rewritesParametersInOrderIncludingRepeats() {
    NamedParameters p = NamedParameters.parse(
        "SELECT 1 AS tenant_id WHERE a >= :window_start AND a < :window_end AND b < :window_end");
    assertThat(p.jdbcSql()).isEqualTo("SELECT 1 AS tenant_id WHERE a >= ? AND a < ? AND b < ?");
    assertThat(p.names()).containsExactly("window_start", "window_end", "window_end");
  }

  @Test
  void leavesLiteralsCommentsAndCastsAlone() {
    String sql = "SELECT ':window_start' AS s, \"a:b\", [x:y], x::DATE -- :nope\n/* :nope */ FROM t WHERE d < :window_end";
    NamedParameters p = NamedParameters.parse(sql);
    assertThat(p.jdbcSql()).isEqualTo(sql.replace("d < :window_end", "d < ?"));
    assertThat(p.names()).containsExactly("window_end");
  }

  @Test
  void rejectsUnknownParameters() {
    assertThatThrownBy(() -> NamedParameters.parse("SELECT * FROM t WHERE a = :tenant"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":tenant");
  }
}
