package io.kubecdc.sink.pipeline;

import static io.kubecdc.sink.fakes.Rows.ref;
import static io.kubecdc.sink.fakes.Rows.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.decode.Unavailable;
import io.kubecdc.sink.fakes.Fixtures;
import io.kubecdc.sink.fakes.LogCapture;
import io.kubecdc.sink.fakes.Rows;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToastResolutionTest {
  final Fixtures f = new Fixtures();
  final Object toast = Unavailable.VALUE;

  @Test
  void shouldInsertThePendingRowsBeforeLookingUpWhatTheWaitingRowsLack() throws Exception {
    // what ClickHouse answers once the first row is in
    f.gateway.selectAnswer = sql -> List.of(Map.of("id", 1L, "name", hex("big text")));
    TableSink sink = new TableSink(Fixtures.ORDERS, f.context());
    sink.accept(upsert(1, "id", 1L, "name", "big text"), ref(0));
    sink.accept(upsert(2, "id", 1L, "name", toast), ref(1));
    sink.flush();
    assertThat(f.gateway.calls)
        .extracting(c -> c.substring(0, c.indexOf(':')))
        .containsExactly("insert", "select", "insert");
    assertThat(f.gateway.inserted)
        .containsExactly("id=1,name=big text,|1", "id=1,name=big text,|2");
    assertThat(f.scrape())
        .contains(
            "kubecdc_sink_toast_lookups_total{source=\"clickhouse\",table=\"db.orders\"} 1.0");
  }

  @Test
  void shouldLookUpAllWaitingKeysInClickHouseWithOneQuery() {
    f.gateway.selectAnswer =
        sql ->
            List.of(
                Map.of("id", 1L, "name", hex("one from ch")),
                Map.of("id", 2L, "name", hex("two from ch")));
    TableSink sink = new TableSink(Fixtures.ORDERS, f.context());
    sink.accept(upsert(5, "id", 1L, "name", toast), ref(0));
    sink.accept(upsert(6, "id", 2L, "name", toast), ref(1));
    sink.accept(upsert(7, "id", 1L, "name", toast), ref(2));
    sink.flush();

    assertThat(f.gateway.calls).hasSize(2);
    assertThat(f.gateway.calls.get(0))
        .isEqualTo(
            "select: SELECT `id`, hex(`name`) AS `name` FROM `db`.`orders` FINAL"
                + " WHERE (`id`) IN ((1), (2))");
    assertThat(f.gateway.inserted)
        .containsExactly(
            "id=1,name=one from ch,|5", "id=2,name=two from ch,|6", "id=1,name=one from ch,|7");
  }

  @Test
  void shouldWriteTheDefaultCountItAndWarnWhenNoPreviousRowExists() throws Exception {
    TableSink sink = new TableSink(Fixtures.ORDERS, f.context());
    try (LogCapture log = new LogCapture(TableSink.class)) {
      sink.accept(upsert(5, "id", 9L, "name", toast), ref(0));
      sink.accept(upsert(6, "id", 8L, "name", "other key"), ref(1));
      sink.flush();
      assertThat(log.containing("event=toast_missing"))
          .containsExactly("WARN event=toast_missing table=db.orders column=name version=5");
    }
    assertThat(f.gateway.inserted).containsExactly("id=8,name=other key,|6", "id=9,name=null,|5");
    assertThat(f.scrape())
        .contains("kubecdc_sink_toast_lookups_total{source=\"missing\",table=\"db.orders\"} 1.0");
  }

  @Test
  void shouldOnlyCountAMissingValueWhenALaterRowOfTheBatchDeletesTheKey() throws Exception {
    TableSink sink = new TableSink(Fixtures.ORDERS, f.context());
    try (LogCapture log = new LogCapture(TableSink.class)) {
      sink.accept(upsert(5, "id", 9L, "name", toast), ref(0));
      sink.accept(Rows.row(ChangeEvent.Op.DELETE, 6, "id", 9L), ref(1));
      sink.flush();
      assertThat(log.containing("event=toast_missing")).as("nothing visible is lost").isEmpty();
    }
    assertThat(f.gateway.inserted)
        .containsExactly("id=9,name=null,|6|deleted", "id=9,name=null,|5");
    assertThat(f.scrape())
        .contains(
            "kubecdc_sink_toast_lookups_total{source=\"missing_deleted\",table=\"db.orders\"} 1.0")
        .doesNotContain("source=\"missing\"");
  }

  @Test
  void shouldWarnWhenTheKeyIsInsertedAgainAfterItsDeleteInTheBatch() {
    TableSink sink = new TableSink(Fixtures.ORDERS, f.context());
    try (LogCapture log = new LogCapture(TableSink.class)) {
      sink.accept(upsert(5, "id", 9L, "name", toast), ref(0));
      sink.accept(Rows.row(ChangeEvent.Op.DELETE, 6, "id", 9L), ref(1));
      sink.accept(upsert(7, "id", 9L, "name", "again"), ref(2));
      sink.flush();
      assertThat(log.containing("event=toast_missing")).hasSize(1);
    }
  }

  /** What ClickHouse answers for hex(column): String columns are read as bytes. */
  private static String hex(String text) {
    return java.util.HexFormat.of()
        .withUpperCase()
        .formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
