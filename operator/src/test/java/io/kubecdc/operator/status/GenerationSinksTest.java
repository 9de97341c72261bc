package io.kubecdc.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A bump starts a second worker; what readers get is still the live generation's. */
class GenerationSinksTest {
  private static final PartState READY = PartState.ready(Part.SINK, "WorkersReady", "1/1 ready");
  private static final PartState STARTING =
      PartState.progressing(Part.SINK, "WorkersStarting", "0/1 ready");
  private static final PartState CRASHED =
      PartState.failed(Part.SINK, "WorkerCrashed", "exit 1 (log sink-worker-v2.log)");

  private static PartState combine(PartState live, PartState building) {
    TreeMap<Integer, PartState> m = new TreeMap<>();
    m.put(3, building);
    m.put(2, live);
    return GenerationSinks.combine(m);
  }

  @Test
  void shouldStayReadyWhileTheBuildingGenerationsWorkerStarts() {
    PartState s = combine(READY, STARTING);

    assertThat(s.health()).isEqualTo(Health.READY);
    assertThat(s.reason()).isEqualTo("WorkersReady");
    assertThat(s.message())
        .isEqualTo("generation 2: 1/1 ready; generation 3 (building): 0/1 ready");
  }

  @Test
  void shouldDegradeWithTheBuildsReasonWhenItsWorkerFails() {
    PartState s = combine(READY, CRASHED);

    assertThat(s.health()).isEqualTo(Health.DEGRADED);
    assertThat(s.reason()).isEqualTo("WorkerCrashed");
    assertThat(s.message()).contains("generation 3 (building): exit 1");
  }

  @Test
  void shouldLetTheLiveGenerationsWorkerDecideWhenItIsNotReady() {
    PartState s = combine(STARTING, READY);

    assertThat(s.health()).isEqualTo(Health.PROGRESSING);
    assertThat(s.reason()).isEqualTo("WorkersStarting");
    assertThat(s.message()).startsWith("generation 2: 0/1 ready");
  }

  @Test
  void shouldShowASingleGenerationUnprefixed() {
    TreeMap<Integer, PartState> m = new TreeMap<>();
    m.put(1, STARTING);

    assertThat(GenerationSinks.combine(m)).isEqualTo(STARTING);
  }
}
