package io.kubecdc.sink.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the benchmark's topic (created with {@code message.timestamp.type=LogAppendTime}) outside
 * any group and records, per order id, when the broker appended its change event.
 */
final class KafkaArrivals implements Runnable {
  private static final Pattern ID = Pattern.compile("\"payload\":\\{\"id\":(\\d+)}");

  private final String bootstrap;
  private final String topic;
  private final double[] inKafka;
  private final AtomicBoolean running;

  KafkaArrivals(String bootstrap, String topic, double[] inKafka, AtomicBoolean running) {
    this.bootstrap = bootstrap;
    this.topic = topic;
    this.inKafka = inKafka;
    this.running = running;
  }

  @Override
  public void run() {
    Map<String, Object> p =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            ByteArrayDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ByteArrayDeserializer.class,
            ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
            16 << 20);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      TopicPartition tp = new TopicPartition(topic, 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      while (running.get()) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          if (r.key() == null) {
            continue;
          }
          Matcher m = ID.matcher(new String(r.key(), java.nio.charset.StandardCharsets.UTF_8));
          if (m.find()) {
            int id = Integer.parseInt(m.group(1));
            if (id < inKafka.length && inKafka[id] == 0) {
              inKafka[id] = r.timestamp();
            }
          }
        }
      }
    }
  }
}
