package io.kubecdc.sink.decode;

/** An event that cannot be decoded; it goes to the dead-letter topic with this message. */
public class DecodeException extends Exception {
  public DecodeException(String message) {
    super(message);
  }

  public DecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
