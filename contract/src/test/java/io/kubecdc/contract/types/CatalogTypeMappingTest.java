package io.kubecdc.contract.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogTypeMappingTest {
  /** numeric(p,s) as the catalog stores it in atttypmod. */
  private static int numericTypmod(int precision, int scale) {
    return ((precision << 16) | (scale & 0x7FF)) + 4;
  }

  private static ColumnMapping map(SourceColumn c) {
    return CatalogTypeMapping.map(c, OutOfRange.CLAMP, false);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "int2|-1|Nullable(Int16)|EXACT",
        "int8|-1|Nullable(Int64)|EXACT",
        "float4|-1|Nullable(Float32)|EXACT",
        "bool|-1|Nullable(Bool)|EXACT",
        "bit|1|Nullable(Bool)|EXACT",
        "bit|10|Nullable(String)|TEXT",
        "varbit|-1|Nullable(String)|LOSSY",
        "varchar|24|Nullable(String)|EXACT",
        "uuid|-1|Nullable(UUID)|EXACT",
        "money|-1|Nullable(Decimal(19, 2))|EXACT",
        "inet|-1|Nullable(String)|TEXT",
        "interval|-1|Nullable(String)|TEXT",
        "timetz|-1|Nullable(String)|LOSSY",
        "time|-1|Nullable(Time64(6))|EXACT",
        "date|-1|Nullable(Date32)|EXACT",
        "timestamp|-1|Nullable(DateTime64(6, 'UTC'))|EXACT",
        "timestamp|3|Nullable(DateTime64(3, 'UTC'))|EXACT",
        "timestamp|0|Nullable(DateTime64(3, 'UTC'))|EXACT",
        "timestamptz|2|Nullable(DateTime64(6, 'UTC'))|EXACT",
        "point|-1|Tuple(x Nullable(Float64), y Nullable(Float64))|EXACT",
        "circle|-1|Tuple(x Nullable(Float64), y Nullable(Float64), r Nullable(Float64))|EXACT",
        "path|-1|Nullable(String)|LOSSY",
        "numeric|-1|Nullable(String)|LOSSY",
      })
  void shouldMapEachBaseType(String type, int typmod, String clickhouse, Outcome outcome) {
    ColumnMapping m = map(SourceColumn.of("c", type, typmod));
    assertThat(m.clickhouseType()).isEqualTo(clickhouse);
    assertThat(m.outcome()).isEqualTo(outcome);
  }

  @Test
  void shouldMapNumericWithPrecisionToDecimalAndKeepItNullableForNaN() {
    SourceColumn price = SourceColumn.of("price", "numeric", numericTypmod(12, 2)).notNull();
    assertThat(map(price).clickhouseType()).isEqualTo("Nullable(Decimal(12, 2))");
    assertThat(CatalogTypeMapping.map(price, OutOfRange.CLAMP, true).clickhouseType())
        .isEqualTo("Decimal(12, 2)");
    assertThat(map(SourceColumn.of("n", "numeric", numericTypmod(80, 2))).clickhouseType())
        .isEqualTo("Nullable(String)");
    assertThat(map(SourceColumn.of("n", "numeric", numericTypmod(5, -2))).clickhouseType())
        .isEqualTo("Nullable(String)");
  }

  @Test
  void shouldNotWrapNotNullColumnsNorArrays() {
    assertThat(map(SourceColumn.of("n", "int4", -1).notNull()).clickhouseType()).isEqualTo("Int32");
    ColumnMapping tags = map(SourceColumn.of("tags", "text", -1).array(1));
    assertThat(tags.clickhouseType()).isEqualTo("Array(Nullable(String))");
    assertThat(tags.outcome()).isEqualTo(Outcome.EXACT);
    ColumnMapping grid = map(SourceColumn.of("grid", "int4", -1).array(2));
    assertThat(grid.clickhouseType()).isEqualTo("Array(Nullable(Int32))");
    assertThat(grid.outcome()).isEqualTo(Outcome.LOSSY);
  }

  @Test
  void shouldExcludeWhatDebeziumDoesNotPublish() {
    for (String type : new String[] {"tsquery", "pg_lsn", "jsonpath", "xid8"}) {
      assertThat(map(SourceColumn.of("c", type, -1)).excluded()).as(type).isTrue();
    }
    SourceColumn comp =
        new SourceColumn("c", "pair", "pair", -1, 0, SourceColumn.Kind.COMPOSITE, true, false);
    assertThat(map(comp).excluded()).isTrue();
    SourceColumn generated =
        new SourceColumn("g", "bigint", "int8", -1, 0, SourceColumn.Kind.BASE, true, true);
    assertThat(map(generated).note()).contains("generated");
    assertThat(map(SourceColumn.of("m", "money", -1).array(1)).excluded()).isTrue();
    assertThat(map(SourceColumn.of("p", "point", -1).array(1)).excluded()).isTrue();
  }

  @Test
  void shouldMapEnumsAndRangesByKind() {
    SourceColumn mood =
        new SourceColumn("m", "mood", "mood", -1, 0, SourceColumn.Kind.ENUM, true, false);
    assertThat(map(mood).clickhouseType()).isEqualTo("LowCardinality(Nullable(String))");
    SourceColumn span =
        new SourceColumn(
            "r", "int4range", "int4range", -1, 0, SourceColumn.Kind.RANGE, true, false);
    assertThat(map(span).clickhouseType()).isEqualTo("Nullable(String)");
  }

  @Test
  void shouldChooseTheTemporalColumnTypeFromTheOutOfRangeChoice() {
    SourceColumn born = SourceColumn.of("born", "date", -1).notNull();
    assertThat(CatalogTypeMapping.map(born, OutOfRange.CLAMP, false).clickhouseType())
        .isEqualTo("Date32");
    assertThat(CatalogTypeMapping.map(born, OutOfRange.NULLIFY, false).clickhouseType())
        .isEqualTo("Nullable(Date32)");
    assertThat(CatalogTypeMapping.map(born, OutOfRange.STRING, false).clickhouseType())
        .isEqualTo("String");
  }

  @Test
  void shouldKnowTheRangeOfEachDateTime64Precision() {
    assertThat(TemporalRange.dateTime64Min(6)).hasToString("0000-01-01T00:00:00Z");
    assertThat(TemporalRange.dateTime64Max(6)).hasToString("9999-12-31T23:59:59.999999Z");
    assertThat(TemporalRange.dateTime64Min(9)).hasToString("1677-09-21T00:12:44Z");
    assertThat(TemporalRange.dateTime64Max(9)).hasToString("2262-04-11T23:47:16Z");
  }
}
