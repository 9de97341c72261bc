package io.kubecdc.sink.config;

import io.kubecdc.contract.EventSizeLimit;
import java.time.Duration;
import java.util.Map;

/**
 * Kafka connection of the sink: brokers, the consumer group (derived by the operator as {@code
 * kubecdc.<namespace>.<pipeline>.v<checkpointVersion>}), extra non-secret client properties, and
 * the largest change event of the pipeline ({@code maxEventBytes}, the connector's limit: the
 * consumer's fetch sizes and the dead-letter producer's request size follow from it, see {@link
 * EventSizeLimit}), and {@code timeoutMs}, the bound of every blocking Kafka call the worker makes
 * (offset commit, offset and metadata lookups, a dead-letter send waits for at most twice as long):
 * a call to a broker that is gone fails after it and is retried with backoff, instead of holding
 * the loop.
 */
public record KafkaConfig(
    String bootstrapServers,
    String groupId,
    Map<String, String> clientProperties,
    Integer maxEventBytes,
    Long timeoutMs) {
  public static final long DEFAULT_TIMEOUT_MS = 10_000;

  public KafkaConfig(
      String bootstrapServers, String groupId, Map<String, String> clientProperties) {
    this(bootstrapServers, groupId, clientProperties, null, null);
  }

  public KafkaConfig {
    clientProperties = clientProperties == null ? Map.of() : Map.copyOf(clientProperties);
    maxEventBytes = maxEventBytes == null ? EventSizeLimit.DEFAULT_MAX_EVENT_BYTES : maxEventBytes;
    timeoutMs = timeoutMs == null ? DEFAULT_TIMEOUT_MS : timeoutMs;
  }

  public Duration timeout() {
    return Duration.ofMillis(timeoutMs);
  }

  /** The limit; call only on a validated config. */
  public EventSizeLimit sizeLimit() {
    return new EventSizeLimit(maxEventBytes);
  }
}
