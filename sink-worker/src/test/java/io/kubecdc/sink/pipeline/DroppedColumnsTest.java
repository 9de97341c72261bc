package io.kubecdc.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.decode.EventSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class DroppedColumnsTest {
  private final EventSchema old =
      new EventSchema(
          List.of(
              new EventSchema.Field("id", "Int32", false),
              new EventSchema.Field("note", "Nullable(String)", true),
              new EventSchema.Field("code", "Nullable(Int32)", true)));

  @Test
  void shouldLeaveTheDroppedColumnsOutOfOlderEventsWithOneSchemaPerEventSchema() {
    DroppedColumns dropped = new DroppedColumns(List.of("note"));
    ChangeEvent.Row a =
        dropped.leftOut(
            new ChangeEvent.Row(
                ChangeEvent.Op.UPDATE,
                3,
                0,
                old,
                new Object[] {1, "first", 7},
                new Object[] {1, "zero", 6}));
    ChangeEvent.Row b =
        dropped.leftOut(
            new ChangeEvent.Row(ChangeEvent.Op.CREATE, 5, 0, old, new Object[] {2, "x", 8}));
    assertThat(a.schema().fields())
        .extracting(EventSchema.Field::name)
        .containsExactly("id", "code");
    assertThat(a.values()).containsExactly(1, 7);
    assertThat(a.before()).containsExactly(1, 6);
    assertThat(b.schema()).isSameAs(a.schema());
    assertThat(b.values()).containsExactly(2, 8);
    assertThat(b.before()).isNull();
  }

  @Test
  void shouldPassEventsWithoutThemUnchanged() {
    ChangeEvent.Row row =
        new ChangeEvent.Row(ChangeEvent.Op.CREATE, 1, 0, old, new Object[] {1, "n", 7});
    assertThat(new DroppedColumns(List.of()).leftOut(row)).isSameAs(row);
    assertThat(new DroppedColumns(List.of("remark")).leftOut(row)).isSameAs(row);
  }
}
