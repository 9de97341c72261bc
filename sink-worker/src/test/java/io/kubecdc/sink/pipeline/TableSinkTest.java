package io.kubecdc.sink.pipeline;

import static io.kubecdc.sink.fakes.Rows.ref;
import static io.kubecdc.sink.fakes.Rows.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.sink.config.TruncatePolicy;
import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.fakes.Fixtures;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableSinkTest {
  final Fixtures f = new Fixtures();

  @Test
  void shouldInsertPendingRowsAsOneBatchOnlyAtFlush() {
    TableSink sink = new TableSink(Fixtures.ORDERS, f.context());
    sink.accept(upsert(1, "id", 1L, "name", "a"), ref(0));
    sink.accept(upsert(2, "id", 2L, "name", "b"), ref(1));
    assertThat(f.gateway.calls).isEmpty();
    assertThat(sink.isEmpty()).isFalse();

    sink.flush();

    assertThat(f.gateway.calls).containsExactly("insert: id=1,name=a,|1 / id=2,name=b,|2");
    assertThat(sink.isEmpty()).isTrue();
  }

  @Test
  void shouldFlushThenAlterThenWriteTheWiderLayoutOnANewColumn() {
    TableSink sink = new TableSink(Fixtures.ORDERS, f.context());
    sink.accept(upsert(1, "id", 1L, "name", "a"), ref(0));
    sink.accept(upsert(2, "id", 2L, "name", "b", "note", "new"), ref(1));
    sink.flush();

    assertThat(f.gateway.calls)
        .containsExactly(
            "insert: id=1,name=a,|1",
            "execute: ADD `db`.`orders`(note)",
            "insert: id=2,name=b,note=new,|2");
    assertThat(sink.layout().indexOf("note")).isEqualTo(2);
    assertThat(f.deadLetters.letters).isEmpty();
  }

  @Test
  void shouldFlushThenWidenTheColumnWhenTheEventsCarryAWiderType() {
    TableLayout stock =
        new TableLayout(
            "db",
            "stock",
            List.of("id"),
            List.of(new ColumnSpec("id", "Int64"), new ColumnSpec("qty", "Int32")));
    TableSink sink = new TableSink(stock, f.context());
    sink.accept(upsert(1, "id", 1L), ref(0));
    sink.accept(upsert(2, "id", 2L, "qty", 5_000_000_000L), ref(1));
    sink.accept(upsert(3, "id", 3L, "qty", 6L), ref(2));
    sink.flush();

    assertThat(f.gateway.calls)
        .containsExactly(
            "insert: id=1,qty=null,|1",
            "execute: ALTER TABLE `db`.`stock` MODIFY COLUMN `qty` Int64",
            "insert: id=2,qty=5000000000,|2 / id=3,qty=6,|3");
    assertThat(sink.layout().columns().get(1)).isEqualTo(new ColumnSpec("qty", "Int64"));
  }

  @Test
  void shouldNeverAlterAKeyColumn() {
    TableLayout narrowKey =
        new TableLayout("db", "stock", List.of("id"), List.of(new ColumnSpec("id", "Int32")));
    TableSink sink = new TableSink(narrowKey, f.context());
    sink.accept(upsert(1, "id", 1L), ref(0));
    sink.flush();

    assertThat(f.gateway.calls).containsExactly("insert: id=1,|1");
    assertThat(sink.layout()).isEqualTo(narrowKey);
  }

  @Test
  void shouldMarkEveryLiveRowDeletedAfterFlushingOnTruncate() {
    TableSink sink = new TableSink(Fixtures.ORDERS, f.context());
    sink.accept(upsert(1, "id", 1L, "name", "a"), ref(0));
    sink.truncate(new ChangeEvent.Truncate(9, 0), ref(1));

    assertThat(f.gateway.calls)
        .containsExactly(
            "insert: id=1,name=a,|1", "execute: " + TruncateSql.markAllDeleted(Fixtures.ORDERS, 9));
  }

  @Test
  void shouldSkipTruncateWithAMetricWhenPolicyIsIgnore() throws Exception {
    f.truncate = TruncatePolicy.IGNORE;
    TableSink sink = new TableSink(Fixtures.ORDERS, f.context());
    sink.truncate(new ChangeEvent.Truncate(9, 0), ref(1));
    assertThat(f.gateway.calls).isEmpty();
    assertThat(f.scrape())
        .contains("kubecdc_sink_truncates_total{action=\"ignored\",table=\"db.orders\"} 1.0");
  }

  @Test
  void shouldSendUnencodableRowsToTheDeadLetterTopicAndKeepTheRest() {
    TableSink sink = new TableSink(Fixtures.ORDERS, f.context());
    sink.accept(upsert(1, "id", 1L, "name", "unencodable"), ref(0));
    sink.accept(upsert(2, "id", 2L, "name", "b"), ref(1));
    sink.flush();
    assertThat(f.deadLetters.letters).extracting(l -> l.source().offset()).containsExactly(0L);
    assertThat(f.deadLetters.letters.get(0).reason()).isEqualTo("encode");
    assertThat(f.gateway.inserted).containsExactly("id=2,name=b,|2");
  }

  @Test
  void shouldBisectARejectedBatchDownToTheBadRow() {
    TableSink sink = new TableSink(Fixtures.ORDERS, f.context());
    for (long i = 0; i < 5; i++) {
      sink.accept(upsert(i + 1, "id", i, "name", i == 3 ? "poison" : "ok"), ref(i));
    }
    sink.flush();
    assertThat(f.deadLetters.letters).extracting(l -> l.source().offset()).containsExactly(3L);
    assertThat(f.deadLetters.letters.get(0).reason()).isEqualTo("rejected");
    assertThat(f.gateway.inserted).hasSize(4).noneMatch(l -> l.contains("poison"));
  }

  @Test
  void shouldRetryAnUnavailableClickHouseWithBackoffAndLoseNothing() {
    f.gateway.unavailableFor = 3;
    TableSink sink = new TableSink(Fixtures.ORDERS, f.context());
    sink.accept(upsert(1, "id", 1L, "name", "a"), ref(0));
    sink.flush();
    assertThat(f.sleeps).extracting(d -> d.toMillis()).containsExactly(100L, 200L, 400L);
    assertThat(f.gateway.inserted).containsExactly("id=1,name=a,|1");
    assertThat(f.deadLetters.letters).isEmpty();
  }

  @Test
  void shouldBeFullAtMaxRows() {
    TableSink sink = new TableSink(Fixtures.ORDERS, f.context());
    for (long i = 0; i < 3; i++) {
      assertThat(sink.full()).isFalse();
      sink.accept(upsert(i + 1, "id", i, "name", "x"), ref(i));
    }
    assertThat(sink.full()).isTrue();
  }
}
