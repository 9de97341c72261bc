package io.kubecdc.sink.clickhouse;

import io.kubecdc.sink.retry.TransientException;

/** ClickHouse cannot be reached or cannot take the request now; retry later. */
public class ClickHouseUnavailableException extends TransientException {
  public ClickHouseUnavailableException(String message, Throwable cause) {
    super("clickhouse_unavailable", message, cause);
  }
}
