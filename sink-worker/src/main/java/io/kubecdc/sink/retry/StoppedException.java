package io.kubecdc.sink.retry;

/** The worker is stopping while an operation still waits for an unavailable system. */
public class StoppedException extends RuntimeException {
  public StoppedException(String what, Throwable lastError) {
    super("stopped while retrying " + what, lastError);
  }
}
