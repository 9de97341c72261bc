package io.kubecdc.operator.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubecdc.sink.table.ColumnSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The statements of a dashboard table and its refresh view, as ClickHouse receives them. */
class DashboardDdlTest {
  private static final List<ColumnSpec> COLUMNS =
      List.of(new ColumnSpec("id", "Int64"), new ColumnSpec("status", "Nullable(String)"));
  private final TablePlan plan =
      new TablePlan("shop", "orders", COLUMNS, List.of("id"), "toYYYYMM(created)", null);

  @Test
  void shouldCreateAPlainMergeTreeWithTheTablesOrderAndPartitionAndTheMarker() {
    assertThat(DashboardDdl.createTarget(plan, COLUMNS, "mark", null))
        .isEqualTo(
            "CREATE TABLE IF NOT EXISTS `shop`.`orders_current` (`id` Int64, `status`"
                + " Nullable(String), `_version` UInt64, `_deleted` UInt8) ENGINE = MergeTree"
                + " PARTITION BY toYYYYMM(created) ORDER BY (`id`) COMMENT 'mark'");
  }

  @Test
  void shouldRefreshFromTheStableNameWithListedColumnsAndWithoutAppend() {
    assertThat(DashboardDdl.createRefresh(plan, COLUMNS, "90s", "mark", null))
        .isEqualTo(
            "CREATE MATERIALIZED VIEW IF NOT EXISTS `shop`.`orders__kubecdc_refresh` REFRESH EVERY"
                + " 90 SECOND TO `shop`.`orders_current` AS SELECT `id`, `status`, `_version`,"
                + " `_deleted` FROM `shop`.`orders` FINAL WHERE `_deleted` = 0 COMMENT 'mark'");
  }

  @Test
  void shouldRunEveryStatementOnTheClusterWhenOneIsNamed() {
    assertThat(DashboardDdl.createTarget(plan, COLUMNS, "m", "prod"))
        .startsWith("CREATE TABLE IF NOT EXISTS `shop`.`orders_current` ON CLUSTER `prod` (");
    assertThat(DashboardDdl.createRefresh(plan, COLUMNS, "1m", "m", "prod"))
        .startsWith(
            "CREATE MATERIALIZED VIEW IF NOT EXISTS `shop`.`orders__kubecdc_refresh` ON CLUSTER"
                + " `prod` REFRESH EVERY 1 MINUTE TO");
    assertThat(DashboardDdl.modifyRefresh(plan, "2h", "prod"))
        .isEqualTo(
            "ALTER TABLE `shop`.`orders__kubecdc_refresh` ON CLUSTER `prod` MODIFY REFRESH EVERY 2"
                + " HOUR");
    assertThat(DashboardDdl.alignColumns(plan, COLUMNS.subList(0, 1), COLUMNS, "prod"))
        .containsExactly(
            "ALTER TABLE `shop`.`orders_current` ON CLUSTER `prod` ADD COLUMN `status`"
                + " Nullable(String) AFTER `id`");
  }

  @Test
  void shouldAlignTheCopysColumnsWithTheStableNamesAddingRetypingAndDropping() {
    List<ColumnSpec> existing =
        List.of(new ColumnSpec("id", "Int32"), new ColumnSpec("note", "String"));
    List<ColumnSpec> wanted =
        List.of(
            new ColumnSpec("created", "DateTime64(6)"),
            new ColumnSpec("id", "Int64"),
            new ColumnSpec("status", "Nullable(String)"));
    assertThat(DashboardDdl.alignColumns(plan, existing, wanted, null))
        .containsExactly(
            "ALTER TABLE `shop`.`orders_current` ADD COLUMN `created` DateTime64(6) FIRST, MODIFY"
                + " COLUMN `id` Int64, ADD COLUMN `status` Nullable(String) AFTER `id`, DROP COLUMN"
                + " `note`");
    assertThat(DashboardDdl.alignColumns(plan, COLUMNS, COLUMNS, null)).isEmpty();
  }

  @Test
  void shouldFollowTheStableNamesColumnsInTheRefreshQuery() {
    assertThat(DashboardDdl.modifyQuery(plan, COLUMNS.subList(0, 1), null))
        .isEqualTo(
            "ALTER TABLE `shop`.`orders__kubecdc_refresh` MODIFY QUERY SELECT `id`, `_version`,"
                + " `_deleted` FROM `shop`.`orders` FINAL WHERE `_deleted` = 0");
  }

  @Test
  void shouldRefuseAnIntervalClickHouseCannotTakeNamingTheField() {
    assertThat(DashboardDdl.interval("15m")).isEqualTo("15 MINUTE");
    assertThatThrownBy(() -> DashboardDdl.interval("500ms"))
        .hasMessageContaining("dashboardTable.refreshEvery");
    assertThatThrownBy(() -> DashboardDdl.interval("0s"))
        .hasMessageContaining("dashboardTable.refreshEvery");
  }

  @Test
  void shouldKeepClickHousesMessageWithoutItsStackTrace() {
    assertThat(
            DashboardRefreshes.firstLine(
                "Code: 60. DB::Exception: Unknown table 'shop.orders'. (UNKNOWN_TABLE), Stack"
                    + " trace (when copying this message...):\n\n0. ? @ 0x1"))
        .isEqualTo("Code: 60. DB::Exception: Unknown table 'shop.orders'. (UNKNOWN_TABLE)");
  }

  @Test
  void shouldReportAFailedRefreshWithItsMessageAndTheLastSuccess() {
    var failed =
        DashboardRefreshes.refresh(
            "shop.orders_current",
            Map.of(
                "status", "Scheduled",
                "success", "1796140000",
                "exception",
                    "Code: 60. DB::Exception: Unknown table. (UNKNOWN_TABLE), Stack trace"));
    assertThat(failed.failed()).isTrue();
    assertThat(failed.status()).isEqualTo("Failed");
    assertThat(failed.error()).isEqualTo("Code: 60. DB::Exception: Unknown table. (UNKNOWN_TABLE)");
    assertThat(failed.lastSuccess()).isEqualTo(Instant.ofEpochSecond(1796140000));

    var fine =
        DashboardRefreshes.refresh(
            "shop.orders_current", Map.of("status", "Running", "success", "0", "exception", ""));
    assertThat(fine.failed()).isFalse();
    assertThat(fine.status()).isEqualTo("Running");
    assertThat(fine.lastSuccess()).as("never succeeded yet").isNull();
    assertThat(DashboardRefreshes.refresh("shop.orders_current", null).status())
        .isEqualTo("Unknown");
  }
}
