package io.kubecdc.sink.kafka;

import io.kubecdc.sink.config.KafkaConfig;
import io.kubecdc.sink.config.WorkerEnvironment;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Builds the consumer, the dead-letter producer and the probe's admin client from the config and
 * the environment. Blocking calls are bounded by {@code kafka.timeoutMs} unless the client
 * properties say otherwise: the consumer's default API timeout, the producer's metadata wait
 * ({@code max.block.ms}), request and delivery timeouts.
 */
public final class KafkaClients {
  private KafkaClients() {}

  static Properties common(KafkaConfig config, WorkerEnvironment env) {
    Properties p = new Properties();
    p.putAll(config.clientProperties());
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    env.kafkaSaslJaasConfig().ifPresent(jaas -> p.put(SaslConfigs.SASL_JAAS_CONFIG, jaas));
    return p;
  }

  public static Properties consumerProperties(KafkaConfig config, WorkerEnvironment env) {
    Properties p = common(config, env);
    p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // change events carry their schema (~5 kB each): fetch in large chunks, hand over many
    p.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    // at least one whole event of the largest size the connector may produce
    p.putAll(config.sizeLimit().consumerSettings());
    p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId() + "-sink");
    p.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(config.timeoutMs()));
    p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return p;
  }

  /** A consumer outside the group, for reading single records back by their coordinates. */
  public static KafkaConsumer<byte[], byte[]> reader(KafkaConfig config, WorkerEnvironment env) {
    Properties p = consumerProperties(config, env);
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId() + "-reader");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(1 << 20));
    return new KafkaConsumer<>(p);
  }

  public static Properties producerProperties(KafkaConfig config, WorkerEnvironment env) {
    Properties p = common(config, env);
    p.keySet()
        .removeIf(
            k ->
                ConsumerConfig.configNames().contains(k)
                    && !ProducerConfig.configNames().contains(k));
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, config.groupId() + "-dlq");
    // a dead letter is the original event plus error headers
    p.putAll(config.sizeLimit().deadLetterProducerSettings());
    p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(config.timeoutMs()));
    p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(config.timeoutMs()));
    p.putIfAbsent(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(deliveryTimeout(config)));
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return p;
  }

  /** How long a dead-letter send may take before it fails and is retried. */
  public static long deliveryTimeout(KafkaConfig config) {
    return 2 * config.timeoutMs();
  }

  /** An admin client for the probe: only the connection settings and the probe's bound. */
  public static Admin admin(KafkaConfig config, WorkerEnvironment env, Duration timeout) {
    Properties p = common(config, env);
    p.keySet().removeIf(k -> !AdminClientConfig.configNames().contains(k));
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, config.groupId() + "-probe");
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
    return Admin.create(p);
  }

  public static KafkaConsumer<byte[], byte[]> consumer(KafkaConfig config, WorkerEnvironment env) {
    return new KafkaConsumer<>(consumerProperties(config, env));
  }

  public static KafkaProducer<byte[], byte[]> producer(KafkaConfig config, WorkerEnvironment env) {
    return new KafkaProducer<>(producerProperties(config, env));
  }
}
