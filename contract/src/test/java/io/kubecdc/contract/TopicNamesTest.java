package io.kubecdc.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicNamesTest {
  @Test
  void shouldKeepValidTopicCharacters() {
    assertThat(TopicNames.dataChange("prod_orders", "public", "order-items.v2"))
        .isEqualTo("prod_orders.public.order-items.v2");
  }

  @Test
  void shouldReplaceEveryOtherCharacterByAnUnderscore() {
    assertThat(TopicNames.dataChange("p", "Shop Ä", "1st \"order\" 名前"))
        .isEqualTo("p.Shop__.1st__order____");
  }

  @Test
  void shouldReplaceACharacterOutsideTheBasicPlaneByTwoUnderscoresAsDebeziumDoes() {
    assertThat(TopicNames.dataChange("p", "s", "cart🛒")).isEqualTo("p.s.cart__");
  }

  @Test
  void shouldTellWhenTwoTablesShareATopic() {
    assertThat(TopicNames.collide("p", "public", "größe", "public", "gr__e")).isTrue();
    assertThat(TopicNames.collide("p", "public", "a", "public", "b")).isFalse();
  }
}
