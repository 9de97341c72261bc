package io.kubecdc.contract;

import java.util.Map;

/**
 * The largest change event a pipeline carries, and every Kafka setting that must agree with it,
 * derived from that one value: the connector's producer, the topics, the brokers of the local
 * stack, the sink-worker's consumer and its dead-letter producer. Set apart, they drift: a topic
 * that takes 64 MiB is useless behind a producer that stops at 1 MiB, and a worker that cannot
 * fetch what the topic holds stalls on it.
 *
 * <p>The default is {@value #DEFAULT_MAX_EVENT_BYTES} bytes (64 MiB). Rows with values up to 32 MiB
 * must flow, and JSON with schemas inflates them: bytea travels as base64 (4/3), jsonb as an
 * escaped JSON string, and the schema rides in every event. Kafka checks the producer's limit on
 * the uncompressed event, the topic's on the compressed batch ({@code lz4}, see {@link
 * EventShape}), so both use the same bound. Larger values cost the Connect worker and the
 * sink-worker several times the event size in heap while one event is in flight.
 *
 * <p>An event above the limit fails the connector's task with {@code RecordTooLargeException}: the
 * pipeline stops, visibly, rather than skip a row. Kafka Connect's {@code errors.tolerance=all}
 * would skip it with a log line only, which loses the row silently, so it is not used.
 */
public record EventSizeLimit(int maxEventBytes) {
  public static final int DEFAULT_MAX_EVENT_BYTES = 64 << 20;
  public static final EventSizeLimit DEFAULT = new EventSizeLimit(DEFAULT_MAX_EVENT_BYTES);

  /** Room above one event for the record batch framing and the dead-letter headers. */
  static final int HEADROOM_BYTES = 1 << 20;

  private static final int MIN = 1 << 20;
  private static final int MAX = 512 << 20;

  public EventSizeLimit {
    if (maxEventBytes < MIN || maxEventBytes > MAX) {
      throw new IllegalArgumentException(
          "maxEventBytes: must be between " + MIN + " and " + MAX + ", got " + maxEventBytes);
    }
  }

  /** What a topic or one fetch must hold: one event and its framing. */
  public int recordBatchBytes() {
    return maxEventBytes + HEADROOM_BYTES;
  }

  /**
   * To merge into the connector config: the task's producer (needs {@code
   * connector.client.config.override.policy=All} on the Connect worker) and the topics Connect
   * creates for the connector (KIP-158; replication and partitions from the broker's defaults).
   */
  public Map<String, String> connectorSettings() {
    return Map.of(
        "producer.override.max.request.size", Integer.toString(maxEventBytes),
        // the producer refuses a record larger than its whole buffer
        "producer.override.buffer.memory", Long.toString(2L * maxEventBytes),
        "topic.creation.default.replication.factor", "-1",
        "topic.creation.default.partitions", "-1",
        "topic.creation.default.max.message.bytes", Integer.toString(recordBatchBytes()));
  }

  /** Config of every topic of the pipeline (table topics and dead-letter topic). */
  public Map<String, String> topicConfig() {
    return Map.of("max.message.bytes", Integer.toString(recordBatchBytes()));
  }

  /** Broker defaults for topics created without {@link #topicConfig()} (the local stack's). */
  public Map<String, String> brokerSettings() {
    String bytes = Integer.toString(recordBatchBytes());
    return Map.of("message.max.bytes", bytes, "replica.fetch.max.bytes", bytes);
  }

  /** The sink-worker's consumer: one fetch holds at least one whole event. */
  public Map<String, String> consumerSettings() {
    String bytes = Integer.toString(recordBatchBytes());
    return Map.of("max.partition.fetch.bytes", bytes, "fetch.max.bytes", bytes);
  }

  /**
   * The heap ({@code -Xmx}) the sink-worker needs for events of this size: 256 MiB for the worker
   * itself plus four events, as a poll hands over several large records at once and each is held as
   * the record, its decoded value and its encoded row. Measured with the default limit: 32 MiB
   * values (text, bytea, jsonb, three rows in one poll) fail at 256 MiB and pass at this 512 MiB.
   */
  public long sinkWorkerHeapBytes() {
    return (256L << 20) + 4L * maxEventBytes;
  }

  /** The sink-worker's dead-letter producer: the original event plus the error headers. */
  public Map<String, String> deadLetterProducerSettings() {
    return Map.of(
        "max.request.size", Integer.toString(recordBatchBytes()),
        "buffer.memory", Long.toString(2L * recordBatchBytes()));
  }
}
