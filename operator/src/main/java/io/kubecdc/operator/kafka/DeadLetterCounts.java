package io.kubecdc.operator.kafka;

import io.kubecdc.api.crd.v1alpha1.KafkaConnection;
import io.kubecdc.api.crd.v1alpha1.TableStatus;
import io.kubecdc.sink.kafka.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
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

  /**
   * Sets {@code deadLetters} of each table (0 when none) from {@code topic}; leaves them unset when
   * the topic cannot be read.
   */
  public void count(Admin admin, KafkaConnection kafka, String topic, List<TableStatus> tables) {
    counts(admin, kafka, topic).ifPresent(c -> set(tables, c));
  }

  /**
   * The records of {@code topic} per source topic; empty (logged) when it cannot be read. The end
   * offsets are asked through the caller's admin client first: a consumer is opened only when the
   * topic holds records not counted yet, so an idle reconcile costs one request.
   */
  public Optional<Map<String, Long>> counts(Admin admin, KafkaConnection kafka, String topic) {
    Tally tally =
        tallies.computeIfAbsent(kafka.getBootstrapServers() + "/" + topic, k -> new Tally());
    synchronized (tally) {
      try {
        if (!nothingNew(admin, topic, tally)) {
          Map<String, Long> seen = new HashMap<>();
          Map<TopicPartition, Long> reached =
              TopicScan.read(
                  client(kafka),
                  topic,
                  tally.positions,
                  timeout,
                  r -> {
                    Header source = r.headers().lastHeader(DeadLetters.SOURCE_TOPIC);
                    if (source != null) {
                      seen.merge(new String(source.value(), StandardCharsets.UTF_8), 1L, Long::sum);
                    }
                  });
          // only a complete read counts, so that no record is counted twice
          seen.forEach((source, n) -> tally.perSource.merge(source, n, Long::sum));
          tally.positions.putAll(reached);
        }
      } catch (RuntimeException e) {
        LOG.warn("event=dead_letters_unknown topic={} error=\"{}\"", topic, e.getMessage());
        return Optional.empty();
      }
      return Optional.of(Map.copyOf(tally.perSource));
    }
  }

  /** Sets {@code deadLetters} of each table (0 when none) from counts per source topic. */
  public static void set(List<TableStatus> tables, Map<String, Long> counts) {
    for (TableStatus t : tables) {
      t.setDeadLetters(counts.getOrDefault(t.getTopic(), 0L));
    }
  }

  /** Whether every partition ends where the tally stopped (the first time: the topic is empty). */
  private boolean nothingNew(Admin admin, String topic, Tally tally) {
    Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
    if (tally.positions.isEmpty()) {
      ask.put(new TopicPartition(topic, 0), OffsetSpec.latest());
    } else {
      tally.positions.keySet().forEach(p -> ask.put(p, OffsetSpec.latest()));
    }
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends;
    try {
      ends = admin.listOffsets(ask).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return false; // the consumer's read says what is wrong
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the end of " + topic, e);
    }
    if (tally.positions.isEmpty()) {
      // one partition, as the operator creates it; more are found by the consumer's read
      return ends.size() == 1 && ends.values().iterator().next().offset() == 0;
    }
    if (ends.entrySet().stream()
        .anyMatch(e -> e.getValue().offset() < tally.positions.get(e.getKey()))) {
      // the topic was deleted and created again: count it afresh
      tally.positions.clear();
      tally.perSource.clear();
      return false;
    }
    return ends.entrySet().stream()
        .allMatch(e -> e.getValue().offset() == tally.positions.get(e.getKey()));
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
