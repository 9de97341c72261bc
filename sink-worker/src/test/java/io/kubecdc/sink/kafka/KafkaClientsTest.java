package io.kubecdc.sink.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.sink.config.KafkaConfig;
import io.kubecdc.sink.config.WorkerEnvironment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {
  private static final WorkerEnvironment ENV = new WorkerEnvironment(null, null);
  private static final KafkaConfig KAFKA =
      new KafkaConfig("127.0.0.1:9092", "kubecdc.prod.orders.v1", Map.of(), 8 << 20, null);

  @Test
  void shouldFetchAtLeastOneEventOfTheConnectorsLimit() {
    assertThat(KafkaClients.consumerProperties(KAFKA, ENV))
        .containsEntry("max.partition.fetch.bytes", Integer.toString(9 << 20))
        .containsEntry("fetch.max.bytes", Integer.toString(9 << 20));
  }

  @Test
  void shouldDeadLetterAnEventOfTheConnectorsLimitWithItsHeaders() {
    assertThat(KafkaClients.producerProperties(KAFKA, ENV))
        .containsEntry("max.request.size", Integer.toString(9 << 20))
        .containsEntry("buffer.memory", Long.toString(18L << 20))
        .doesNotContainKey("max.partition.fetch.bytes");
  }
}
