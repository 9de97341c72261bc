package io.kubecdc.operator.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka timestamp of the oldest record a consumer group has not committed, per partition: what
 * freshness is measured from. A short-lived consumer without a group (it commits nothing, joins
 * nothing) is assigned only the partitions that lag, seeks each to the group's next offset and
 * takes its first record: one fetch per lagging partition, at most one record batch each, since the
 * fetch size is set to the minimum the broker rounds up to one batch. Bounded by {@code timeout}
 * overall: a partition that gave no record by then is left out, and its freshness is unknown.
 */
public final class OldestPending {
  private static final Logger LOG = LoggerFactory.getLogger(OldestPending.class);
  private static final Duration CLOSE = Duration.ofSeconds(1);
  private final Function<Map<String, Object>, Consumer<byte[], byte[]>> consumers;
  private final Map<String, String> clientProperties;
  private final String bootstrapServers;
  private final Duration timeout;

  public OldestPending(
      String bootstrapServers, Map<String, String> clientProperties, Duration timeout) {
    this(bootstrapServers, clientProperties, timeout, KafkaConsumer::new);
  }

  OldestPending(
      String bootstrapServers,
      Map<String, String> clientProperties,
      Duration timeout,
      Function<Map<String, Object>, Consumer<byte[], byte[]>> consumers) {
    this.bootstrapServers = bootstrapServers;
    this.clientProperties = clientProperties;
    this.timeout = timeout;
    this.consumers = consumers;
  }

  /**
   * The timestamp in milliseconds of the record at or after {@code next.get(tp)}, for each
   * partition that has one within the timeout (a record removed by retention is replaced by the
   * first one kept).
   */
  public Map<TopicPartition, Long> timestamps(Map<TopicPartition, Long> next) {
    Map<TopicPartition, Long> out = new HashMap<>();
    if (next.isEmpty()) {
      return out;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    Consumer<byte[], byte[]> consumer = consumers.apply(config());
    try {
      consumer.assign(next.keySet());
      next.forEach(consumer::seek);
      while (out.size() < next.size() && System.nanoTime() < deadline) {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        for (ConsumerRecord<byte[], byte[]> r :
            consumer.poll(Duration.ofMillis(Math.min(left, 500)))) {
          TopicPartition tp = new TopicPartition(r.topic(), r.partition());
          if (out.putIfAbsent(tp, r.timestamp()) == null) {
            consumer.pause(List.of(tp));
          }
        }
      }
    } finally {
      consumer.close(CLOSE); // a consumer without a group has nothing to wait for
    }
    if (out.size() < next.size()) {
      LOG.warn(
          "event=oldest_pending_unread partitions={} read={} timeout_ms={}",
          next.size(),
          out.size(),
          timeout.toMillis());
    }
    return out;
  }

  private Map<String, Object> config() {
    Map<String, Object> p = new HashMap<>(clientProperties);
    int ms = (int) timeout.toMillis();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "kubecdc-operator-freshness");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1);
    p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 1);
    p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
    p.put("socket.connection.setup.timeout.ms", Long.toString(ms));
    p.put("socket.connection.setup.timeout.max.ms", Long.toString(ms));
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return p;
  }
}
