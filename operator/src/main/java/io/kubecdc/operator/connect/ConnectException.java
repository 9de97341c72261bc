package io.kubecdc.operator.connect;

/**
 * Kafka Connect could not be reached or did not answer in time ({@code unavailable}), or refused a
 * request with a client error such as a bad config ({@code !unavailable}).
 */
public final class ConnectException extends RuntimeException {
  private final boolean unavailable;
  private final int status;

  ConnectException(String message, boolean unavailable, int status, Throwable cause) {
    super(message, cause);
    this.unavailable = unavailable;
    this.status = status;
  }

  public boolean unavailable() {
    return unavailable;
  }

  /** The HTTP status, or 0 when no answer came. */
  public int status() {
    return status;
  }
}
