package io.kubecdc.sink.config;

/**
 * ClickHouse HTTP endpoint and user. The password is read from {@code passwordFile} when set, else
 * from env {@code CLICKHOUSE_PASSWORD}; it never appears in the YAML. Every call is bounded: {@code
 * connectTimeoutMs} to open a connection, {@code requestTimeoutMs} for a statement, query or insert
 * to be answered (and for silence on an open connection), generous because a large insert into a
 * busy server is slow but healthy; an unreachable server is noticed by the probe ({@link
 * HealthConfig}) long before.
 */
public record ClickHouseConfig(
    String url, String user, String passwordFile, Long connectTimeoutMs, Long requestTimeoutMs) {
  public static final long DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
  public static final long DEFAULT_REQUEST_TIMEOUT_MS = 120_000;

  public ClickHouseConfig {
    user = user == null ? "default" : user;
    connectTimeoutMs = connectTimeoutMs == null ? DEFAULT_CONNECT_TIMEOUT_MS : connectTimeoutMs;
    requestTimeoutMs = requestTimeoutMs == null ? DEFAULT_REQUEST_TIMEOUT_MS : requestTimeoutMs;
  }

  public ClickHouseConfig(String url, String user, String passwordFile) {
    this(url, user, passwordFile, null, null);
  }
}
