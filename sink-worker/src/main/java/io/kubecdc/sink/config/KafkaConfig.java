package io.kubecdc.sink.config;

import io.kubecdc.contract.EventSizeLimit;
import java.util.Map;

/**
 * Kafka connection of the sink: brokers, the consumer group (derived by the operator as {@code
 * kubecdc.<namespace>.<pipeline>.v<checkpointVersion>}), extra non-secret client properties, and
 * the largest change event of the pipeline ({@code maxEventBytes}, the connector's limit: the
 * consumer's fetch sizes and the dead-letter producer's request size follow from it, see {@link
 * EventSizeLimit}).
 */
public record KafkaConfig(
    String bootstrapServers,
    String groupId,
    Map<String, String> clientProperties,
    Integer maxEventBytes) {
  public KafkaConfig(
      String bootstrapServers, String groupId, Map<String, String> clientProperties) {
    this(bootstrapServers, groupId, clientProperties, null);
  }

  public KafkaConfig {
    clientProperties = clientProperties == null ? Map.of() : Map.copyOf(clientProperties);
    maxEventBytes = maxEventBytes == null ? EventSizeLimit.DEFAULT_MAX_EVENT_BYTES : maxEventBytes;
  }

  /** The limit; call only on a validated config. */
  public EventSizeLimit sizeLimit() {
    return new EventSizeLimit(maxEventBytes);
  }
}
