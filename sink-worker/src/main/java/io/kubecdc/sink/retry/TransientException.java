package io.kubecdc.sink.retry;

/**
 * An external system is unavailable (connection refused, timeout, overload): the operation is
 * retried with backoff and no data is given up. {@code kind} labels the error metric.
 */
public class TransientException extends RuntimeException {
  private final String kind;

  public TransientException(String kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public String kind() {
    return kind;
  }
}
