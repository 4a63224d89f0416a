package com.pulse.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens JDBC connections for {@link JdbcWarehouse}; the caller closes each connection after one
 * query. Implementations are thread-safe.
 */
@FunctionalInterface
public interface ConnectionSource {
  /** Opens a connection. @throws SQLException if the driver cannot connect */
  Connection open() throws SQLException;
}
