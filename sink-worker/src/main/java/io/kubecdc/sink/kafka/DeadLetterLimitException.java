package io.kubecdc.sink.kafka;

/**
 * A table sent more records to the dead-letter topic within the window than its limit allows. Not
 * retried: the loop halts (see {@code SinkLoop}) without committing, so that no more of the topic
 * is dead-lettered until someone looks at the cause and restarts the worker.
 */
public class DeadLetterLimitException extends RuntimeException {
  private final String topic;

  public DeadLetterLimitException(String topic, String message) {
    super(message);
    this.topic = topic;
  }

  public String topic() {
    return topic;
  }
}
