package io.kubecdc.sink.config;

/**
 * ClickHouse HTTP endpoint and user. The password is read from {@code passwordFile} when set, else
 * from env {@code CLICKHOUSE_PASSWORD}; it never appears in the YAML.
 */
public record ClickHouseConfig(String url, String user, String passwordFile) {
  public ClickHouseConfig {
    user = user == null ? "default" : user;
  }
}
