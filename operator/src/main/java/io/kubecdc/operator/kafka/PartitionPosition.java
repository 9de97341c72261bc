package io.kubecdc.operator.kafka;

/**
 * A consumer group's place in one partition: {@code next} is the offset it reads next (its
 * committed offset, or the partition's start when it never committed), {@code end} the offset the
 * next record written gets.
 */
public record PartitionPosition(long next, long end) {
  /** Records of the partition the group has not committed yet. */
  public long pending() {
    return Math.max(0, end - next);
  }
}
