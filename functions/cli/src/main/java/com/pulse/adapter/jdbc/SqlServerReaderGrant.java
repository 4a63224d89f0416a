package com.pulse.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Makes a Microsoft Entra principal (the function app's user-assigned managed identity) a read-only
 * user of an Azure SQL database: a contained user {@code WITH SID = <client id>, TYPE = E} and
 * membership of {@code db_datareader}. The SID form needs no Microsoft Graph lookup, so it also works
 * when the administrator running it is a service principal (a CI deployment identity), where
 * {@code CREATE USER ... FROM EXTERNAL PROVIDER} would need Directory Readers on the server
 * (https://learn.microsoft.com/azure/azure-sql/database/authentication-aad-service-principal).
 * Idempotent: an existing user is kept, an existing membership is a no-op. Must run as an Entra
 * admin of the server (or a user with ALTER ANY USER and ALTER on the role).
 *
 * @param userName the database user name, by convention the identity's display name (1-128 characters)
 * @param clientId the identity's client (application) id
 */
public record SqlServerReaderGrant(String userName, UUID clientId) {
  /**
   * @throws IllegalArgumentException if {@code userName} is blank or longer than 128 characters
   * @throws NullPointerException if an argument is null
   */
  public SqlServerReaderGrant {
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(clientId, "clientId");
    if (userName.isBlank() || userName.length() > 128) {
      throw new IllegalArgumentException("userName must have 1-128 characters: '" + userName + "'");
    }
  }

  /** The T-SQL statements, in order; names are quoted ({@code [..]} and {@code N'..'}), never concatenated raw. */
  public List<String> statements() {
    String literal = "N'" + userName.replace("'", "''") + "'";
    String quoted = "[" + userName.replace("]", "]]") + "]";
    return List.of(
        "IF DATABASE_PRINCIPAL_ID(" + literal + ") IS NULL BEGIN"
            + " DECLARE @sid NVARCHAR(MAX) = CONVERT(NVARCHAR(MAX), CAST(CAST(N'" + clientId + "' AS UNIQUEIDENTIFIER) AS VARBINARY(16)), 1);"
            + " EXEC (N'CREATE USER " + quoted.replace("'", "''") + " WITH SID = ' + @sid + N', TYPE = E');"
            + " END",
        "ALTER ROLE db_datareader ADD MEMBER " + quoted);
  }

  /**
   * Runs {@link #statements()} on the connection.
   *
   * @throws SQLException if the server refuses (e.g. the caller is not an Entra admin)
   */
  public void apply(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (String sql : statements()) {
        s.execute(sql);
      }
    }
  }
}
