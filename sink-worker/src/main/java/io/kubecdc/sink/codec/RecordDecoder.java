package io.kubecdc.sink.codec;

import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.decode.DecodeException;
import io.kubecdc.sink.decode.EventDecoder;

/**
 * Turns one Kafka record value into a {@link ChangeEvent}; a null value is a tombstone. The
 * runtime's seam around {@link EventDecoder}, so that the loop can be tested with fakes.
 */
@FunctionalInterface
public interface RecordDecoder {
  ChangeEvent decode(byte[] value) throws DecodeException;

  /** The real Debezium decoder. Not thread-safe, like the decoder itself: one per consumer. */
  static RecordDecoder debezium() {
    EventDecoder decoder = new EventDecoder();
    return decoder::decode;
  }
}
