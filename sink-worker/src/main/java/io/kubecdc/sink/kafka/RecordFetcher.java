package io.kubecdc.sink.kafka;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads one record back from Kafka by its coordinates, with a consumer of its own (assigned, never
 * in the group, never committing). Used only for dead letters of rows ClickHouse rejected.
 */
public final class RecordFetcher implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final Supplier<Consumer<byte[], byte[]>> factory;
  private Consumer<byte[], byte[]> consumer;

  public RecordFetcher(Supplier<Consumer<byte[], byte[]>> factory) {
    this.factory = factory;
  }

  /** The reference with its bytes; fails if the record cannot be read within 30 s. */
  public SourceRef fetch(SourceRef ref) {
    if (ref.hasBytes()) {
      return ref;
    }
    if (consumer == null) {
      consumer = factory.get();
    }
    TopicPartition tp = new TopicPartition(ref.topic(), ref.partition());
    consumer.assign(List.of(tp));
    consumer.seek(tp, ref.offset());
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
        if (r.partition() == ref.partition() && r.offset() == ref.offset()) {
          return ref.withBytes(r.key(), r.value());
        }
      }
    }
    throw new IllegalStateException(
        "cannot read "
            + ref.topic()
            + "-"
            + ref.partition()
            + "@"
            + ref.offset()
            + " back from Kafka");
  }

  @Override
  public void close() {
    if (consumer != null) {
      consumer.close(Duration.ofSeconds(5));
    }
  }
}
