package io.kubecdc.sink.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a pending row came from, with the original bytes in case it must go to the DLQ. */
public record SourceRef(String topic, int partition, long offset, byte[] key, byte[] value) {
  public static SourceRef of(ConsumerRecord<byte[], byte[]> record) {
    return new SourceRef(
        record.topic(), record.partition(), record.offset(), record.key(), record.value());
  }

  /** Bytes kept in memory for this reference. */
  public long retainedBytes() {
    return 64 + (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
  }
}
