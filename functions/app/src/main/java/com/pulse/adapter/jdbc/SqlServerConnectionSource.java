package com.pulse.adapter.jdbc;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Connections to the SQL Server family (Azure SQL Database, Fabric warehouse, Synapse SQL) with
 * mssql-jdbc and a Microsoft Entra access token for the scope {@value #SCOPE}, obtained from a
 * {@link TokenCredential} (the Function App's managed identity in Azure, DefaultAzureCredential on a
 * developer machine). No password ever appears in the URL or settings
 * (https://learn.microsoft.com/sql/connect/jdbc/connecting-using-azure-active-directory-authentication,
 * "Connect using access token"). The token is cached until 5 minutes before it expires.
 *
 * <p>Thread-safe: {@link #open()} is synchronized (the data source carries the current token).
 */
public final class SqlServerConnectionSource implements ConnectionSource {
  /** Entra scope of Azure SQL and the Fabric/Synapse SQL endpoints. */
  public static final String SCOPE = "https://database.windows.net/.default";
  private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

  private final SQLServerDataSource dataSource = new SQLServerDataSource();
  private final TokenCredential credential;
  private final Clock clock;
  private AccessToken token;

  /**
   * @param jdbcUrl {@code jdbc:sqlserver://<server>:1433;databaseName=<db>;encrypt=true;...} without
   *     user, password or {@code authentication}
   * @param credential Entra credential
   * @param clock used to decide when the cached token is due for refresh
   * @throws IllegalArgumentException if the URL is not a SQL Server URL or carries a password
   * @throws NullPointerException if an argument is null
   */
  public SqlServerConnectionSource(String jdbcUrl, TokenCredential credential, Clock clock) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:sqlserver:")) {
      throw new IllegalArgumentException("jdbcUrl must start with jdbc:sqlserver: " + redact(jdbcUrl));
    }
    if (jdbcUrl.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
      throw new IllegalArgumentException("jdbcUrl must not carry a password; Pulse connects with an Entra token");
    }
    this.credential = Objects.requireNonNull(credential, "credential");
    this.clock = Objects.requireNonNull(clock, "clock");
    dataSource.setURL(jdbcUrl);
  }

  @Override
  public synchronized Connection open() throws SQLException {
    if (token == null || token.getExpiresAt().toInstant().minus(REFRESH_MARGIN).isBefore(clock.instant())) {
      token = credential.getTokenSync(new TokenRequestContext().addScopes(SCOPE));
      dataSource.setAccessToken(token.getToken());
    }
    return dataSource.getConnection();
  }

  /** The URL up to the first {@code ;}, i.e. without properties, for messages. */
  static String redact(String jdbcUrl) {
    int semi = jdbcUrl.indexOf(';');
    return semi < 0 ? jdbcUrl : jdbcUrl.substring(0, semi) + ";...";
  }
}
