package io.kubecdc.chfront.engine;

/** The output of one statement and its progress counters. */
public record EngineResult(
    byte[] data,
    long resultRows,
    long resultBytes,
    long readRows,
    long readBytes,
    long writtenRows,
    long writtenBytes,
    long elapsedNanos) {

  public static EngineResult empty() {
    return new EngineResult(new byte[0], 0, 0, 0, 0, 0, 0, 0);
  }
}
