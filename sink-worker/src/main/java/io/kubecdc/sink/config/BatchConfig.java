package io.kubecdc.sink.config;

/**
 * When a table's pending rows are inserted: at {@code maxRows} rows or {@code maxBytes} bytes, and
 * in any case once the oldest pending row is {@code maxDelayMs} old. The defaults give sub-second
 * freshness at low rates and large inserts at high rates.
 */
public record BatchConfig(Integer maxRows, Long maxBytes, Long maxDelayMs) {
  public static final int DEFAULT_MAX_ROWS = 100_000;
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
  public static final long DEFAULT_MAX_DELAY_MS = 200;
  public static final BatchConfig DEFAULTS = new BatchConfig(null, null, null);

  public BatchConfig {
    maxRows = maxRows == null ? DEFAULT_MAX_ROWS : maxRows;
    maxBytes = maxBytes == null ? DEFAULT_MAX_BYTES : maxBytes;
    maxDelayMs = maxDelayMs == null ? DEFAULT_MAX_DELAY_MS : maxDelayMs;
  }
}
