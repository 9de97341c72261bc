package io.kubecdc.sink.kafka;

/**
 * The dead-letter topic. {@link #send} returns only once the record is durably written (or throws
 * when the worker stops first), so the caller may then treat the source offset as processed.
 */
public interface DeadLetters extends AutoCloseable {
  String ERROR = "kubecdc.error";
  String SOURCE_TOPIC = "kubecdc.source.topic";
  String SOURCE_PARTITION = "kubecdc.source.partition";
  String SOURCE_OFFSET = "kubecdc.source.offset";

  /**
   * @param reason short metric label: decode, encode, rejected
   * @param error the message for the {@code kubecdc.error} header
   */
  void send(SourceRef source, String reason, String error);

  /** How many more records of {@code topic} may be sent now; unbounded by default. */
  default int remaining(String topic) {
    return Integer.MAX_VALUE;
  }

  @Override
  void close();
}
