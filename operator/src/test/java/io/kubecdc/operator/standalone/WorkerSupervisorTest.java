package io.kubecdc.operator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.operator.status.Health;
import io.kubecdc.operator.status.PartState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local worker follows the rendered config as the Deployment does: restarts only on change. */
class WorkerSupervisorTest {
  private static final String CONFIG = "kafka:\n  groupId: kubecdc.dev.shop.v1\ntables: []\n";

  @TempDir Path dir;
  private final FakeWorkers workers = new FakeWorkers();
  private final List<FakeWorkers.Worker> started = workers.started;

  private WorkerSupervisor supervisor() {
    return workers.supervisor(dir);
  }

  @Test
  void shouldStartOnceAndKeepTheWorkerWhileTheConfigHolds() {
    WorkerSupervisor s = supervisor();
    s.apply(Optional.of(CONFIG), false);
    s.apply(Optional.of(CONFIG), false);
    s.apply(Optional.empty(), false);

    assertThat(started).hasSize(1);
    assertThat(started.get(0).alive).isTrue();
    assertThat(started.get(0).config)
        .contains("groupId: \"kubecdc.dev.shop.v1\"")
        .contains("port: 18080");
    assertThat(s.state(false).reason()).isEqualTo("WorkerReady");
  }

  @Test
  void shouldRestartTheWorkerWhenTheRenderedConfigChanges() {
    WorkerSupervisor s = supervisor();
    s.apply(Optional.of(CONFIG), false);
    s.apply(Optional.of(CONFIG.replace("v1", "v2")), false);

    assertThat(started).hasSize(2);
    assertThat(started.get(0).alive).as("the old worker is stopped").isFalse();
    assertThat(started.get(1).config).contains("kubecdc.dev.shop.v2");
    assertThat(s.starts()).isEqualTo(2);
  }

  @Test
  void shouldReportACrashWithTheLogTailOnceAndThenStartAgain() throws IOException {
    WorkerSupervisor s = supervisor();
    s.apply(Optional.of(CONFIG), false);
    Files.writeString(
        dir.resolve("sink-worker.log"), "starting\ntables[0].keyColumns: must not be empty\n");
    started.get(0).alive = false;
    started.get(0).exit = 2;

    s.apply(Optional.of(CONFIG), false);
    PartState crashed = s.state(false);
    assertThat(crashed.health()).isEqualTo(Health.FAILED);
    assertThat(crashed.reason()).isEqualTo("WorkerCrashed");
    assertThat(crashed.message())
        .contains("exited with code 2")
        .contains("tables[0].keyColumns: must not be empty");
    assertThat(started).hasSize(1);

    s.apply(Optional.of(CONFIG), false);
    assertThat(started).hasSize(2);
    assertThat(s.state(false).reason()).isEqualTo("WorkerReady");
  }

  @Test
  void shouldStopTheWorkerWhilePausedAndOnClose() {
    WorkerSupervisor s = supervisor();
    s.apply(Optional.of(CONFIG), false);
    s.apply(Optional.of(CONFIG), true);
    assertThat(started.get(0).alive).isFalse();
    assertThat(s.state(true).reason()).isEqualTo("ScaledToZero");

    s.apply(Optional.of(CONFIG), false);
    s.close();
    assertThat(started).hasSize(2);
    assertThat(started.get(1).alive).isFalse();
  }

  @Test
  void shouldShowTheWorkersOwnReasonsWhileNotReady() {
    workers.readyStatus = 503;
    workers.readyBody = "starting\nkafka down\n";
    WorkerSupervisor s = supervisor();
    s.apply(Optional.of(CONFIG), false);
    PartState state = s.state(false);
    assertThat(state.health()).isEqualTo(Health.PROGRESSING);
    assertThat(state.message()).isEqualTo("/readyz 503: starting; kafka down");
  }
}
