package io.kubecdc.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.sink.decode.ChangeEvent.Op;
import io.kubecdc.sink.decode.ChangeEvent.Row;
import io.kubecdc.sink.decode.EventSchema;
import io.kubecdc.sink.decode.Unavailable;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyChangeTest {
  private static final TableLayout VISITS =
      new TableLayout(
          "db",
          "visits",
          List.of("site", "day"),
          List.of(
              new ColumnSpec("site", "String"),
              new ColumnSpec("day", "Int32"),
              new ColumnSpec("body", "Nullable(String)")));
  private static final EventSchema SCHEMA =
      new EventSchema(
          List.of(
              new EventSchema.Field("site", "String", false),
              new EventSchema.Field("day", "Int32", false),
              new EventSchema.Field("body", "Nullable(String)", true)));

  @Test
  void shouldDeleteTheOldKeyAndWriteTheNewOneAtTheUpdatesVersion() {
    Row update =
        new Row(
            Op.UPDATE,
            11,
            5,
            SCHEMA,
            new Object[] {"a", 2, Unavailable.VALUE},
            new Object[] {"a", 1, "large"});
    List<Row> rows = KeyChange.split(VISITS, update);
    assertThat(rows).extracting(Row::op).containsExactly(Op.DELETE, Op.UPDATE);
    assertThat(rows).extracting(Row::version).containsExactly(11L, 11L);
    assertThat(rows.get(0).values()).containsExactly("a", 1, "large");
    assertThat(rows.get(1).values())
        .as("the unchanged TOASTed value comes from the before image")
        .containsExactly("a", 2, "large");
  }

  @Test
  void shouldKeepAnUpdateThatLeavesTheKeyAlone() {
    Row update =
        new Row(
            Op.UPDATE, 11, 5, SCHEMA, new Object[] {"a", 1, "new"}, new Object[] {"a", 1, "old"});
    assertThat(KeyChange.split(VISITS, update)).containsExactly(update);
  }

  @Test
  void shouldKeepAnUpdateWithoutABeforeImage() {
    Row update = new Row(Op.UPDATE, 11, 5, SCHEMA, new Object[] {"a", 2, "new"});
    assertThat(KeyChange.split(VISITS, update)).containsExactly(update);
  }
}
