package io.kubecdc.sink.decode;

/**
 * Decodes the Kafka records of a Debezium table topic, produced with the settings of {@link
 * io.kubecdc.contract.EventShape}, into {@link ChangeEvent}s. Not thread-safe; one per consumer.
 *
 * <p>STUB: the decoder work replaces the body; the API is the contract with the runtime.
 */
public final class EventDecoder {
  /**
   * Decodes one record value; a null value is a {@link ChangeEvent.Tombstone}.
   *
   * @throws DecodeException if the record is not a Debezium change event this sink understands
   */
  public ChangeEvent decode(byte[] value) throws DecodeException {
    throw new UnsupportedOperationException("decoder not written yet");
  }
}
