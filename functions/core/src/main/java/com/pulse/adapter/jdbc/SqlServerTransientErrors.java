package com.pulse.adapter.jdbc;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Classifies JDBC failures as transient (worth retrying the same query) for the SQL Server family
 * (Azure SQL Database, Fabric warehouse, Synapse). Error numbers from "Troubleshoot transient
 * connection errors" and "Resource limits" in the Azure SQL documentation
 * (https://learn.microsoft.com/azure/azure-sql/database/troubleshoot-common-connectivity-issues,
 * https://learn.microsoft.com/azure/azure-sql/database/troubleshoot-common-errors-issues):
 * 4060 database unavailable, 40197 service error during failover, 40501 service busy, 40613 database
 * not currently available, 49918/49919/49920 not enough resources / too many operations, 10928/10929
 * resource limit reached, 4221 login timed out waiting for HADR, 1205 deadlock victim, 10053/10054/10060
 * transport-level errors. Also SQLState class {@code 08} (connection exception, SQL:2016 / X/Open),
 * {@link SQLTransientException}, {@link SQLRecoverableException} and socket resets anywhere in the
 * cause chain. Stateless.
 */
public final class SqlServerTransientErrors {
  /** SQL Server error numbers treated as transient. */
  public static final Set<Integer> ERROR_NUMBERS =
      Set.of(4060, 40197, 40501, 40613, 49918, 49919, 49920, 10928, 10929, 4221, 1205, 10053, 10054, 10060, 233, 64);

  private SqlServerTransientErrors() {}

  /** Whether {@code failure} (or a chained / causing exception) is transient. */
  public static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && isTransientSql(sql)) {
        return true;
      }
      if (t instanceof SocketException) {
        return true;
      }
      if (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connection reset")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTransientSql(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if (s instanceof SQLTransientException || s instanceof SQLRecoverableException
          || ERROR_NUMBERS.contains(s.getErrorCode())
          || s.getSQLState() != null && s.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }
}
