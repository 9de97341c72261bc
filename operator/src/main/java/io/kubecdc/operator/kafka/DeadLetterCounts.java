package io.kubecdc.operator.kafka;

import io.kubecdc.api.crd.v1alpha1.KafkaConnection;
import io.kubecdc.api.crd.v1alpha1.TableStatus;
import io.kubecdc.sink.kafka.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the records of a pipeline's dead-letter topic per source topic (the worker's header {@code
 * kubecdc.source.topic}) into {@code status.tables[].deadLetters}. Read from the topic, not from
 * the worker's metrics: the topic is where the events are, it survives worker restarts, and both
 * drivers reach it. Each record is read once per operator run: the counts and the position reached
 * are kept per topic, and a reconcile reads only what arrived since. A failed read leaves the
 * counts unknown in that reconcile (logged), it does not fail the reconcile.
 */
public final class DeadLetterCounts {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterCounts.class);

  private final Duration timeout;
  private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

  public DeadLetterCounts(Duration timeout) {
    this.timeout = timeout;
  }

  private static final class Tally {
    final Map<TopicPartition, Long> positions = new HashMap<>();
    final Map<String, Long> perSource = new HashMap<>();
  }

  /** Sets {@code deadLetters} of each table (0 when none) from {@code topic}. */
  public void count(KafkaConnection kafka, String topic, List<TableStatus> tables) {
    Tally tally =
        tallies.computeIfAbsent(kafka.getBootstrapServers() + "/" + topic, k -> new Tally());
    Map<String, Long> counts;
    synchronized (tally) {
      try {
        Map<TopicPartition, Long> reached =
            TopicScan.read(
                client(kafka),
                topic,
                tally.positions,
                timeout,
                r -> {
                  Header source = r.headers().lastHeader(DeadLetters.SOURCE_TOPIC);
                  if (source != null) {
                    tally.perSource.merge(
                        new String(source.value(), StandardCharsets.UTF_8), 1L, Long::sum);
                  }
                });
        tally.positions.putAll(reached);
      } catch (RuntimeException e) {
        LOG.warn("event=dead_letters_unknown topic={} error=\"{}\"", topic, e.getMessage());
        return;
      }
      counts = Map.copyOf(tally.perSource);
    }
    for (TableStatus t : tables) {
      t.setDeadLetters(counts.getOrDefault(t.getTopic(), 0L));
    }
  }

  private Map<String, Object> client(KafkaConnection kafka) {
    Map<String, Object> c = new HashMap<>(kafka.getClientProperties());
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers());
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, "kubecdc-operator-dead-letters");
    c.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    c.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    return c;
  }
}
