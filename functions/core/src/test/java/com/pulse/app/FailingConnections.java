package com.pulse.app;

import com.pulse.adapter.jdbc.ConnectionSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDBC wrapper over real DuckDB connections whose {@code prepareStatement} fails the first
 * {@code failures} times with a given SQL Server error number and SQLState, then delegates.
 */
final class FailingConnections implements ConnectionSource {
  private final ConnectionSource delegate;
  private final AtomicInteger remaining;
  private final int errorNumber;
  private final String sqlState;
  final AtomicInteger prepared = new AtomicInteger();

  FailingConnections(ConnectionSource delegate, int failures, int errorNumber, String sqlState) {
    this.delegate = delegate;
    this.remaining = new AtomicInteger(failures);
    this.errorNumber = errorNumber;
    this.sqlState = sqlState;
  }

  @Override
  public Connection open() throws SQLException {
    Connection real = delegate.open();
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("prepareStatement")) {
            prepared.incrementAndGet();
            if (remaining.getAndDecrement() > 0) {
              throw new SQLException("injected failure " + errorNumber, sqlState, errorNumber);
            }
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
