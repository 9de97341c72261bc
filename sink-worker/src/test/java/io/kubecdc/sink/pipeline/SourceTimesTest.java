package io.kubecdc.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceTimesTest {
  @Test
  void shouldKeepRowsOfOneTransactionAsOneRunAndTheNewestTime() {
    SourceTimes times = new SourceTimes();
    for (int i = 0; i < 40; i++) {
      times.add(1_000 + i / 10); // 4 transactions of 10 rows
    }
    times.add(0); // unknown: not counted
    times.add(999); // an older commit after newer ones starts a run of its own

    List<String> runs = new ArrayList<>();
    times.forEach((millis, rows) -> runs.add(millis + "x" + rows));

    assertThat(runs).containsExactly("1000x10", "1001x10", "1002x10", "1003x10", "999x1");
    assertThat(times.max()).isEqualTo(1_003);
  }

  @Test
  void shouldBeEmptyWithoutRows() {
    SourceTimes times = new SourceTimes();
    List<Long> seen = new ArrayList<>();
    times.forEach((millis, rows) -> seen.add(millis));
    assertThat(seen).isEmpty();
    assertThat(times.max()).isZero();
  }
}
