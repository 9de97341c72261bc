package io.kubecdc.operator.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import java.util.List;

/**
 * The source side of the schema rebuild tests, shared by the core's {@link SchemaRebuildIT} and the
 * standalone driver's: table {@code <id>.orders} with two rows, then a rename ({@code note} to
 * {@code remark}) and an int-to-text change of {@code code} that ClickHouse cannot follow in place,
 * with an update of row 1 and two inserts, one of which (a text code) generation 1 can only
 * dead-letter; row 2 is left alone, so its last event in the topic predates the rename and only a
 * snapshot brings its renamed value; and what ClickHouse must hold before and after the rebuild.
 */
public final class SchemaRebuildSource {
  /** The rows of generation 1 before the change, as {@code id, qty, note, code}. */
  public static final List<String> BEFORE = List.of("1|10|first|7", "2|20|second|8");

  /**
   * Generation 1 after the change, as {@code id, qty, remark}: the text codes of the update of row
   * 1 and of row 3 are dead letters there, so rows 1 and 2 keep their old state and lack the
   * renamed column's value.
   */
  public static final List<String> AFTER_IN_GENERATION_1 =
      List.of("1|10|null", "2|20|null", "4|40|fourth");

  /** The dead letters of generation 1: the update of row 1 and row 3. */
  public static final long DEAD_LETTERS = 2;

  /** What the condition says about the change. */
  public static final List<String> REPORTED =
      List.of(
          "orders.code: Nullable(Int32) -> Nullable(String)",
          "orders.note no longer in the source (dropped or renamed)",
          "raise spec.checkpoint.version");

  /** The rebuilt table's columns (and the stable view's), as {@code <name> <type>}. */
  public static final List<String> REBUILT_COLUMNS =
      List.of(
          "id Int32",
          "qty Int32",
          "remark Nullable(String)",
          "code Nullable(String)",
          "_version UInt64",
          "_deleted UInt8");

  /** The source's columns after the change. */
  public static final String COLUMNS = "id, qty, remark, code";

  /** The rebuilt rows, as {@link #COLUMNS}: PostgreSQL's. */
  public static final List<String> REBUILT =
      List.of("1|11|first|7", "2|20|second|8", "3|30|third|A-7", "4|40|fourth|null");

  private SchemaRebuildSource() {}

  /** Creates schema and table {@code <id>.orders} with the rows of {@link #BEFORE}. */
  public static void create(StackPipeline source) throws Exception {
    String id = source.id;
    source.pg("CREATE SCHEMA " + id);
    source.pg(
        "CREATE TABLE "
            + id
            + ".orders (id int PRIMARY KEY, qty int NOT NULL, note text, code int)");
    source.pg("INSERT INTO " + id + ".orders VALUES (1, 10, 'first', 7), (2, 20, 'second', 8)");
  }

  /** Waits until generation 1 holds the rows of {@link #BEFORE}. */
  public static void awaitBefore(StackPipeline source, ClientV2Gateway ch) {
    source.awaitLiveRows(ch, "orders", "id, qty, note, code", BEFORE.toArray(String[]::new));
  }

  /**
   * The rename and the type change, then an event of the new shape for row 1 only; waits until
   * generation 1 shows {@link #AFTER_IN_GENERATION_1}.
   */
  public static void change(StackPipeline source, ClientV2Gateway ch) throws Exception {
    String id = source.id;
    source.pg("ALTER TABLE " + id + ".orders RENAME COLUMN note TO remark");
    source.pg("ALTER TABLE " + id + ".orders ALTER COLUMN code TYPE text");
    // row 2 keeps its last event from before the rename: a rebuild from the topic alone would
    // leave its remark NULL
    source.pg("UPDATE " + id + ".orders SET qty = qty + 1 WHERE id = 1");
    source.pg("INSERT INTO " + id + ".orders VALUES (3, 30, 'third', 'A-7')"); // no Int32
    source.pg("INSERT INTO " + id + ".orders VALUES (4, 40, 'fourth', NULL)");
    source.awaitLiveRows(
        ch, "orders", "id, qty, remark", AFTER_IN_GENERATION_1.toArray(String[]::new));
  }

  /** The stable view reads {@code orders_v2}, and both have exactly the source's columns. */
  public static void assertRebuiltColumns(StackPipeline source, ClientV2Gateway ch) {
    assertThat(source.viewQuery(ch, "orders"))
        .as("the stable view reads generation 2")
        .contains("orders_v2");
    assertThat(StackPipeline.columns(ch, source.id, "orders_v2"))
        .as("generation 2 has the source's columns")
        .isEqualTo(REBUILT_COLUMNS);
    assertThat(StackPipeline.columns(ch, source.id, "orders"))
        .as("the stable view has them too")
        .isEqualTo(REBUILT_COLUMNS);
  }

  /** The rows of the stable view as {@link #COLUMNS}. */
  public static List<String> view(StackPipeline source, ClientV2Gateway ch) {
    return StackPipeline.rows(
        ch, "SELECT " + COLUMNS + " FROM `" + source.id + "`.orders ORDER BY id");
  }

  /** The source's rows as {@link #COLUMNS}. */
  public static List<String> postgres(StackPipeline source) throws Exception {
    return source.pgRows("SELECT " + COLUMNS + " FROM " + source.id + ".orders ORDER BY id");
  }
}
