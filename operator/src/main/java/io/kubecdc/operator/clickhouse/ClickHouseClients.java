package io.kubecdc.operator.clickhouse;

import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import io.kubecdc.sink.config.ClickHouseConfig;
import java.time.Duration;

/** Opens the operator's ClickHouse gateway: the worker's, with its default timeouts. */
public final class ClickHouseClients {
  private ClickHouseClients() {}

  public static ClientV2Gateway open(String url, String user, String password) {
    return new ClientV2Gateway(
        new ClickHouseConfig(url, user, null, null, null), password, Duration.ofSeconds(3));
  }
}
