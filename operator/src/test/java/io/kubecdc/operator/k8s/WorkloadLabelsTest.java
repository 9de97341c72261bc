package io.kubecdc.operator.k8s;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkloadLabelsTest {
  @Test
  void shouldGiveEveryRecommendedLabelWithTheImageTagAsVersion() {
    assertThat(WorkloadLabels.sink("orders", "registry:5000/kubecdc/sink-worker:1.2.3"))
        .containsExactly(
            entry("app.kubernetes.io/name", "kubecdc-sink-worker"),
            entry("app.kubernetes.io/instance", "orders"),
            entry("app.kubernetes.io/component", "sink-worker"),
            entry("app.kubernetes.io/part-of", "kubecdc"),
            entry("app.kubernetes.io/managed-by", "kubecdc-operator"),
            entry("app.kubernetes.io/version", "1.2.3"));
  }

  @Test
  void shouldKeepTheSelectorFreeOfTheVersionSoThatAnUpgradeCanChangeIt() {
    assertThat(WorkloadLabels.selector("orders"))
        .containsOnlyKeys("app.kubernetes.io/name", "app.kubernetes.io/instance");
  }

  @Test
  void shouldTakeLatestForAnImageWithoutTagAndIgnoreARegistryPortOrDigest() {
    assertThat(WorkloadLabels.imageTag("registry:5000/kubecdc/sink-worker")).isEqualTo("latest");
    assertThat(WorkloadLabels.imageTag("sink-worker:2.0@sha256:abc")).isEqualTo("2.0");
  }

  @Test
  void shouldMakeAValidLabelValueFromAnything() {
    String v = WorkloadLabels.labelValue("-" + "x".repeat(70) + "+");
    assertThat(v).hasSize(63).matches("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    assertThat(WorkloadLabels.labelValue("1.2.3+build")).isEqualTo("1.2.3_build");
  }
}
