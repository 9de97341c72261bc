package io.kubecdc.contract.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.contract.types.TypeWidening.Change;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeWideningTest {
  @ParameterizedTest(name = "{0} -> {1}: {2} {3}")
  @CsvSource(
      delimiter = ';',
      value = {
        // int -> bigint, smallint -> int, real -> double precision
        "Int32; Int64; WIDEN; Int64",
        "Int16; Int32; WIDEN; Int32",
        "Nullable(Int32); Nullable(Int64); WIDEN; Nullable(Int64)",
        "Float32; Float64; WIDEN; Float64",
        // numeric precision and scale up; money keeps its Decimal(19, 2)
        "Nullable(Decimal(10, 2)); Nullable(Decimal(12, 2)); WIDEN; Nullable(Decimal(12, 2))",
        "Nullable(Decimal(10, 2)); Nullable(Decimal(10, 4)); WIDEN; Nullable(Decimal(12, 4))",
        "DateTime64(3, 'UTC'); DateTime64(6, 'UTC'); WIDEN; DateTime64(6, 'UTC')",
        // NOT NULL dropped; arrays of a wider element
        "Int32; Nullable(Int32); WIDEN; Nullable(Int32)",
        "Int32; Nullable(Int64); WIDEN; Nullable(Int64)",
        "Array(Nullable(Int16)); Array(Nullable(Int32)); WIDEN; Array(Nullable(Int32))",
        // varchar(n) -> text, NOT NULL added, a narrowing already held: nothing to do
        "String; String; NONE; String",
        "Nullable(String); String; NONE; Nullable(String)",
        "Int64; Int32; NONE; Int64",
        "Nullable(Decimal(12, 2)); Nullable(Decimal(10, 2)); NONE; Nullable(Decimal(12, 2))",
        "LowCardinality(Nullable(String)); LowCardinality(String); NONE;"
            + " LowCardinality(Nullable(String))",
      })
  void shouldWidenWhatHoldsEveryValueOfBothTypes(
      String current, String wanted, Change change, String target) {
    assertThat(TypeWidening.classify(current, wanted)).isEqualTo(change);
    assertThat(TypeWidening.target(current, wanted)).contains(target);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Int32; String",
        "Nullable(String); Nullable(Int32)",
        "Int64; Float64",
        "Nullable(Decimal(76, 2)); Nullable(Decimal(76, 4))",
        "DateTime64(6, 'UTC'); Date32",
        "Array(Nullable(Int32)); Nullable(String)",
      })
  void shouldFindNoWideningBetweenUnrelatedTypes(String current, String wanted) {
    assertThat(TypeWidening.classify(current, wanted)).isEqualTo(Change.INCOMPATIBLE);
    assertThat(TypeWidening.target(current, wanted)).isEmpty();
  }
}
