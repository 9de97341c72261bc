package io.kubecdc.sink.decode;

import static io.kubecdc.sink.decode.Fixtures.row;
import static io.kubecdc.sink.decode.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Types beyond the common ones, and infinity, from real events of PostgreSQL 15 and Debezium 3.7
 * captured from the local stack (the table of {@code UnmappedTypesE2EIT}): nothing refuses the row.
 */
class ExoticTypesTest {
  private final ChangeEvent.Row snapshot = row("exotic-snapshot.json");
  private final ChangeEvent.Row insert = row("exotic-insert.json");

  private static Map<String, String> types(ChangeEvent.Row row) {
    return row.schema().fields().stream()
        .filter(f -> !f.skipped())
        .collect(Collectors.toMap(EventSchema.Field::name, EventSchema.Field::clickhouseType));
  }

  @Test
  void shouldMapGeometryBitsMoneyAndTextTypesTheSameInSnapshotAndStream() {
    Map<String, String> types = types(snapshot);
    assertThat(types)
        .containsEntry("b1", "Nullable(Bool)")
        .containsEntry("b10", "Nullable(String)")
        .containsEntry("pt", "Tuple(x Nullable(Float64), y Nullable(Float64))")
        .containsEntry("ln", "Tuple(a Nullable(Float64), b Nullable(Float64), c Nullable(Float64))")
        .containsEntry(
            "cir", "Tuple(x Nullable(Float64), y Nullable(Float64), r Nullable(Float64))")
        .containsEntry("bx", "Nullable(String)")
        .containsEntry("mon", "Nullable(Decimal(19, 2))")
        .containsEntry("tsv", "Nullable(String)")
        .containsEntry("ip", "Nullable(String)")
        .containsEntry("i4r", "Nullable(String)")
        .containsEntry("hs", "Nullable(String)")
        .containsEntry("o", "Nullable(Int64)")
        .containsEntry("dom", "Nullable(Int32)")
        .containsEntry("md", "Array(Nullable(Int32))")
        .containsEntry("nn", "Nullable(String)")
        .containsEntry("marr", "Array(LowCardinality(Nullable(String)))");
    // Debezium leaves these out of the events entirely
    assertThat(types).doesNotContainKeys("tsq", "mr", "lsn", "cp", "jp", "xid8c", "money_arr");
    assertThat(types(insert)).isEqualTo(withoutGenerated(types));
  }

  private static Map<String, String> withoutGenerated(Map<String, String> types) {
    // pgoutput does not publish generated columns: only the snapshot carries them
    return types.entrySet().stream()
        .filter(e -> !e.getKey().equals("gen"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  @Test
  void shouldDecodeTheirValuesFaithfully() {
    assertThat(value(insert, "b10")).isEqualTo("1010101010");
    assertThat(value(insert, "vb")).isEqualTo("101");
    assertThat((double[]) value(insert, "pt")).containsExactly(1.5, 2.5);
    assertThat((double[]) value(insert, "ln")).containsExactly(1.0, 2.0, 3.0);
    assertThat((double[]) value(insert, "cir")).containsExactly(1.0, 1.0, 2.0);
    assertThat(HexFormat.of().formatHex((byte[]) value(insert, "ls")))
        .startsWith("0102000000020000"); // WKB LineString of 2 points
    assertThat(value(insert, "mon")).isEqualTo(new BigDecimal("1234.56"));
    assertThat(value(insert, "ip")).isEqualTo("192.168.1.5/24");
    assertThat(value(insert, "tz")).isEqualTo("04:41:12.5Z"); // the offset +05:30 is gone
    assertThat(value(insert, "iv")).isEqualTo("P1Y2M3DT4H5M6.78S");
    assertThat(value(insert, "nn")).isEqualTo(new BigDecimal("1.5")); // inserted as 1.50
  }

  @Test
  void shouldDecodeInfinityInEveryEncodingDebeziumUses() {
    for (String fixture : new String[] {"infinity-snapshot.json", "infinity-insert.json"}) {
      ChangeEvent.Row r = row(fixture);
      assertThat(value(r, "d")).as(fixture).isEqualTo(LocalDate.MAX);
      assertThat(value(r, "ts")).as(fixture).isEqualTo(Instant.MAX);
      assertThat(value(r, "ts3")).as(fixture).isEqualTo(Instant.MAX);
      assertThat(value(r, "tstz")).as(fixture).isEqualTo(Instant.MAX);
      assertThat(value(r, "nn")).as(fixture + ": Debezium sends NaN as NULL").isNull();
    }
    ChangeEvent.Row minus = row("minus-infinity-insert.json");
    assertThat(value(minus, "d")).isEqualTo(LocalDate.MIN);
    assertThat(value(minus, "ts")).isEqualTo(Instant.MIN);
    assertThat(value(minus, "ts3")).isEqualTo(Instant.MIN);
    assertThat(value(minus, "tstz")).isEqualTo(Instant.MIN);
    ChangeEvent.Row bc = row("bc-insert.json");
    assertThat(value(bc, "d")).isEqualTo(LocalDate.of(-4712, 1, 1));
    assertThat(value(bc, "tstz")).isEqualTo(Instant.parse("-4712-01-01T00:00:00Z"));
    assertThat(value(bc, "ts3")).isEqualTo(Instant.parse("0000-01-01T00:00:00Z"));
  }
}
