package io.kubecdc.operator.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.contract.types.PgCatalogReader;
import io.kubecdc.contract.types.SourceCatalogCheck;
import io.kubecdc.operator.status.Health;
import io.kubecdc.operator.status.PartState;
import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tables created from the real PostgreSQL catalog in the real ClickHouse engine. */
@LocalStackTest(services = {"postgres", "clickhouse"})
class TablesPartIT {
  private final StackEndpoints stack;
  private final String id = "tp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  private final String database = "Ziel " + id;
  private final ClientV2Gateway clickhouse;
  private final TablesPart part;

  TablesPartIT(StackEndpoints stack) throws Exception {
    this.stack = stack;
    this.clickhouse =
        io.kubecdc.operator.clickhouse.ClickHouseClients.open(
            stack.clickhouseUrl(), stack.clickhouseUser(), stack.clickhousePassword());
    this.part = new TablesPart(clickhouse);
    pg("CREATE SCHEMA " + id);
    pg(
        "CREATE TABLE "
            + id
            + ".\"Order Items\" (id bigint PRIMARY KEY, amount numeric(12,2) NOT NULL,"
            + " note text, created_at timestamptz NOT NULL, tags text[], \"select\" int)");
  }

  @AfterEach
  void cleanUp() throws Exception {
    clickhouse.execute("DROP DATABASE IF EXISTS `" + database + "`");
    clickhouse.close();
    pg("DROP SCHEMA " + id + " CASCADE");
  }

  private TablePlan plan(String partitionBy, String ttl) throws Exception {
    try (Connection c =
        DriverManager.getConnection(
            stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword())) {
      var report =
          SourceCatalogCheck.check(
              "x",
              PgCatalogReader.columns(c, id, "Order Items"),
              PgCatalogReader.primaryKey(c, id, "Order Items"),
              Map.of());
      List<ColumnSpec> columns = new ArrayList<>();
      report.clickhouseColumns().forEach((n, t) -> columns.add(new ColumnSpec(n, t)));
      return new TablePlan(database, "Order Items", columns, report.keyColumns(), partitionBy, ttl);
    }
  }

  @Test
  void shouldOrderATableWithoutKeyByItsNullableColumnsAndKeepItsRowsApart() throws Exception {
    TablePlan p =
        new TablePlan(
            database,
            "events",
            List.of(new ColumnSpec("kind", "Nullable(String)"), new ColumnSpec("n", "Int32")),
            List.of("kind", "n"),
            null,
            null);

    PartState s = part.ensure(database, null, List.of(p));

    assertThat(s.health()).as(s.message()).isEqualTo(Health.READY);
    String t = "`" + database + "`.events";
    clickhouse.execute(
        "INSERT INTO " + t + " VALUES (NULL, 1, 1, 0), ('a', 1, 1, 0), (NULL, 2, 1, 0)");
    clickhouse.execute("INSERT INTO " + t + " VALUES (NULL, 1, 2, 0)");
    // (NULL, 1) was written twice: one row, its latest version; NULL and 'a' stay apart
    assertThat(clickhouse.select("SELECT kind, n, _version FROM " + t + " FINAL ORDER BY n, kind"))
        .extracting(r -> r.get("kind") + "/" + r.get("n") + "/" + r.get("_version"))
        .containsExactly("a/1/1", "null/1/2", "null/2/1");
  }

  @Test
  void shouldCreateTheTableFromTheSourceCatalogWithTheSpecsClauses() throws Exception {
    TablePlan p = plan("toYYYYMM(created_at)", "toDateTime(created_at) + INTERVAL 365 DAY");

    PartState s = part.ensure(database, null, List.of(p));

    assertThat(s.health()).isEqualTo(Health.READY);
    assertThat(s.message()).contains("created: Order Items");
    List<ColumnSpec> actual = clickhouse.columns(database, "Order Items");
    assertThat(actual)
        .extracting(ColumnSpec::name)
        .containsExactly("id", "amount", "note", "created_at", "tags", "select");
    assertThat(actual)
        .extracting(ColumnSpec::type)
        .containsExactlyElementsOf(p.columns().stream().map(ColumnSpec::type).toList());
    String ddl =
        String.valueOf(
            clickhouse
                .select("SHOW CREATE TABLE `" + database + "`.`Order Items`")
                .get(0)
                .values()
                .iterator()
                .next());
    assertThat(ddl)
        .contains(
            "ReplacingMergeTree(_version, _deleted)",
            "PARTITION BY toYYYYMM(created_at)",
            "ORDER BY (id)",
            "TTL ");

    assertThat(part.ensure(database, null, List.of(p)).message())
        .isEqualTo("1 table(s) in " + database);
  }

  @Test
  void shouldAddColumnsLeaveWideningsToTheWorkerAndReportIncompatibleChanges() throws Exception {
    part.ensure(database, null, List.of(plan(null, null)));
    pg("ALTER TABLE " + id + ".\"Order Items\" ADD COLUMN \"größe\" smallint");

    PartState grown = part.ensure(database, null, List.of(plan(null, null)));
    assertThat(grown.message()).contains("columns added: Order Items (größe)");
    assertThat(clickhouse.columns(database, "Order Items"))
        .extracting(ColumnSpec::name)
        .endsWith("select", "größe");

    // int -> bigint and NOT NULL dropped: widenings, the worker's at the first row of the new type
    pg("ALTER TABLE " + id + ".\"Order Items\" ALTER COLUMN \"select\" TYPE bigint");
    pg("ALTER TABLE " + id + ".\"Order Items\" ALTER COLUMN created_at DROP NOT NULL");
    PartState widening = part.ensure(database, null, List.of(plan(null, null)));
    assertThat(widening.health()).as(widening.message()).isEqualTo(Health.READY);
    assertThat(widening.message())
        .contains(
            "widened by the sink-worker at the first row of the new type:"
                + " Order Items.created_at: DateTime64(6, 'UTC') -> Nullable(DateTime64(6, 'UTC')),"
                + " Order Items.select: Nullable(Int32) -> Nullable(Int64)");
    assertThat(clickhouse.columns(database, "Order Items"))
        .as("the operator never alters a column the worker writes")
        .contains(new ColumnSpec("select", "Nullable(Int32)"));

    // what the worker does at that row; then the table holds both types: no difference
    clickhouse.execute(
        "ALTER TABLE `"
            + database
            + "`.`Order Items` MODIFY COLUMN `select` Nullable(Int64),"
            + " MODIFY COLUMN created_at Nullable(DateTime64(6, 'UTC'))");
    assertThat(part.ensure(database, null, List.of(plan(null, null))).message())
        .isEqualTo("1 table(s) in " + database);

    pg("ALTER TABLE " + id + ".\"Order Items\" ALTER COLUMN note TYPE int USING NULL");
    pg("ALTER TABLE " + id + ".\"Order Items\" RENAME COLUMN tags TO labels");
    PartState changed = part.ensure(database, null, List.of(plan(null, null)));
    assertThat(changed.health()).isEqualTo(Health.DEGRADED);
    assertThat(changed.reason()).isEqualTo("IncompatibleSchemaChange");
    assertThat(changed.message())
        .contains(
            "Order Items.note: Nullable(String) -> Nullable(Int32)",
            "Order Items.tags no longer in the source (dropped or renamed)",
            "raise spec.checkpoint.version");
    assertThat(clickhouse.columns(database, "Order Items"))
        .as("nothing dropped or changed; the renamed column is added")
        .contains(
            new ColumnSpec("note", "Nullable(String)"),
            new ColumnSpec("tags", "Array(Nullable(String))"),
            new ColumnSpec("labels", "Array(Nullable(String))"));
  }

  @Test
  void shouldSayWhichClauseClickHouseRefused() throws Exception {
    PartState s = part.ensure(database, null, List.of(plan("no_such_column", null)));
    assertThat(s.health()).isEqualTo(Health.FAILED);
    assertThat(s.reason()).isEqualTo("TableDefinitionRejected");
    assertThat(s.message()).contains("no_such_column");
  }

  private void pg(String sql) throws Exception {
    try (Connection c =
        DriverManager.getConnection(
            stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword())) {
      c.createStatement().execute(sql);
    }
  }
}
