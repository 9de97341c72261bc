package io.kubecdc.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToastPlaceholderTest {
  @Test
  void shouldBeStableForOnePipelineAndDifferBetweenPipelines() {
    String orders = ToastPlaceholder.forPipeline("prod", "orders");
    assertThat(orders)
        .isEqualTo(ToastPlaceholder.forPipeline("prod", "orders"))
        .matches("__kubecdc_unchanged_[0-9a-f]{32}")
        .isNotEqualTo(ToastPlaceholder.forPipeline("staging", "orders"))
        .isNotEqualTo(ToastPlaceholder.forPipeline("prod", "order"));
    // the separator keeps namespace and name apart
    assertThat(ToastPlaceholder.forPipeline("a", "b/c"))
        .isNotEqualTo(ToastPlaceholder.forPipeline("a/b", "c"));
  }

  @Test
  void shouldBeUsableByDebeziumAndTheWorker() {
    assertThat(ToastPlaceholder.problem(ToastPlaceholder.forPipeline("prod", "orders"))).isNull();
    assertThat(ToastPlaceholder.problem(ToastPlaceholder.DEBEZIUM_DEFAULT)).isNull();
  }

  @Test
  void shouldExplainUnusablePlaceholders() {
    assertThat(ToastPlaceholder.problem(" ")).isEqualTo("must not be empty");
    assertThat(ToastPlaceholder.problem("hex:00112233445566778899")).contains("hex:");
    assertThat(ToastPlaceholder.problem("unchanged")).contains("at least 16");
  }

  @Test
  void shouldRequireAPipelineIdentity() {
    assertThatThrownBy(() -> ToastPlaceholder.forPipeline("", "orders"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
