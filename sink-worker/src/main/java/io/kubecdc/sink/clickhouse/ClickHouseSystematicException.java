package io.kubecdc.sink.clickhouse;

import io.kubecdc.sink.retry.TransientException;

/**
 * ClickHouse refuses the statement for a reason that is not in any one row (the SQL, the table, the
 * schema, the permissions), or refuses every row of a batch alike. No row is given up for it: the
 * operation is retried with backoff, nothing is committed and the worker is not ready until the
 * cause is fixed (a table re-created, a grant restored).
 */
public class ClickHouseSystematicException extends TransientException {
  public static final String KIND = "clickhouse_systematic";

  private final int code;

  public ClickHouseSystematicException(int code, String message, Throwable cause) {
    super(KIND, message, cause);
    this.code = code;
  }

  public int code() {
    return code;
  }
}
