package io.kubecdc.sink.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DdlTest {
  private final TableLayout orders =
      new TableLayout(
          "shop",
          "orders",
          List.of("tenant", "id"),
          List.of(
              new ColumnSpec("tenant", "Int32"),
              new ColumnSpec("id", "Int64"),
              new ColumnSpec("total", "Nullable(Decimal(12, 2))")));

  @Test
  void shouldCreateAReplacingMergeTreeOrderedByTheKey() {
    assertThat(Ddl.createTable(orders))
        .isEqualTo(
            "CREATE TABLE IF NOT EXISTS `shop`.`orders` (`tenant` Int32, `id` Int64,"
                + " `total` Nullable(Decimal(12, 2)), `_version` UInt64, `_deleted` UInt8)"
                + " ENGINE = ReplacingMergeTree(`_version`, `_deleted`) ORDER BY (`tenant`, `id`)");
  }

  @Test
  void shouldAddColumnsInOrderBeforeTheBookkeepingColumns() {
    List<ColumnSpec> added =
        List.of(new ColumnSpec("note", "Nullable(String)"), new ColumnSpec("n", "Int32"));
    String expected =
        "ALTER TABLE `shop`.`orders` ADD COLUMN IF NOT EXISTS `note` Nullable(String) AFTER"
            + " `total`, ADD COLUMN IF NOT EXISTS `n` Int32 AFTER `note`";
    assertThat(Ddl.addColumns(orders, added)).isEqualTo(expected);
    assertThat(Ddl.addColumns(orders.withColumns(added), added)).isEqualTo(expected);
  }

  @Test
  void shouldRefuseATableWithoutKey() {
    TableLayout keyless = new TableLayout("d", "t", List.of(), orders.columns());
    assertThatThrownBy(() -> Ddl.createTable(keyless)).hasMessageContaining("primary key");
  }

  @Test
  void shouldReadALayoutFromDescribeWithoutBookkeepingColumns() {
    TableLayout layout =
        Ddl.layoutOf(
            "shop",
            "orders",
            List.of("id"),
            List.of(
                new ColumnSpec("id", "Int64"),
                new ColumnSpec("_version", "UInt64"),
                new ColumnSpec("_deleted", "UInt8")));
    assertThat(layout.columns()).containsExactly(new ColumnSpec("id", "Int64"));
  }
}
