package io.kubecdc.operator.standalone;

/** A manifest file that cannot be run, with a message that names the file and the problem. */
public final class ManifestException extends RuntimeException {
  public ManifestException(String message) {
    super(message);
  }

  public ManifestException(String message, Throwable cause) {
    super(message, cause);
  }
}
