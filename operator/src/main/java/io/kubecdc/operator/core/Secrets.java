package io.kubecdc.operator.core;

import java.util.Objects;

/**
 * The credentials a reconcile needs, resolved by the driver (from Kubernetes Secrets, or from files
 * in standalone mode) together with the reference Kafka Connect should use instead of the value.
 * Values never appear in {@link #toString()} and never leave the operator except to connect.
 */
public final class Secrets {
  /** A user and password, and the config-provider references that stand for them in Connect. */
  public record Credentials(
      String user, String password, String userReference, String passwordReference) {
    public Credentials {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Credentials[user=" + user + ", password=***]";
    }
  }

  private final Credentials source;
  private final Credentials clickhouse;

  public Secrets(Credentials source, Credentials clickhouse) {
    this.source = Objects.requireNonNull(source, "source");
    this.clickhouse = Objects.requireNonNull(clickhouse, "clickhouse");
  }

  public Credentials source() {
    return source;
  }

  public Credentials clickhouse() {
    return clickhouse;
  }

  @Override
  public String toString() {
    return "Secrets[source=" + source + ", clickhouse=" + clickhouse + "]";
  }
}
