package io.kubecdc.operator.k8s;

import java.time.Duration;
import java.time.Instant;

/**
 * When to check a pipeline again without an event. A Ready pipeline waits the resync period. One
 * that is not Ready is checked again after a quarter of the time it has not been Ready, at least
 * every second and at most every {@code notReadyRecheck}: a new pipeline whose connector is still
 * starting is seen Ready within a second or two, while one that stays broken settles at the
 * configured period instead of loading the source, Kafka and Connect every second.
 */
final class Recheck {
  static final Duration MIN = Duration.ofSeconds(1);

  private Recheck() {}

  static Duration after(boolean ready, Instant notReadySince, Instant now, OperatorConfig config) {
    if (ready) {
      return config.resyncPeriod();
    }
    Duration quarter = Duration.between(notReadySince, now).dividedBy(4);
    Duration max = config.notReadyRecheck();
    if (quarter.compareTo(max) > 0) {
      return max;
    }
    return quarter.compareTo(MIN) < 0 ? (MIN.compareTo(max) < 0 ? MIN : max) : quarter;
  }
}
