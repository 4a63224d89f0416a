package com.pulse.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SqlServerReaderGrantTest {
  private static final UUID CLIENT_ID = UUID.fromString("2f6c8a6e-1b7d-4a0e-9d5b-0c1e2f3a4b5c");

  @Test
  void createsAContainedUserFromTheClientIdThenGrantsReadOnly() {
    assertThat(new SqlServerReaderGrant("id-pulse-func-abc", CLIENT_ID).statements()).containsExactly(
        "IF DATABASE_PRINCIPAL_ID(N'id-pulse-func-abc') IS NULL BEGIN"
            + " DECLARE @sid NVARCHAR(MAX) = CONVERT(NVARCHAR(MAX), CAST(CAST(N'2f6c8a6e-1b7d-4a0e-9d5b-0c1e2f3a4b5c'"
            + " AS UNIQUEIDENTIFIER) AS VARBINARY(16)), 1);"
            + " EXEC (N'CREATE USER [id-pulse-func-abc] WITH SID = ' + @sid + N', TYPE = E'); END",
        "ALTER ROLE db_datareader ADD MEMBER [id-pulse-func-abc]");
  }

  @Test
  void quotesNamesSoTheyCannotEndTheStatement() {
    var statements = new SqlServerReaderGrant("x]'; DROP TABLE t; --", CLIENT_ID).statements();

    assertThat(statements.get(0)).contains("DATABASE_PRINCIPAL_ID(N'x]''; DROP TABLE t; --')")
        .contains("CREATE USER [x]]''; DROP TABLE t; --]");
    assertThat(statements.get(1)).isEqualTo("ALTER ROLE db_datareader ADD MEMBER [x]]'; DROP TABLE t; --]");
  }

  @Test
  void rejectsABlankOrOverlongName() {
    assertThatThrownBy(() -> new SqlServerReaderGrant(" ", CLIENT_ID)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userName");
    assertThatThrownBy(() -> new SqlServerReaderGrant("a".repeat(129), CLIENT_ID))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
