package io.kubecdc.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.kubecdc.operator.status.Health;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SinkStateTest {
  @Test
  void shouldBeReadyWhenEveryAskedReplicaIsUpdatedAndReady() {
    var s = SinkState.of(Optional.of(deployment(2, "h1", 2, 2)), 2, "h1");
    assertThat(s.health()).isEqualTo(Health.READY);
    assertThat(s.message()).isEqualTo("2/2 workers ready");
  }

  @Test
  void shouldWaitForTheRolloutOfANewConfig() {
    assertThat(SinkState.of(Optional.of(deployment(2, "old", 2, 2)), 2, "new").health())
        .isEqualTo(Health.PROGRESSING);
    assertThat(SinkState.of(Optional.of(deployment(2, "h1", 2, 1)), 2, "h1").reason())
        .isEqualTo("WorkersStarting");
  }

  /**
   * Just after the config changed, the status still counts the previous template's pods as ready
   * and updated: only once the controller observed the new generation do those counts mean it.
   */
  @Test
  void shouldWaitUntilTheControllerObservedTheUpdatedDeployment() {
    Deployment d = deployment(1, "h2", 1, 1);
    d.getMetadata().setGeneration(5L);
    d.getStatus().setObservedGeneration(4L);

    var s = SinkState.of(Optional.of(d), 1, "h2");

    assertThat(s.health()).isEqualTo(Health.PROGRESSING);
    assertThat(s.message()).contains("has not observed generation 5");
    d.getStatus().setObservedGeneration(5L);
    assertThat(SinkState.of(Optional.of(d), 1, "h2").health()).isEqualTo(Health.READY);
  }

  @Test
  void shouldBeReadyWithNoWorkerWhilePausedAndProgressingBeforeTheDeploymentExists() {
    assertThat(SinkState.of(Optional.of(deployment(0, "h1", 0, 0)), 0, "h1").reason())
        .isEqualTo("ScaledToZero");
    assertThat(SinkState.of(Optional.empty(), 1, "h1").reason()).isEqualTo("WorkerCreating");
  }

  private static Deployment deployment(int replicas, String hash, int ready, int updated) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewTemplate()
        .withNewMetadata()
        .addToAnnotations(SinkDeploymentDependent.CONFIG_HASH, hash)
        .endMetadata()
        .endTemplate()
        .endSpec()
        .withNewStatus()
        .withReadyReplicas(ready)
        .withUpdatedReplicas(updated)
        .endStatus()
        .build();
  }
}
