package io.kubecdc.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

class TruncateSqlTest {
  @Test
  void shouldInsertDeleteMarkersForLiveRowsOlderThanTheTruncate() {
    TableLayout layout =
        new TableLayout(
            "a",
            "t",
            List.of("tenant", "id"),
            List.of(new ColumnSpec("tenant", "String"), new ColumnSpec("id", "Int64")));
    assertThat(TruncateSql.markAllDeleted(layout, 42))
        .isEqualTo(
            "INSERT INTO `a`.`t` (`tenant`, `id`, `_version`, `_deleted`)"
                + " SELECT `tenant`, `id`, toUInt64(42), 1 FROM `a`.`t` FINAL"
                + " WHERE `_deleted` = 0 AND `_version` < 42");
  }
}
