package io.kubecdc.chfront.engine;

import io.kubecdc.chfront.protocol.ServerError;

/** A statement failed in the engine; carries the ClickHouse error code and message. */
public final class EngineException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient ServerError error;

  public EngineException(ServerError error) {
    super("Code: " + error.code() + ". " + error.message());
    this.error = error;
  }

  public ServerError error() {
    return error;
  }
}
