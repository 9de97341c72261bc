package io.kubecdc.kubetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KubeTargetExtensionTest {
  @AfterEach
  void clear() {
    System.clearProperty(KubeTargetExtension.TARGETS_PROPERTY);
  }

  @Test
  void shouldRunOnTheMockAndTheRealServerUnlessNarrowed() {
    assertThat(KubeTargetExtension.selected()).containsExactly("mock", "real");
    System.setProperty(KubeTargetExtension.TARGETS_PROPERTY, " real ");
    assertThat(KubeTargetExtension.selected()).containsExactly("real");
  }

  @Test
  void shouldNameThePropertyOfAnUnknownTarget() {
    System.setProperty(KubeTargetExtension.TARGETS_PROPERTY, "mock,kind");
    assertThatThrownBy(KubeTargetExtension::selected)
        .hasMessageContaining("kubecdc.kube.targets")
        .hasMessageContaining("KUBECDC_TEST_KUBE_TARGETS")
        .hasMessageContaining("'kind'");
  }
}
