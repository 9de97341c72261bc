package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** How the operator and Debezium reach one PostgreSQL database. */
public class SourceConnection {
  /** libpq's sslmode values. */
  public enum SslMode {
    @JsonProperty("disable")
    DISABLE,
    @JsonProperty("prefer")
    PREFER,
    @JsonProperty("require")
    REQUIRE,
    @JsonProperty("verify-ca")
    VERIFY_CA,
    @JsonProperty("verify-full")
    VERIFY_FULL;

    /** The value as libpq, pgjdbc and Debezium's {@code database.sslmode} spell it. */
    public String libpq() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  @JsonPropertyDescription("Host name or address, as Kafka Connect and the operator reach it.")
  @Required
  private String host;

  @JsonPropertyDescription("Port.")
  @Default("5432")
  @Min(1)
  @Max(65535)
  private int port = 5432;

  @JsonPropertyDescription("Database name.")
  @Required
  private String database;

  @JsonPropertyDescription(
      "Secret with the user and password; the user needs REPLICATION and SELECT on the tables.")
  @Required
  private SecretKeys credentialsSecret;

  @JsonPropertyDescription("TLS mode (libpq sslmode).")
  @Default("prefer")
  private SslMode sslMode = SslMode.PREFER;

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public int getPort() {
    return port;
  }

  public void setPort(int port) {
    this.port = port;
  }

  public String getDatabase() {
    return database;
  }

  public void setDatabase(String database) {
    this.database = database;
  }

  public SecretKeys getCredentialsSecret() {
    return credentialsSecret;
  }

  public void setCredentialsSecret(SecretKeys credentialsSecret) {
    this.credentialsSecret = credentialsSecret;
  }

  public SslMode getSslMode() {
    return sslMode;
  }

  public void setSslMode(SslMode sslMode) {
    this.sslMode = sslMode;
  }
}
