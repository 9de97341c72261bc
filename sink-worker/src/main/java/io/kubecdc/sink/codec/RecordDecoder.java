package io.kubecdc.sink.codec;

import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.decode.DecodeException;
import io.kubecdc.sink.decode.EventDecoder;
import io.kubecdc.sink.decode.Placeholder;

/**
 * Turns one Kafka record value into a {@link ChangeEvent}; a null value is a tombstone. The
 * runtime's seam around {@link EventDecoder}, so that the loop can be tested with fakes.
 */
@FunctionalInterface
public interface RecordDecoder {
  ChangeEvent decode(byte[] value) throws DecodeException;

  /**
   * The real Debezium decoder for events whose unchanged TOASTed values carry {@code
   * toastPlaceholder}. Not thread-safe, like the decoder itself: one per consumer.
   */
  static RecordDecoder debezium(String toastPlaceholder) {
    EventDecoder decoder = new EventDecoder(new Placeholder(toastPlaceholder));
    return decoder::decode;
  }
}
