package io.kubecdc.stack;

/** A failure of the local stack that the user can act on; its message says what and where. */
public class StackException extends RuntimeException {
  public StackException(String message) {
    super(message);
  }

  public StackException(String message, Throwable cause) {
    super(message, cause);
  }
}
