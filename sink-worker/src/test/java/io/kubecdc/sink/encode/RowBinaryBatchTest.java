package io.kubecdc.sink.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.decode.EventSchema;
import io.kubecdc.sink.decode.Fixtures;
import io.kubecdc.sink.decode.Unavailable;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowBinaryBatchTest {
  private static final EventSchema SCHEMA =
      new EventSchema(
          List.of(
              new EventSchema.Field("id", "Int64", false),
              new EventSchema.Field("amount", "Nullable(Decimal(12, 2))", true)));

  private static TableLayout layout(ColumnSpec... columns) {
    return new TableLayout("d", "t", List.of("id"), List.of(columns));
  }

  private static ChangeEvent.Row row(ChangeEvent.Op op, long version, Object... values) {
    return new ChangeEvent.Row(op, version, 0, SCHEMA, values);
  }

  private static String hex(RowBinaryBatch batch, int from, int to) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    batch.writeTo(out, from, to);
    return HexFormat.of().formatHex(out.toByteArray());
  }

  @Test
  void shouldWriteColumnsThenVersionAndDeleteFlagLittleEndian() throws Exception {
    RowBinaryBatch batch =
        new RowBinaryBatch(
            layout(
                new ColumnSpec("id", "Int64"),
                new ColumnSpec("amount", "Nullable(Decimal(12, 2))")));
    batch.append(row(ChangeEvent.Op.CREATE, 3, 1L, new BigDecimal("-0.01")));
    batch.append(row(ChangeEvent.Op.DELETE, 5, 2L, null));
    assertThat(batch.rowCount()).isEqualTo(2);
    assertThat(hex(batch, 0, 1))
        .isEqualTo("0100000000000000" + "00" + "ffffffffffffffff" + "0300000000000000" + "00");
    assertThat(hex(batch, 1, 2)).isEqualTo("0200000000000000" + "01" + "0500000000000000" + "01");
    assertThat(batch.byteSize()).isEqualTo(26 + 18);
  }

  @Test
  void shouldRescaleDecimalsExactlyAndRefuseRounding() throws Exception {
    RowBinaryBatch batch =
        new RowBinaryBatch(
            layout(new ColumnSpec("id", "Int64"), new ColumnSpec("amount", "Decimal(5, 3)")));
    batch.append(row(ChangeEvent.Op.CREATE, 1, 1L, new BigDecimal("1.5")));
    assertThat(hex(batch, 0, 1)).startsWith("0100000000000000" + "dc050000"); // 1500
    assertThatThrownBy(
            () -> batch.append(row(ChangeEvent.Op.CREATE, 1, 1L, new BigDecimal("1.2345"))))
        .isInstanceOf(EncodeException.class)
        .hasMessageContaining("column amount")
        .hasMessageContaining("fraction digits");
    assertThatThrownBy(() -> batch.append(row(ChangeEvent.Op.CREATE, 1, 1L, new BigDecimal("100"))))
        .hasMessageContaining("precision");
    assertThat(batch.rowCount()).isEqualTo(1);
    assertThat(batch.byteSize()).isEqualTo(8 + 4 + 9);
  }

  @Test
  void shouldWriteWideDecimalsUuidStringsAndArrays() throws Exception {
    EventSchema schema =
        new EventSchema(
            List.of(
                new EventSchema.Field("id", "Int64", false),
                new EventSchema.Field("big", "Decimal(40, 0)", false),
                new EventSchema.Field("u", "UUID", false),
                new EventSchema.Field("s", "String", false),
                new EventSchema.Field("a", "Array(Nullable(Int16))", true)));
    RowBinaryBatch batch =
        new RowBinaryBatch(
            new TableLayout(
                "d",
                "t",
                List.of("id"),
                schema.fields().stream()
                    .map(f -> new ColumnSpec(f.name(), f.clickhouseType()))
                    .toList()));
    batch.append(
        new ChangeEvent.Row(
            ChangeEvent.Op.CREATE,
            1,
            0,
            schema,
            new Object[] {
              1L,
              new BigDecimal("-2"),
              java.util.UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"),
              "é",
              java.util.Arrays.asList((short) 1, null)
            }));
    batch.append(
        new ChangeEvent.Row(
            ChangeEvent.Op.CREATE,
            1,
            0,
            schema,
            new Object[] {2L, BigDecimal.ONE, java.util.UUID.randomUUID(), "", null}));
    assertThat(hex(batch, 0, 1))
        .isEqualTo(
            "0100000000000000"
                + "fe"
                + "ff".repeat(31)
                + "7766554433221100"
                + "ffeeddccbbaa9988"
                + "02c3a9"
                + "02"
                + "000100"
                + "01"
                + "0100000000000000"
                + "00");
    assertThat(hex(batch, 1, 2)).contains("0000000000000000" + "00"); // NULL array -> []
  }

  @Test
  void shouldFillColumnsTheEventLacksWithNullOrDefault() throws Exception {
    RowBinaryBatch batch =
        new RowBinaryBatch(
            layout(
                new ColumnSpec("id", "Int64"),
                new ColumnSpec("amount", "Nullable(Decimal(12, 2))"),
                new ColumnSpec("gone", "Nullable(String)"),
                new ColumnSpec("count", "Int32")));
    batch.append(row(ChangeEvent.Op.CREATE, 1, 1L, null));
    assertThat(hex(batch, 0, 1))
        .isEqualTo("0100000000000000" + "01" + "01" + "00000000" + "0100000000000000" + "00");
  }

  @Test
  void shouldListMissingColumnsAndRefuseRowsWithThemOrWithPlaceholders() {
    RowBinaryBatch batch = new RowBinaryBatch(layout(new ColumnSpec("id", "Int64")));
    ChangeEvent.Row r = row(ChangeEvent.Op.CREATE, 1, 1L, BigDecimal.ONE);
    assertThat(batch.missingColumns(r))
        .containsExactly(new ColumnSpec("amount", "Nullable(Decimal(12, 2))"));
    assertThatThrownBy(() -> batch.append(r)).isInstanceOf(IllegalArgumentException.class);
    RowBinaryBatch full =
        new RowBinaryBatch(
            layout(
                new ColumnSpec("id", "Int64"),
                new ColumnSpec("amount", "Nullable(Decimal(12, 2))")));
    assertThatThrownBy(() -> full.append(row(ChangeEvent.Op.UPDATE, 1, 1L, Unavailable.VALUE)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseNullInANonNullableColumnAndKeepTheBatchIntact() throws Exception {
    RowBinaryBatch batch =
        new RowBinaryBatch(
            layout(new ColumnSpec("id", "Int64"), new ColumnSpec("amount", "Decimal(12, 2)")));
    assertThatThrownBy(() -> batch.append(row(ChangeEvent.Op.CREATE, 1, 1L, null)))
        .isInstanceOf(EncodeException.class)
        .hasMessageContaining("NULL");
    assertThat(batch.byteSize()).isZero();
    batch.append(row(ChangeEvent.Op.CREATE, 1, 1L, BigDecimal.TEN));
    batch.clear();
    assertThat(batch.rowCount()).isZero();
    assertThat(batch.byteSize()).isZero();
  }

  @Test
  void shouldEncodeEveryDecodedFixtureRowWithItsOwnTypes() throws Exception {
    ChangeEvent.Row full = Fixtures.row("snapshot-full.json");
    TableLayout layout =
        new TableLayout(
            "d",
            "t",
            List.of("id"),
            full.schema().fields().stream()
                .map(f -> new ColumnSpec(f.name(), f.clickhouseType()))
                .toList());
    RowBinaryBatch batch = new RowBinaryBatch(layout);
    for (String f :
        List.of(
            "snapshot-full.json",
            "snapshot-nulls.json",
            "insert-special.json",
            "delete-key-only.json")) {
      batch.append(Fixtures.row(f));
    }
    assertThat(batch.rowCount()).isEqualTo(4);
  }

  @Test
  void shouldWriteDefaultsForTheNonKeyColumnsOfAKeyOnlyDelete() throws Exception {
    ChangeEvent.Row d = Fixtures.row("delete-not-null-defaults.json");
    TableLayout layout =
        new TableLayout(
            "d",
            "t",
            List.of("id"),
            d.schema().fields().stream()
                .map(f -> new ColumnSpec(f.name(), f.clickhouseType()))
                .toList());
    RowBinaryBatch batch = new RowBinaryBatch(layout);
    batch.append(d);
    assertThat(hex(batch, 0, 1)).startsWith("0100000000000000" + "00".repeat(16)).endsWith("01");
  }

  @Test
  void shouldRefuseTimestampsFinerThanTheColumn() throws Exception {
    RowBinaryBatch batch =
        new RowBinaryBatch(
            layout(
                new ColumnSpec("id", "Int64"), new ColumnSpec("amount", "DateTime64(3, 'UTC')")));
    assertThatThrownBy(
            () ->
                batch.append(
                    row(
                        ChangeEvent.Op.CREATE,
                        1,
                        1L,
                        java.time.Instant.parse("2024-01-01T00:00:00.000001Z"))))
        .hasMessageContaining("fraction digits");
    // ClickHouse 26.7 holds DateTime64 from year 0 to 9999; OutOfRangeTest covers the rest
    batch.append(
        row(ChangeEvent.Op.CREATE, 1, 1L, java.time.Instant.parse("1899-12-31T23:59:59Z")));
    assertThat(batch.rowCount()).isEqualTo(1);
  }
}
