package io.kubecdc.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.sink.fakes.LogCapture;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's log4j2.xml drops the clients' per-attempt notices of an outage (the worker logs the
 * outage itself, once each way) and nothing else: other client warnings and every error stay.
 */
class LogConfigTest {
  @Test
  void shouldDropKafkaConnectionNoticesButKeepOtherWarningsAndErrors() {
    String name = "org.apache.kafka.clients.NetworkClient";
    try (LogCapture log = new LogCapture(name)) {
      Logger kafka = LoggerFactory.getLogger(name);
      String prefix = "[Consumer clientId=g-sink, groupId=g] ";
      kafka.warn(
          prefix
              + "Connection to node -1 (/127.0.0.1:24092) could not be established."
              + " Node may not be available.");
      kafka.warn(
          prefix
              + "Bootstrap broker 127.0.0.1:24092 (id: -1 rack: null isFenced: false) disconnected");
      kafka.warn(prefix + "Error while fetching metadata: {orders=UNKNOWN_TOPIC_OR_PARTITION}");
      kafka.error(prefix + "Connection to node 1 (/10.0.0.1:9092) could not be established.");
      kafka.info(prefix + "Node -1 disconnected.");
      assertThat(log.containing(""))
          .containsExactly(
              "WARN "
                  + prefix
                  + "Error while fetching metadata: {orders=UNKNOWN_TOPIC_OR_PARTITION}",
              "ERROR "
                  + prefix
                  + "Connection to node 1 (/10.0.0.1:9092) could not be established.");
    }
  }

  @Test
  void shouldDropTheCoordinatorNoticesOfACommitThatIsRetried() {
    String name = "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator";
    try (LogCapture log = new LogCapture(name)) {
      Logger kafka = LoggerFactory.getLogger(name);
      kafka.warn(
          "[C] Offset commit failed on partition t-0 at offset 190: This is not the correct coordinator.");
      kafka.warn("[C] Offset commit failed on partition t-0 at offset 190: The request timed out.");
      assertThat(log.containing("Offset commit failed")).hasSize(1);
    }
  }

  @Test
  void shouldDropClickHouseRequestFailureNoticesButKeepOtherWarnings() {
    // captured where log4j2.xml filters, behind the filter, as the console appender is
    try (LogCapture log = new LogCapture("com.clickhouse.client.api")) {
      Logger client = LoggerFactory.getLogger("com.clickhouse.client.api.Client");
      Logger selector =
          LoggerFactory.getLogger("com.clickhouse.client.api.transport.ClientNodeSelector");
      client.warn("Insert request failed (attempt: 1, duration: 25ms, queryId: null)");
      client.warn("Query request failed (attempt: 1, duration: 2ms, queryId: null)");
      selector.warn("Endpoint 127.0.0.1 quarantined for 30000 ms");
      selector.warn("All endpoints are non-responsive, falling back to primary endpoint");
      client.warn("Setting 'x' is deprecated");
      client.error("Insert request failed (attempt: 1, duration: 25ms, queryId: null)");
      assertThat(log.containing(""))
          .containsExactly(
              "WARN Setting 'x' is deprecated",
              "ERROR Insert request failed (attempt: 1, duration: 25ms, queryId: null)");
    }
  }
}
