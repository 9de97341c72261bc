package io.kubecdc.sink.clickhouse;

/** ClickHouse answered and refused the statement or its data (bad row, type mismatch, ...). */
public class ClickHouseRejectedException extends RuntimeException {
  private final int code;

  public ClickHouseRejectedException(int code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public int code() {
    return code;
  }
}
