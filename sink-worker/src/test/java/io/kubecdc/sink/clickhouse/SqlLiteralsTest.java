package io.kubecdc.sink.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlLiteralsTest {
  @Test
  void shouldBackquoteIdentifiersAndEscapeBackslashAndBackquote() {
    assertThat(SqlLiterals.identifier("we`ird\\")).isEqualTo("`we\\`ird\\\\`");
    assertThat(SqlLiterals.identifier("it's \"quoted\"")).isEqualTo("`it's \"quoted\"`");
  }

  @Test
  void shouldKeepEveryOtherCharacterOfTheSourceName() {
    for (String name :
        new String[] {"order", "Mixed Case", "prix_€", "größe", "名前", "a.b", "1st"}) {
      assertThat(SqlLiterals.identifier(name)).isEqualTo("`" + name + "`");
    }
  }

  @Test
  void shouldQuoteStringLiterals() {
    assertThat(SqlLiterals.quote("it's a \\ test")).isEqualTo("'it\\'s a \\\\ test'");
  }
}
