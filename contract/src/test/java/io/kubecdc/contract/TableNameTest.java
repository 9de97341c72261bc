package io.kubecdc.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TableNameTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "public.orders | public | orders",
        "Public.Orders | public | orders",
        "\"Sales\".\"Order Items\" | Sales | Order Items",
        "public.\"a.b\" | public | a.b",
        "\"x\"\"y\".t | x\"y | t",
        "\"名前\".größe | 名前 | größe",
      })
  void shouldParseAsPostgresWould(String text, String schema, String table) {
    assertThat(TableName.parse(text)).isEqualTo(new TableName(schema, table));
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders", "a.b.c", "\"open.t", ".t", "s.", "\"a\"b.t", "s. "})
  void shouldRefuseWhatIsNotSchemaDotTable(String text) {
    assertThatThrownBy(() -> TableName.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"public.orders | \"public\".\"orders\"", "\"x\"\"y\".t | \"x\"\"y\".\"t\""})
  void shouldQuoteForSql(String text, String quoted) {
    assertThat(TableName.parse(text).quoted()).isEqualTo(quoted);
  }
}
