package io.kubecdc.sink.encode;

/**
 * A decoded value that cannot be written to its column; the event goes to the dead-letter topic.
 */
public class EncodeException extends Exception {
  public EncodeException(String message) {
    super(message);
  }
}
