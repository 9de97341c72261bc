package io.kubecdc.operator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.operator.core.WorkerConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local worker per checkpoint generation, as the Kubernetes driver keeps a Deployment each. */
class GenerationWorkersTest {
  @TempDir Path dir;
  private final FakeWorkers workers = new FakeWorkers();
  private final GenerationWorkers generations =
      new GenerationWorkers(
          v ->
              new WorkerSupervisor(
                  workers,
                  workers,
                  dir.resolve("sink-v" + v + ".yaml"),
                  dir.resolve("sink-worker-v" + v + ".log"),
                  18080 + v),
          18081);

  private static WorkerConfig config(int version) {
    return new WorkerConfig(version, "kafka:\n  groupId: kubecdc.dev.shop.v" + version + "\n");
  }

  @Test
  void shouldRunTheLiveAndTheBuildingGenerationSideBySideAndStopTheReplacedOne() {
    generations.apply(List.of(config(1)), false);
    generations.apply(List.of(config(1), config(2)), false);

    assertThat(workers.started).hasSize(2);
    assertThat(workers.started.get(0).config).contains("kubecdc.dev.shop.v1").contains("18081");
    assertThat(workers.started.get(1).config).contains("kubecdc.dev.shop.v2").contains("18082");
    assertThat(workers.started).allMatch(w -> w.alive);
    assertThat(generations.state(false).message())
        .isEqualTo(
            "generation 1: worker ready on port 18081; generation 2 (building): worker ready on port 18082");

    generations.apply(List.of(config(2)), false);

    assertThat(workers.started.get(0).alive).as("generation 1's worker stopped").isFalse();
    assertThat(workers.started.get(1).alive).isTrue();
    assertThat(workers.started).hasSize(2);
    assertThat(generations.port()).isEqualTo(18082);
  }

  @Test
  void shouldLeaveTheWorkersAsTheyAreWhenTheCoreRenderedNone() {
    generations.apply(List.of(config(1), config(2)), false);
    generations.apply(List.of(), false);

    assertThat(workers.started).hasSize(2).allMatch(w -> w.alive);
  }

  @Test
  void shouldNameTheGenerationThatIsNotReady() {
    generations.apply(List.of(config(1), config(2)), false);
    workers.readyStatus = 503;
    workers.readyBody = "clickhouse unreachable";

    assertThat(generations.state(false).message()).startsWith("generation 1: /readyz 503");
  }

  @Test
  void shouldStopEveryWorkerWhilePaused() {
    generations.apply(List.of(config(1), config(2)), false);
    generations.apply(List.of(config(1), config(2)), true);

    assertThat(workers.started).noneMatch(w -> w.alive);
    assertThat(generations.state(true).reason()).isEqualTo("ScaledToZero");
  }
}
