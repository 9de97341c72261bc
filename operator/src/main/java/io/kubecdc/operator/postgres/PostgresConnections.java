package io.kubecdc.operator.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Opens short-lived JDBC connections to a source with bounded connect and socket timeouts, so that
 * an unreachable source costs a reconcile a few seconds, never a hung thread.
 */
public final class PostgresConnections {
  private final Duration connectTimeout;
  private final Duration socketTimeout;

  public PostgresConnections(Duration connectTimeout, Duration socketTimeout) {
    this.connectTimeout = connectTimeout;
    this.socketTimeout = socketTimeout;
  }

  public static PostgresConnections defaults() {
    return new PostgresConnections(Duration.ofSeconds(10), Duration.ofSeconds(30));
  }

  public Connection open(SourceEndpoint endpoint) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", endpoint.user());
    p.setProperty("password", endpoint.password());
    p.setProperty("sslmode", endpoint.sslMode());
    p.setProperty("connectTimeout", Long.toString(connectTimeout.toSeconds()));
    p.setProperty("socketTimeout", Long.toString(socketTimeout.toSeconds()));
    p.setProperty("ApplicationName", "kubecdc-operator");
    return DriverManager.getConnection(endpoint.jdbcUrl(), p);
  }
}
