package io.kubecdc.operator.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.sink.table.ColumnSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDriftTest {
  private static TablePlan plan(ColumnSpec... columns) {
    return new TablePlan("db", "orders", List.of(columns), List.of("id"), null, null);
  }

  @Test
  void shouldAddNewColumnsAndLeaveWideningsToTheWorker() {
    SchemaDrift d =
        SchemaDrift.compare(
            plan(
                new ColumnSpec("id", "Int32"),
                new ColumnSpec("qty", "Int64"),
                new ColumnSpec("note", "Nullable(String)")),
            List.of(
                new ColumnSpec("id", "Int32"),
                new ColumnSpec("qty", "Int32"),
                new ColumnSpec("_version", "UInt64"),
                new ColumnSpec("_deleted", "UInt8")));
    assertThat(d.missing()).containsExactly(new ColumnSpec("note", "Nullable(String)"));
    assertThat(d.pending()).containsExactly("qty: Int32 -> Int64");
    assertThat(d.incompatible()).isEmpty();
  }

  @Test
  void shouldSeeNoDifferenceInAColumnThatAlreadyHoldsTheNewType() {
    SchemaDrift d =
        SchemaDrift.compare(
            plan(new ColumnSpec("id", "Int32"), new ColumnSpec("qty", "Int32")),
            List.of(new ColumnSpec("id", "Int32"), new ColumnSpec("qty", "Nullable(Int64)")));
    assertThat(d.pending()).isEmpty();
    assertThat(d.incompatible()).isEmpty();
  }

  @Test
  void shouldReportRemovedColumnsOtherTypesAndKeyWidenings() {
    SchemaDrift d =
        SchemaDrift.compare(
            plan(new ColumnSpec("id", "Int64"), new ColumnSpec("code", "Nullable(String)")),
            List.of(
                new ColumnSpec("id", "Int32"),
                new ColumnSpec("code", "Nullable(Int32)"),
                new ColumnSpec("note", "Nullable(String)")));
    assertThat(d.pending()).isEmpty();
    assertThat(d.incompatible())
        .containsExactly(
            "id: Int32 -> Int64 (a key column, never altered)",
            "code: Nullable(Int32) -> Nullable(String)",
            "note no longer in the source (dropped or renamed): kept, new rows get NULL or the"
                + " default");
  }
}
