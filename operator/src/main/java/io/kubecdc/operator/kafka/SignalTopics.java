package io.kubecdc.operator.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends to and reads back the pipeline's small bookkeeping topics (Debezium's signal and
 * notification topics). They hold a few records per table ever added, so reading one whole is
 * cheap, and it keeps the operator stateless: what was asked and what Debezium reported is in
 * Kafka, not in the operator's memory.
 */
public final class SignalTopics {
  private final Map<String, Object> client;
  private final Duration timeout;

  public SignalTopics(
      String bootstrapServers, Map<String, String> clientProperties, Duration timeout) {
    this.client = new HashMap<>(clientProperties);
    client.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    client.put(ConsumerConfig.CLIENT_ID_CONFIG, "kubecdc-operator-signals");
    client.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    client.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    this.timeout = timeout;
  }

  /** Sends one record and waits until every in-sync replica has it. */
  public void send(String topic, String key, String value) {
    Map<String, Object> p = new HashMap<>(client);
    p.remove(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    // delivery.timeout.ms must cover request.timeout.ms plus linger.ms
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() / 2);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
    try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      producer
          .send(new ProducerRecord<>(topic, key, value))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot send to topic " + topic + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending to " + topic, e);
    }
  }

  /**
   * Whether the topic has held no record yet (or does not exist), asked through an admin client
   * that the caller already has open: cheaper than a consumer, and most pipelines never signal.
   */
  public boolean neverWritten(Admin admin, String topic) {
    TopicPartition p = new TopicPartition(topic, 0);
    try {
      return admin
              .listOffsets(Map.of(p, OffsetSpec.latest()))
              .all()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
              .get(p)
              .offset()
          == 0;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return true;
      }
      throw new IllegalStateException("cannot read the end of " + topic + ": " + e.getMessage(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("cannot read the end of " + topic + " in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the end of " + topic, e);
    }
  }

  /** A record value and the time Kafka stamped it with (its producer's send time). */
  public record Stamped(String value, long timestamp) {}

  /** Every record value in the topic, oldest first; none when the topic does not exist. */
  public List<String> values(String topic) {
    return stamped(topic).stream().map(Stamped::value).toList();
  }

  /** {@link #values(String)} with each record's timestamp. */
  public List<Stamped> stamped(String topic) {
    List<Stamped> out = new ArrayList<>();
    TopicScan.read(
        client,
        topic,
        Map.of(),
        timeout,
        r -> {
          if (r.value() != null) {
            out.add(new Stamped(new String(r.value(), StandardCharsets.UTF_8), r.timestamp()));
          }
        });
    return out;
  }
}
