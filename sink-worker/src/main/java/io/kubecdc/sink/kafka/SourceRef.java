package io.kubecdc.sink.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Where a row came from. While a record is in hand its bytes travel with the reference; pending
 * rows keep only the coordinates ({@link #withoutBytes()}), so that a batch does not hold every
 * original record (kilobytes each, schema included) in the heap. The rare dead letter of a row
 * ClickHouse rejected re-reads its record from Kafka by these coordinates.
 */
public record SourceRef(
    String topic, int partition, long offset, byte[] key, byte[] value, boolean hasBytes) {
  public static SourceRef of(ConsumerRecord<byte[], byte[]> record) {
    return new SourceRef(
        record.topic(), record.partition(), record.offset(), record.key(), record.value(), true);
  }

  /** The same coordinates without the record's bytes. */
  public SourceRef withoutBytes() {
    return hasBytes ? new SourceRef(topic, partition, offset, null, null, false) : this;
  }

  /** The same coordinates with the record's bytes, read back from Kafka. */
  public SourceRef withBytes(byte[] key, byte[] value) {
    return new SourceRef(topic, partition, offset, key, value, true);
  }
}
