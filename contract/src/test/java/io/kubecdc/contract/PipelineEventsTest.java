package io.kubecdc.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PipelineEventsTest {
  @Test
  void shouldPutThePipelinesPlaceholderAndLimitsIntoTheConnectorConfig() {
    PipelineEvents events = PipelineEvents.forPipeline("prod", "orders");
    assertThat(events.connectorSettings())
        .containsAllEntriesOf(EventShape.connectorSettings())
        .containsEntry("unavailable.value.placeholder", events.toastPlaceholder())
        .containsAllEntriesOf(EventSizeLimit.DEFAULT.connectorSettings());
    assertThat(events.toastPlaceholder()).isEqualTo(ToastPlaceholder.forPipeline("prod", "orders"));
  }

  @Test
  void shouldTakeAnotherLimit() {
    EventSizeLimit small = new EventSizeLimit(2 << 20);
    PipelineEvents events = PipelineEvents.forPipeline("prod", "orders").withSizeLimit(small);
    assertThat(events.connectorSettings()).containsAllEntriesOf(small.connectorSettings());
  }

  @Test
  void shouldRejectAnUnusablePlaceholder() {
    assertThatThrownBy(() -> new PipelineEvents("hex:0011223344556677", EventSizeLimit.DEFAULT))
        .hasMessageStartingWith("toastPlaceholder: ");
  }
}
