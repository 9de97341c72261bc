package io.kubecdc.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.api.crd.v1alpha1.Phase;
import io.kubecdc.api.crd.v1alpha1.TableStatus;
import io.kubecdc.operator.core.CoreResult;
import io.kubecdc.operator.status.Observation;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import io.kubecdc.operator.status.StatusAggregator;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusMapperTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123Z");

  @Test
  void shouldCountTablesSumLagAndCarryTheGeneration() {
    var summary = StatusAggregator.aggregate(allReady(), List.of(), 4, T0);
    var core =
        new CoreResult(
            allReady(),
            List.of(table(5L), table(null), table(7L)),
            Optional.empty(),
            Optional.empty(),
            Optional.of("x"));

    var status = StatusMapper.toStatus(summary, Optional.of(core), 3, 4);

    assertThat(status.getPhase()).isEqualTo(Phase.Streaming);
    assertThat(status.getTablesReady()).isEqualTo("3/3");
    assertThat(status.getLag()).isEqualTo(12L);
    assertThat(status.getObservedGeneration()).isEqualTo(4L);
    assertThat(status.getConditions()).extracting(c -> c.getType()).endsWith("Ready");
    assertThat(status.getConditions().get(0).getLastTransitionTime())
        .isEqualTo("2026-01-01T10:00:00Z");
  }

  @Test
  void shouldNotCountATableDroppedAtTheSourceAsReadyAndCarryItsDeadLetters() {
    var summary = StatusAggregator.aggregate(allReady(), List.of(), 1, T0);
    TableStatus dropped = table(0L);
    dropped.setPhase(io.kubecdc.api.crd.v1alpha1.TablePhase.SourceTableMissing);
    TableStatus streaming = table(0L);
    streaming.setPhase(io.kubecdc.api.crd.v1alpha1.TablePhase.Streaming);
    streaming.setDeadLetters(3L);
    var core =
        new CoreResult(
            allReady(),
            List.of(streaming, dropped),
            Optional.empty(),
            Optional.empty(),
            Optional.of("x"));

    var status = StatusMapper.toStatus(summary, Optional.of(core), 2, 1);

    assertThat(status.getTablesReady()).isEqualTo("1/2");
    assertThat(status.getTables())
        .extracting(TableStatus::getDeadLetters)
        .containsExactly(3L, null);
  }

  @Test
  void shouldGiveThePipelineTheStalestTablesFreshnessAndNoneWhenATableIsUnknown() {
    var summary = StatusAggregator.aggregate(allReady(), List.of(), 1, T0);
    List<TableStatus> tables = List.of(table(0L), table(4L), table(9L));
    tables.get(0).setFreshnessSeconds(0L);
    tables.get(1).setFreshnessSeconds(31L);
    tables.get(2).setFreshnessSeconds(12L);
    var core =
        new CoreResult(allReady(), tables, Optional.empty(), Optional.empty(), Optional.of("x"));

    assertThat(StatusMapper.toStatus(summary, Optional.of(core), 3, 1).getFreshnessSeconds())
        .isEqualTo(31L);
    tables.get(2).setFreshnessSeconds(null);
    assertThat(StatusMapper.toStatus(summary, Optional.of(core), 3, 1).getFreshnessSeconds())
        .as("one table unknown: the stalest is unknown, not the others' maximum")
        .isNull();
  }

  @Test
  void shouldShowNoTablesReadyAndNoLagWithoutTheCore() {
    var failed =
        Observation.of(List.of(PartState.failed(Part.SOURCE, "EnvironmentNotFound", "no env")));
    var status =
        StatusMapper.toStatus(
            StatusAggregator.aggregate(failed, List.of(), 1, T0), Optional.empty(), 2, 1);
    assertThat(status.getTablesReady()).isEqualTo("0/2");
    assertThat(status.getLag()).isNull();
    assertThat(status.getFreshnessSeconds()).isNull();
    assertThat(status.getPhase()).isEqualTo(Phase.Failed);
  }

  @Test
  void shouldMapAnUnchangedPipelineToAnEqualStatusSoThatItIsNotPatched() {
    var first =
        StatusMapper.toStatus(
            StatusAggregator.aggregate(allReady(), List.of(), 1, T0), Optional.empty(), 1, 1);
    var again =
        StatusMapper.toStatus(
            StatusAggregator.aggregate(
                allReady(), StatusMapper.records(first), 1, T0.plusSeconds(60)),
            Optional.empty(),
            1,
            1);
    assertThat(StatusMapper.same(first, again)).isTrue();
    var changed =
        StatusMapper.toStatus(
            StatusAggregator.aggregate(allReady(), List.of(), 2, T0), Optional.empty(), 1, 2);
    assertThat(StatusMapper.same(first, changed)).isFalse();
  }

  private static Observation allReady() {
    return Observation.of(
        Arrays.stream(Part.values()).map(p -> PartState.ready(p, "Ok", "ok")).toList());
  }

  private static TableStatus table(Long lag) {
    TableStatus t = new TableStatus();
    t.setName("public.t");
    t.setTopic("topic");
    t.setClickhouseTable("db.t");
    t.setLag(lag);
    return t;
  }
}
