package io.kubecdc.operator.kafka;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A topic as the pipeline declares it. {@code replicationFactor} empty means the broker's default
 * ({@code default.replication.factor}); {@code configs} are topic-level settings such as {@code
 * cleanup.policy}, {@code retention.ms} and {@code max.message.bytes}.
 */
public record TopicSpec(
    String name, int partitions, Optional<Short> replicationFactor, Map<String, String> configs) {
  public TopicSpec {
    Objects.requireNonNull(name, "name");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
    }
    configs = Map.copyOf(configs);
  }
}
