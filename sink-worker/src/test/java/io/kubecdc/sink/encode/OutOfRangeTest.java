package io.kubecdc.sink.encode;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.contract.types.OutOfRange;
import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.decode.EventSchema;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Date and time values beyond ClickHouse's ranges keep their row, as each choice says. */
class OutOfRangeTest {
  private static final EventSchema SCHEMA =
      new EventSchema(
          List.of(
              new EventSchema.Field("id", "Int64", false),
              new EventSchema.Field("v", "Nullable(Date32)", true)));

  /** Each value through its own row of a one-column table; returns the bytes of column v. */
  private static List<String> write(String type, OutOfRange choice, long[] counted, Object... vs)
      throws Exception {
    RowBinaryBatch batch =
        new RowBinaryBatch(
            new TableLayout(
                "d",
                "t",
                List.of("id"),
                List.of(new ColumnSpec("id", "Int64"), new ColumnSpec("v", type, choice))));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < vs.length; i++) {
      batch.append(
          new ChangeEvent.Row(ChangeEvent.Op.CREATE, 1, 0, SCHEMA, new Object[] {1L, vs[i]}));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      batch.writeTo(bytes, i, i + 1);
      String hex = HexFormat.of().formatHex(bytes.toByteArray());
      out.add(hex.substring(16, hex.length() - 18)); // without id, _version, _deleted
    }
    counted[0] = batch.takeOutOfRange();
    return out;
  }

  private static String days(LocalDate d) {
    return HexFormat.of()
        .formatHex(
            ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) d.toEpochDay())
                .array());
  }

  private static String micros(String instant) {
    Instant t = Instant.parse(instant);
    long ticks = t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    return HexFormat.of()
        .formatHex(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(ticks).array());
  }

  @Test
  void shouldClampDatesToTheRangeAndInfinityToItsEnds() throws Exception {
    long[] counted = new long[1];
    List<String> written =
        write(
            "Date32",
            OutOfRange.CLAMP,
            counted,
            LocalDate.of(2024, 2, 29),
            LocalDate.of(1, 1, 1),
            LocalDate.of(2300, 1, 1),
            LocalDate.MIN,
            LocalDate.MAX);
    assertThat(written)
        .containsExactly(
            days(LocalDate.of(2024, 2, 29)),
            days(LocalDate.of(1900, 1, 2)),
            days(LocalDate.of(2299, 12, 30)),
            days(LocalDate.of(1900, 1, 1)),
            days(LocalDate.of(2299, 12, 31)));
    assertThat(counted[0]).isEqualTo(4);
  }

  @Test
  void shouldClampTimestampsOneTickInsideAndInfinityToTheEnds() throws Exception {
    long[] counted = new long[1];
    List<String> written =
        write(
            "Nullable(DateTime64(6, 'UTC'))",
            OutOfRange.CLAMP,
            counted,
            Instant.parse("0001-01-01T00:00:00Z"),
            Instant.parse("-4712-01-01T00:00:00Z"),
            Instant.MAX,
            Instant.MIN,
            null);
    assertThat(written)
        .containsExactly(
            "00" + micros("0001-01-01T00:00:00Z"),
            "00" + micros("0000-01-01T00:00:00.000001Z"),
            "00" + micros("9999-12-31T23:59:59.999999Z"),
            "00" + micros("0000-01-01T00:00:00Z"),
            "01");
    assertThat(counted[0]).isEqualTo(3);
  }

  @Test
  void shouldWriteNullForTheNullChoiceAndClampArrayElements() throws Exception {
    long[] counted = new long[1];
    assertThat(
            write(
                "Nullable(Date32)",
                OutOfRange.NULLIFY,
                counted,
                LocalDate.MAX,
                LocalDate.of(1899, 12, 31),
                LocalDate.of(1900, 1, 1)))
        .containsExactly("01", "01", "00" + days(LocalDate.of(1900, 1, 1)));
    assertThat(counted[0]).isEqualTo(2);
    assertThat(
            write(
                "Array(Nullable(Date32))",
                OutOfRange.CLAMP,
                counted,
                List.of(LocalDate.MAX, LocalDate.of(2000, 1, 1))))
        .containsExactly(
            "02" + "00" + days(LocalDate.of(2299, 12, 31)) + "00" + days(LocalDate.of(2000, 1, 1)));
  }

  @Test
  void shouldWriteTheTextPostgresPrintsForTheStringChoice() throws Exception {
    long[] counted = new long[1];
    List<String> written =
        write(
            "String",
            OutOfRange.STRING,
            counted,
            LocalDate.of(-43, 3, 15),
            Instant.parse("2024-02-29T10:11:12.500Z"),
            Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.MIN,
            LocalDate.MAX);
    assertThat(written.stream().map(OutOfRangeTest::text))
        .containsExactly(
            "0044-03-15 BC",
            "2024-02-29 10:11:12.5",
            "10000-01-01 00:00:00",
            "-infinity",
            "infinity");
    assertThat(counted[0]).isZero();
  }

  /** A RowBinary String: LEB128 length (one byte here), then UTF-8. */
  private static String text(String hex) {
    return new String(HexFormat.of().parseHex(hex.substring(2)), StandardCharsets.UTF_8);
  }
}
