package io.kubecdc.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubecdc.sink.codec.RecordDecoder;
import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.decode.DecodeException;
import io.kubecdc.sink.fakes.Fixtures;
import io.kubecdc.sink.fakes.Rows;
import io.kubecdc.sink.health.HealthState;
import io.kubecdc.sink.retry.StoppedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SinkLoopTest {
  static final TopicPartition TP = new TopicPartition("orders", 0);

  /** "id:version" is a row, "truncate:version" a truncate, null a tombstone, "junk" undecodable. */
  static final RecordDecoder DECODER =
      value -> {
        if (value == null) {
          return new ChangeEvent.Tombstone();
        }
        String[] parts = new String(value, StandardCharsets.UTF_8).split(":");
        if (parts.length != 2) {
          throw new DecodeException("not a change event");
        }
        long version = Long.parseLong(parts[1]);
        if (parts[0].equals("truncate")) {
          return new ChangeEvent.Truncate(version, 0);
        }
        return Rows.upsert(version, "id", Long.parseLong(parts[0]), "name", "n");
      };

  final Fixtures f = new Fixtures();
  final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
  SinkLoop loop;
  long nextOffset;

  @BeforeEach
  void setUp() {
    loop =
        new SinkLoop(
            consumer,
            DECODER,
            Map.of("orders", new TableSink(Fixtures.ORDERS, f.context())),
            f.context(),
            new HealthState(),
            Duration.ofSeconds(1),
            () -> true);
    loop.subscribe();
    consumer.rebalance(List.of(TP));
    consumer.updateBeginningOffsets(Map.of(TP, 0L));
    consumer.updateEndOffsets(Map.of(TP, 0L));
  }

  void send(String value) {
    byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    consumer.addRecord(new ConsumerRecord<>("orders", 0, nextOffset++, null, bytes));
  }

  Long committed() {
    OffsetAndMetadata om = consumer.committed(Set.of(TP)).get(TP);
    return om == null ? null : om.offset();
  }

  @Test
  void shouldCommitOnlyAfterClickHouseAcknowledgedTheRows() {
    send("1:1");
    send("2:2");
    loop.pollOnce();
    assertThat(f.gateway.inserted).isEmpty();
    assertThat(committed()).isNull();

    f.nanos.addAndGet(200_000_000); // the oldest row is now maxDelay old
    loop.pollOnce();

    assertThat(f.gateway.inserted).hasSize(2);
    assertThat(committed()).isEqualTo(2);
  }

  @Test
  void shouldFlushAFullTableInOneInsertWithoutWaitingForTheDeadline() {
    for (int i = 1; i <= 3; i++) {
      send(i + ":" + i);
    }
    loop.pollOnce();
    assertThat(f.gateway.calls).hasSize(1).allMatch(c -> c.startsWith("insert: "));
    assertThat(committed()).isEqualTo(3);
  }

  @Test
  void shouldNotCommitWhenTheInsertNeverSucceeds() {
    f.gateway.unavailableFor = Integer.MAX_VALUE;
    send("1:1");
    loop.pollOnce();
    f.nanos.addAndGet(1_000_000_000);
    f.stopping = true; // the retrier gives up only because the worker stops
    assertThatThrownBy(loop::pollOnce).isInstanceOf(StoppedException.class);
    assertThat(committed()).isNull();
    assertThat(f.gateway.inserted).isEmpty();
  }

  @Test
  void shouldDeadLetterUndecodableRecordsAndMoveOn() {
    send("junk");
    send(null);
    loop.pollOnce();
    assertThat(f.deadLetters.letters).hasSize(1);
    assertThat(f.deadLetters.letters.get(0).reason()).isEqualTo("decode");
    assertThat(f.deadLetters.letters.get(0).source().offset()).isZero();
    assertThat(f.gateway.calls).isEmpty();
    assertThat(committed()).isEqualTo(2); // dead letter and tombstone both count as processed
  }

  @Test
  void shouldFlushPendingRowsBeforeApplyingATruncate() {
    send("1:1");
    send("truncate:5");
    loop.pollOnce();
    assertThat(f.gateway.calls.get(0)).startsWith("insert: ");
    assertThat(f.gateway.calls.get(1))
        .startsWith("execute: INSERT INTO `db`.`orders` (`id`, `_version`, `_deleted`)");
    assertThat(committed()).isEqualTo(2);
  }
}
