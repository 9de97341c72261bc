package io.kubecdc.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineNamesTest {
  private final PipelineNames orders = new PipelineNames("prod", "orders");

  @Test
  void shouldDeriveTheDocumentedNames() {
    assertThat(orders.connector()).isEqualTo("prod.orders");
    assertThat(orders.topicPrefix()).isEqualTo("prod.orders");
    assertThat(orders.slot()).isEqualTo("kubecdc_prod_orders");
    assertThat(orders.publication()).isEqualTo("kubecdc_prod_orders");
    assertThat(orders.consumerGroup(3)).isEqualTo("kubecdc.prod.orders.v3");
    assertThat(orders.deadLetterTopic()).isEqualTo("prod.orders.dlq");
    assertThat(orders.sinkWorkload()).isEqualTo("orders-sink");
  }

  @Test
  void shouldDeriveSignalNamesThatNoTableTopicCanTake() {
    assertThat(orders.signalTopic()).isEqualTo("__kubecdc-signal.prod.orders");
    assertThat(orders.notificationTopic()).isEqualTo("__kubecdc-notification.prod.orders");
    assertThat(orders.signalGroup()).isEqualTo("__kubecdc-signal.prod.orders");
    // table topics start with the prefix; a namespace cannot start with '_' (DNS label)
    assertThat(orders.signalTopic()).doesNotStartWith(orders.topicPrefix());
    assertThat(new PipelineNames("prod", "orders.eu").signalTopic())
        .isNotEqualTo(orders.signalTopic());
  }

  @Test
  void shouldKeepSlotNamesWithinPostgresRules() {
    String longName = "a-very-long-pipeline-name-that-goes-on.and-on-with-dots-and-dashes-x";
    for (PipelineNames n :
        Set.of(
            new PipelineNames("team-a", "orders"),
            new PipelineNames("prod", "orders.v2"),
            new PipelineNames("some-namespace-with-a-long-name", longName))) {
      assertThat(n.slot()).matches("[a-z0-9_]{1,63}");
      assertThat(n.publication()).hasSizeLessThanOrEqualTo(63);
      assertThat(n.sinkWorkload()).matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
      assertThat(n.sinkWorkload(12)).matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    }
  }

  @Test
  void shouldNameTheWorkerOfEachGenerationAndKeepVersionOnesName() {
    assertThat(orders.sinkWorkload(1)).isEqualTo("orders-sink");
    assertThat(orders.sinkWorkload(2)).isEqualTo("orders-sink-v2");
    PipelineNames longOne = new PipelineNames("prod", "y".repeat(80));
    assertThat(longOne.sinkWorkload(2)).endsWith("-v2").hasSizeLessThanOrEqualTo(63);
    assertThat(longOne.sinkWorkload(2)).isNotEqualTo(longOne.sinkWorkload(3));
  }

  @Test
  void shouldBeStableAndDistinctWhenShortened() {
    String base = "x".repeat(80);
    PipelineNames a = new PipelineNames("prod", base + "a");
    PipelineNames b = new PipelineNames("prod", base + "b");
    assertThat(a.slot()).isEqualTo(new PipelineNames("prod", base + "a").slot());
    assertThat(a.slot()).isNotEqualTo(b.slot());
    assertThat(a.sinkWorkload()).isNotEqualTo(b.sinkWorkload());
    assertThat(a.slot()).startsWith("kubecdc_prod_xxx").hasSize(63);
  }

  @Test
  void shouldNotLetReplacedCharactersMakeTwoPipelinesShareASlot() {
    // "a-b" and "a.b" both become a_b once replaced: the hash keeps them apart
    Set<String> slots = new HashSet<>();
    for (String p : new String[] {"a-b", "a.b", "a_b"}) {
      slots.add(new PipelineNames("prod", p).slot());
    }
    assertThat(slots).hasSize(3);
  }

  @Test
  void shouldRefuseCheckpointVersionsBelowOne() {
    assertThatThrownBy(() -> orders.consumerGroup(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(">= 1");
  }
}
