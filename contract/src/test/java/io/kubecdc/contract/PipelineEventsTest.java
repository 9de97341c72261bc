package io.kubecdc.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
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

  @Test
  void shouldIncludeExactlyTheNamedTablesNotTheirPartitionsOrLookalikes() {
    String list = PipelineEvents.tableIncludeList(List.of("shop.orders", "shop.Line Items"));
    String[] patterns = list.split("(?<!\\\\),");
    assertThat(patterns).hasSize(2);
    Pattern orders = Pattern.compile(patterns[0]);
    assertThat(orders.matcher("shop.orders").matches()).isTrue();
    assertThat(orders.matcher("shopXorders").matches()).isFalse();
    assertThat(orders.matcher("shop.orders_2024").matches()).isFalse();
    assertThat(Pattern.compile(patterns[1]).matcher("shop.Line Items").matches()).isTrue();
  }
}
