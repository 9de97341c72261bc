package io.kubecdc.stack.service;

import io.kubecdc.stack.StackException;
import io.kubecdc.stack.process.LogTail;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits until a service answers, checking that its process is still alive so that a crash is
 * reported at once with the tail of its log instead of after a timeout.
 */
final class Readiness {
  private static final Duration POLL = Duration.ofMillis(200);

  private Readiness() {}

  static void await(
      String service, Path log, Duration timeout, BooleanSupplier alive, BooleanSupplier ready) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (ready.getAsBoolean()) {
        return;
      }
      if (!alive.getAsBoolean()) {
        throw new StackException(service + " exited during start-up\n" + LogTail.of(log, 30));
      }
      if (System.nanoTime() > deadline) {
        throw new StackException(
            service + " did not become ready within " + timeout + "\n" + LogTail.of(log, 30));
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StackException("interrupted while waiting for " + service, e);
      }
    }
  }
}
