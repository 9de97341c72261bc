package io.kubecdc.sink.encode;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.query.GenericRecord;
import com.clickhouse.data.ClickHouseFormat;
import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.decode.Fixtures;
import io.kubecdc.sink.decode.Unavailable;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.Ddl;
import io.kubecdc.sink.table.TableLayout;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Decoded real events, encoded as RowBinary, inserted into and read back from the real engine. */
@LocalStackTest(services = {"clickhouse"})
class ClickHouseRowBinaryIT {
  private final String database = "decode_it_" + UUID.randomUUID().toString().substring(0, 8);
  private final Client client;

  ClickHouseRowBinaryIT(StackEndpoints stack) {
    client =
        new Client.Builder()
            .addEndpoint(stack.clickhouseUrl())
            .setUsername(stack.clickhouseUser())
            .setPassword(stack.clickhousePassword())
            .build();
  }

  @Test
  void shouldReadBackExactlyWhatTheEventsCarried() throws Exception {
    ChangeEvent.Row full = Fixtures.row("snapshot-full.json");
    TableLayout layout = layoutOf(full);
    execute("CREATE DATABASE " + database);
    execute(Ddl.createTable(layout));

    RowBinaryBatch batch = new RowBinaryBatch(layout);
    batch.append(full);
    batch.append(Fixtures.row("snapshot-nulls.json"));
    batch.append(Fixtures.row("insert-special.json"));
    batch.append(resolved(Fixtures.row("update-toast.json"), full));
    batch.append(Fixtures.row("delete-key-only.json"));
    insert(layout, batch);

    List<GenericRecord> rows =
        client.queryAll(
            "SELECT id, toString(small) AS small, toString(big) AS big, toString(amount) AS amount,"
                + " toString(neg) AS neg, anynum, toString(r) AS r, toString(d) AS d,"
                + " toString(flag) AS flag, name, ch, toString(uid) AS uid, toString(day) AS day,"
                + " toString(tod) AS tod, toString(ts) AS ts, toString(ts3) AS ts3,"
                + " toString(tstz) AS tstz, doc, hex(bin) AS bin, toString(tags) AS tags,"
                + " toString(nums) AS nums, toString(prices) AS prices, toString(mood) AS mood,"
                + " dur, big_text, hex(big_bin) AS big_bin, _version"
                + " FROM "
                + layout.qualifiedName()
                + " FINAL ORDER BY id");
    assertThat(rows).extracting(r -> r.getLong("id")).containsExactly(1L, 3L);
    GenericRecord one = rows.get(0);
    assertThat(one.getString("small")).isEqualTo("-32768");
    assertThat(one.getString("big")).isEqualTo("-9223372036854775808");
    assertThat(one.getString("amount")).isEqualTo("1234567890.12");
    assertThat(one.getString("neg")).isEqualTo("-123456789012345.6789");
    assertThat(one.getString("anynum")).isEqualTo("3.14159265358979323846264338327950288");
    assertThat(one.getString("r")).isEqualTo("1.5");
    assertThat(one.getString("d")).isEqualTo("inf");
    assertThat(one.getString("flag")).isEqualTo("true");
    assertThat(one.getString("name")).isEqualTo("renamed");
    assertThat(one.getString("ch")).isEqualTo("ab ");
    assertThat(one.getString("uid")).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    assertThat(one.getString("day")).isEqualTo("2024-02-29");
    assertThat(one.getString("tod")).isEqualTo("23:59:59.999999");
    assertThat(one.getString("ts")).isEqualTo("2024-02-29 12:34:56.789012");
    assertThat(one.getString("ts3")).isEqualTo("1969-12-31 23:59:59.999");
    assertThat(one.getString("tstz")).isEqualTo("2024-02-29 10:34:56.789012");
    assertThat(one.getString("doc")).isEqualTo("{\"a\": [1, 2.5, null]}");
    assertThat(one.getString("bin")).isEqualTo("00FF10");
    assertThat(one.getString("tags")).isEqualTo("['x',NULL,'y z']");
    assertThat(one.getString("nums")).isEqualTo("[1,NULL,-3]");
    assertThat(one.getString("prices")).isEqualTo("[1.1,-2.05]");
    assertThat(one.getString("mood")).isEqualTo("happy");
    assertThat(one.getString("dur")).isEqualTo("P0Y0M1DT2H3M4.5S");
    assertThat(one.getString("big_text")).isEqualTo(fixtureBigText());
    assertThat(one.getString("big_bin")).isEqualToIgnoringCase(fixtureBigText());
    assertThat(one.getLong("_version")).isEqualTo(22214760L * 2 + 1);

    GenericRecord three = rows.get(1);
    assertThat(three.getString("amount")).isEqualTo("-0.01");
    assertThat(three.getString("neg")).isEqualTo("-0.00001");
    assertThat(three.getString("anynum")).isEqualTo("-12345678901234567890.000000000000000000001");
    assertThat(three.getString("r")).isEqualTo("nan");
    assertThat(three.getString("d")).isEqualTo("-inf");
    assertThat(three.getString("tstz")).isEqualTo("1900-01-01 00:00:00.000001");
    assertThat(three.getString("ts")).isEqualTo("1900-01-01 00:00:00.000001");
    assertThat(three.getString("day")).isEqualTo("1900-01-01");
    assertThat(three.getString("tod")).isEqualTo("00:00:00.000000");
    assertThat(three.getString("tags")).isEqualTo("[]");
    assertThat(three.getString("prices")).isEqualTo("[]");
    assertThat(three.getString("small")).isNull();
    assertThat(three.getString("uid")).isNull();
    assertThat(three.getString("bin")).isNull();
  }

  @Test
  void shouldAddColumnsBeforeTheBookkeepingColumnsAndInsertIntoThem() throws Exception {
    ChangeEvent.Row full = Fixtures.row("snapshot-full.json");
    TableLayout narrow =
        new TableLayout(database, "t", List.of("id"), List.of(new ColumnSpec("id", "Int64")));
    execute("CREATE DATABASE " + database);
    execute(Ddl.createTable(narrow));
    RowBinaryBatch probe = new RowBinaryBatch(narrow);
    List<ColumnSpec> missing = probe.missingColumns(full);
    assertThat(missing).hasSize(28);
    execute(Ddl.addColumns(narrow, missing));
    TableLayout wide = narrow.withColumns(missing);

    List<GenericRecord> described = client.queryAll(Ddl.describe(database, "t"));
    assertThat(described)
        .extracting(r -> new ColumnSpec(r.getString("name"), r.getString("type")))
        .containsExactlyElementsOf(withBookkeeping(wide));
    RowBinaryBatch batch = new RowBinaryBatch(wide);
    batch.append(full);
    insert(wide, batch);
    assertThat(
            client
                .queryAll("SELECT toString(amount) AS a FROM " + wide.qualifiedName() + " FINAL")
                .get(0)
                .getString("a"))
        .isEqualTo("1234567890.12");
  }

  private static List<ColumnSpec> withBookkeeping(TableLayout layout) {
    List<ColumnSpec> all = new java.util.ArrayList<>(layout.columns());
    all.add(new ColumnSpec(TableLayout.VERSION, "UInt64"));
    all.add(new ColumnSpec(TableLayout.DELETED, "UInt8"));
    return all;
  }

  private void insert(TableLayout layout, RowBinaryBatch batch) throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    batch.writeTo(body, 0, batch.rowCount());
    try (InsertResponse r =
        client
            .insert(
                layout.qualifiedName(),
                new ByteArrayInputStream(body.toByteArray()),
                ClickHouseFormat.RowBinary)
            .get(1, TimeUnit.MINUTES)) {
      assertThat(r.getWrittenRows()).isEqualTo(batch.rowCount());
    }
  }

  /** What the runtime does with TOAST placeholders: the values of the current row. */
  private static ChangeEvent.Row resolved(ChangeEvent.Row update, ChangeEvent.Row current) {
    Object[] values = update.values().clone();
    for (int i = 0; i < values.length; i++) {
      if (values[i] == Unavailable.VALUE) {
        values[i] =
            current.values()[current.schema().indexOf(update.schema().fields().get(i).name())];
      }
    }
    return new ChangeEvent.Row(
        update.op(), update.version(), update.sourceTsMillis(), update.schema(), values);
  }

  private TableLayout layoutOf(ChangeEvent.Row row) {
    return new TableLayout(
        database,
        "types",
        List.of("id"),
        row.schema().fields().stream()
            .map(f -> new ColumnSpec(f.name(), f.clickhouseType()))
            .toList());
  }

  private static String fixtureBigText() {
    return (String) Fixtures.value(Fixtures.row("snapshot-full.json"), "big_text");
  }

  private void execute(String sql) throws Exception {
    client.execute(sql).get(1, TimeUnit.MINUTES).close();
  }

  @AfterEach
  void dropDatabase() throws Exception {
    execute("DROP DATABASE IF EXISTS " + database);
    client.close();
  }
}
