package io.kubecdc.operator.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.sink.clickhouse.ClickHouseGateway;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The statements of the generations' tables and views, and how the live one is read back. */
class GenerationTablesTest {
  private final List<String> executed = new ArrayList<>();
  private Function<String, List<Map<String, Object>>> answer = sql -> List.of();
  private final TablePlan plan =
      new TablePlan(
          "db",
          "t",
          List.of(new ColumnSpec("id", "Int64"), new ColumnSpec("name", "Nullable(String)")),
          List.of("id"),
          null,
          null);

  private final ClickHouseGateway gateway =
      new ClickHouseGateway() {
        @Override
        public void execute(String sql) {
          executed.add(sql);
        }

        @Override
        public List<ColumnSpec> columns(String database, String table) {
          return List.of();
        }

        @Override
        public long insert(TableLayout layout, Body body) {
          throw new UnsupportedOperationException();
        }

        @Override
        public List<Map<String, Object>> select(String sql) {
          return answer.apply(sql);
        }

        @Override
        public boolean ping() {
          return true;
        }

        @Override
        public void close() {}
      };

  private static Map<String, Object> table(String engine, String query) {
    return Map.of("engine", engine, "create_table_query", query);
  }

  @Test
  void shouldNameGenerationOneAsBeforeAndLaterOnesWithTheirVersion() {
    assertThat(GenerationTables.physical("orders", 1)).isEqualTo("orders");
    assertThat(GenerationTables.physical("orders", 2)).isEqualTo("orders_v2");
    assertThat(GenerationTables.forVersion(plan, 3).table()).isEqualTo("t_v3");
  }

  @Test
  void shouldReadTheLiveGenerationFromWhatTheStableNameIs() {
    GenerationTables tables = new GenerationTables(gateway, null);
    assertThat(tables.live("db", "t")).isEmpty();
    answer = sql -> List.of(table("ReplacingMergeTree", "CREATE TABLE db.t (...)"));
    assertThat(tables.live("db", "t")).hasValue(1);
    answer =
        sql ->
            List.of(
                table(
                    "View",
                    "CREATE VIEW db.t (`id` Int64) AS SELECT id FROM db.t_v12 FINAL WHERE _deleted = 0"));
    assertThat(tables.live("db", "t")).hasValue(12);
  }

  @Test
  void shouldExchangeGenerationOnesTableWithTheViewAtTheFirstSwitchOnTheCluster() {
    answer = sql -> List.of(table("ReplacingMergeTree", "CREATE TABLE db.t (...)"));
    new GenerationTables(gateway, "prod").pointView(plan, 2);

    String select =
        " AS SELECT `id`, `name`, `_version`, `_deleted` FROM `db`.`t_v2` FINAL WHERE `_deleted` = 0";
    assertThat(executed)
        .containsExactly(
            "CREATE OR REPLACE VIEW `db`.`t__kubecdc_next` ON CLUSTER `prod`" + select,
            "EXCHANGE TABLES `db`.`t` AND `db`.`t__kubecdc_next` ON CLUSTER `prod`",
            "RENAME TABLE `db`.`t__kubecdc_next` TO `db`.`t_v1` ON CLUSTER `prod`");
  }

  @Test
  void shouldReplaceTheViewWhenItAlreadyIsOne() {
    answer = sql -> List.of(table("View", "CREATE VIEW db.t AS SELECT id FROM db.t_v2 FINAL"));
    new GenerationTables(gateway, null).pointView(plan, 3);

    assertThat(executed)
        .containsExactly(
            "CREATE OR REPLACE VIEW `db`.`t` AS SELECT `id`, `name`, `_version`, `_deleted` FROM"
                + " `db`.`t_v3` FINAL WHERE `_deleted` = 0");
  }
}
