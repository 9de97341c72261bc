package io.kubecdc.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventShapeTest {
  @Test
  void shouldCarryTypesWithTheData() {
    assertThat(EventShape.connectorSettings())
        .containsEntry("value.converter.schemas.enable", "true")
        .containsEntry("key.converter.schemas.enable", "true")
        .containsEntry("decimal.handling.mode", "precise")
        .containsEntry("time.precision.mode", "adaptive_time_microseconds")
        .containsEntry("skipped.operations", "none")
        .containsEntry("publish.via.partition.root", "true")
        .containsEntry("publication.autocreate.mode", "filtered")
        .doesNotContainKey("unavailable.value.placeholder");
  }

  @Test
  void shouldSendEventsToKafkaInLargeCompressedBatches() {
    assertThat(EventShape.connectorSettings())
        .containsEntry("producer.override.compression.type", "lz4")
        .containsEntry("producer.override.batch.size", "524288")
        .containsEntry("producer.override.linger.ms", "10");
  }

  @Test
  void shouldNotBeChangeableByCallers() {
    assertThatThrownBy(() -> EventShape.connectorSettings().put("decimal.handling.mode", "double"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
