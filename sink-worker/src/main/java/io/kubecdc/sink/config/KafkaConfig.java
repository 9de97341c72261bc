package io.kubecdc.sink.config;

import java.util.Map;

/**
 * Kafka connection of the sink: brokers, the consumer group (derived by the operator as {@code
 * kubecdc.<namespace>.<pipeline>.v<checkpointVersion>}) and extra non-secret client properties.
 */
public record KafkaConfig(
    String bootstrapServers, String groupId, Map<String, String> clientProperties) {
  public KafkaConfig {
    clientProperties = clientProperties == null ? Map.of() : Map.copyOf(clientProperties);
  }
}
