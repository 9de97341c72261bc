package io.kubecdc.operator.postgres;

import java.util.Objects;

/**
 * How the operator reaches a source database, with the credentials resolved from the Secret. The
 * password never appears in {@link #toString()}.
 */
public record SourceEndpoint(
    String host, int port, String database, String user, String password, String sslMode) {
  public SourceEndpoint {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    sslMode = sslMode == null ? "prefer" : sslMode;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** {@code user@host:port/database}, for messages and logs. */
  public String describe() {
    return user + "@" + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "SourceEndpoint[" + describe() + ", sslMode=" + sslMode + "]";
  }
}
