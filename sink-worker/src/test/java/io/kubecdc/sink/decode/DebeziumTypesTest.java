package io.kubecdc.sink.decode;

import static io.kubecdc.sink.decode.Fixtures.row;
import static io.kubecdc.sink.decode.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every PostgreSQL type of {@link TypesTable}, from real events, to its Java form and type. */
class DebeziumTypesTest {
  private final ChangeEvent.Row full = row("snapshot-full.json");
  private final ChangeEvent.Row special = row("insert-special.json");

  @Test
  void shouldMapEveryColumnToItsClickHouseType() {
    assertThat(full.schema().fields())
        .extracting(f -> f.name() + " " + f.clickhouseType())
        .containsExactly(
            "id Int64",
            "small Nullable(Int16)",
            "num Int32",
            "big Nullable(Int64)",
            "amount Nullable(Decimal(12, 2))",
            "neg Nullable(Decimal(20, 5))",
            "anynum Nullable(String)",
            "r Nullable(Float32)",
            "d Nullable(Float64)",
            "flag Nullable(Bool)",
            "name Nullable(String)",
            "code Nullable(String)",
            "ch Nullable(String)",
            "uid Nullable(UUID)",
            "day Nullable(Date32)",
            "tod Nullable(Time64(6))",
            "ts Nullable(DateTime64(6, 'UTC'))",
            "ts3 Nullable(DateTime64(3, 'UTC'))",
            "tstz Nullable(DateTime64(6, 'UTC'))",
            "doc Nullable(String)",
            "js Nullable(String)",
            "bin Nullable(String)",
            "tags Array(Nullable(String))",
            "nums Array(Nullable(Int32))",
            "prices Array(Nullable(Decimal(10, 2)))",
            "mood LowCardinality(Nullable(String))",
            "dur Nullable(String)",
            "big_text Nullable(String)",
            "big_bin Nullable(String)");
    assertThat(full.schema().fields().get(0).optional()).isFalse();
    assertThat(full.schema().fields().get(1).optional()).isTrue();
  }

  @Test
  void shouldDecodeIntegersAndExactDecimals() {
    assertThat(value(full, "id")).isEqualTo(1L);
    assertThat(value(full, "small")).isEqualTo((short) -32768);
    assertThat(value(full, "num")).isEqualTo(Integer.MAX_VALUE);
    assertThat(value(full, "big")).isEqualTo(Long.MIN_VALUE);
    assertThat(value(full, "amount")).isEqualTo(new BigDecimal("1234567890.12"));
    assertThat(value(full, "neg")).isEqualTo(new BigDecimal("-123456789012345.67890"));
    assertThat(value(full, "anynum"))
        .isEqualTo(new BigDecimal("3.14159265358979323846264338327950288"));
    assertThat(value(special, "amount")).isEqualTo(new BigDecimal("-0.01"));
    assertThat(value(special, "neg")).isEqualTo(new BigDecimal("-0.00001"));
    assertThat(value(special, "anynum"))
        .isEqualTo(new BigDecimal("-12345678901234567890.000000000000000000001"));
  }

  @Test
  void shouldDecodeFloatsIncludingNanAndInfinities() {
    assertThat(value(full, "r")).isEqualTo(1.5f);
    assertThat(value(full, "d")).isEqualTo(-2.25);
    assertThat(value(special, "r")).isEqualTo(Float.NaN);
    assertThat(value(special, "d")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(value(row("update-toast.json"), "d")).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void shouldDecodeTextUuidJsonEnumAndBytes() {
    assertThat(value(full, "flag")).isEqualTo(true);
    assertThat(value(full, "name")).isEqualTo("héllo ✓");
    assertThat(value(full, "ch")).isEqualTo("ab ");
    assertThat(value(full, "uid"))
        .isEqualTo(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
    assertThat(value(full, "doc")).isEqualTo("{\"a\": [1, 2.5, null]}");
    assertThat(value(full, "js")).isEqualTo("{\"b\" : true}");
    assertThat(value(full, "mood")).isEqualTo("happy");
    assertThat(value(full, "dur")).isEqualTo("P0Y0M1DT2H3M4.5S");
    assertThat((byte[]) value(full, "bin")).containsExactly(0x00, 0xff, 0x10);
    assertThat(value(full, "big_text")).isEqualTo(TypesTable.BIG_TEXT);
    assertThat((byte[]) value(full, "big_bin"))
        .isEqualTo(HexFormat.of().parseHex(TypesTable.BIG_TEXT));
  }

  @Test
  void shouldDecodeDatesTimesAndTimestampsWithMicros() {
    assertThat(value(full, "day")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(value(full, "tod")).isEqualTo(86_399_999_999L);
    assertThat(value(full, "ts")).isEqualTo(Instant.parse("2024-02-29T12:34:56.789012Z"));
    assertThat(value(full, "ts3")).isEqualTo(Instant.parse("1969-12-31T23:59:59.999Z"));
    assertThat(value(full, "tstz")).isEqualTo(Instant.parse("2024-02-29T10:34:56.789012Z"));
    assertThat(value(special, "day")).isEqualTo(LocalDate.of(1900, 1, 1));
    assertThat(value(special, "tod")).isEqualTo(0L);
    assertThat(value(special, "ts")).isEqualTo(Instant.parse("1900-01-01T00:00:00.000001Z"));
    assertThat(value(special, "tstz")).isEqualTo(Instant.parse("1900-01-01T00:00:00.000001Z"));
  }

  @Test
  void shouldDecodeArraysWithNullElementsAndEmptyArrays() {
    assertThat(value(full, "tags")).isEqualTo(Arrays.asList("x", null, "y z"));
    assertThat(value(full, "nums")).isEqualTo(Arrays.asList(1, null, -3));
    assertThat(value(full, "prices"))
        .isEqualTo(Arrays.asList(new BigDecimal("1.10"), new BigDecimal("-2.05")));
    assertThat(value(special, "tags")).isEqualTo(java.util.List.of());
    assertThat(value(special, "prices")).isNull();
  }

  @Test
  void shouldDecodeNullsInEveryOptionalColumn() {
    ChangeEvent.Row nulls = row("snapshot-nulls.json");
    assertThat(nulls.values()).hasSize(29);
    for (int i = 0; i < nulls.values().length; i++) {
      String name = nulls.schema().fields().get(i).name();
      if (!name.equals("id") && !name.equals("num")) {
        assertThat(nulls.values()[i]).as(name).isNull();
      }
    }
    assertThat(value(nulls, "id")).isEqualTo(2L);
    assertThat(value(nulls, "num")).isEqualTo(0);
  }
}
