package io.kubecdc.contract.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceCatalogCheckTest {
  private static final List<SourceColumn> COLUMNS =
      List.of(
          SourceColumn.of("id", "int8", -1).notNull(),
          SourceColumn.of("valid_to", "timestamptz", -1),
          SourceColumn.of("query", "tsquery", -1),
          SourceColumn.of("local", "timetz", -1));

  @Test
  void shouldReportColumnsToCreateAndWarnAboutExcludedAndLossyOnes() {
    SourceCatalogCheck.TableReport r =
        SourceCatalogCheck.check("public.t", COLUMNS, List.of("id"), Map.of());
    assertThat(r.clickhouseColumns())
        .containsExactly(
            Map.entry("id", "Int64"),
            Map.entry("valid_to", "Nullable(DateTime64(6, 'UTC'))"),
            Map.entry("local", "Nullable(String)"));
    assertThat(r.warnings())
        .containsExactly(
            "public.t.query (EXCLUDED): Debezium 3.7 has no converter for tsquery",
            "public.t.local (LOSSY): converted to UTC (04:41:12.5Z): the offset is lost");
  }

  @Test
  void shouldLeaveColumnsOutAtTheConnectorThatDebeziumWouldStreamWrong() {
    List<SourceColumn> columns =
        List.of(
            SourceColumn.of("id", "int8", -1).notNull(),
            SourceColumn.of("label", "name", -1),
            new SourceColumn("twice", "bigint", "int8", -1, 0, SourceColumn.Kind.BASE, true, true));
    SourceCatalogCheck.TableReport r =
        SourceCatalogCheck.check("shop.orders", columns, List.of("id"), Map.of());
    assertThat(r.clickhouseColumns()).containsOnlyKeys("id");
    assertThat(r.connectorColumnExcludes())
        .containsExactly("\\Qshop.orders.label\\E", "\\Qshop.orders.twice\\E");
  }

  @Test
  void shouldApplyPerColumnOutOfRangeChoices() {
    SourceCatalogCheck.TableReport r =
        SourceCatalogCheck.check(
            "public.t", COLUMNS, List.of("id"), Map.of("valid_to", OutOfRange.STRING));
    assertThat(r.clickhouseColumns()).containsEntry("valid_to", "Nullable(String)");
  }

  @Test
  void shouldRefuseChoicesThatCannotApply() {
    assertThatThrownBy(
            () ->
                SourceCatalogCheck.check(
                    "public.t", COLUMNS, List.of("id"), Map.of("local", OutOfRange.NULLIFY)))
        .hasMessage("public.t.local: outOfRange applies to date, timestamp and timestamptz only");
    List<SourceColumn> keyed = List.of(SourceColumn.of("day", "date", -1).notNull());
    assertThatThrownBy(
            () ->
                SourceCatalogCheck.check(
                    "public.t", keyed, List.of("day"), Map.of("day", OutOfRange.NULLIFY)))
        .hasMessage("public.t.day: outOfRange nullify is not allowed on a key column");
  }
}
