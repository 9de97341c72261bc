package io.kubecdc.sink.e2e;

import static org.awaitility.Awaitility.await;

import io.kubecdc.sink.bench.OrdersEvents;
import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.decode.EventDecoder;
import io.kubecdc.sink.decode.EventSchema;
import io.kubecdc.sink.e2e.CdcFixture.TargetTable;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drain rate: N realistic orders change events (15 columns, schema in every record, as the
 * connector writes them with the contract's settings, lz4 on the wire) are loaded into one Kafka
 * partition first; then the sink-worker (256 MiB heap) drains them into ClickHouse. Prints
 * events/s; asserts nothing about time. Run with bin/bench.
 */
@Tag("benchmark")
@ExtendWith(LocalStackExtension.class)
class KafkaToClickHouseBenchmark {
  private static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);

  @TempDir Path dir;

  @Test
  void shouldPrintTheDrainRate(StackEndpoints stack) throws Exception {
    try (CdcFixture f = new CdcFixture(stack, dir)) {
      long t0 = System.nanoTime();
      Preloaded preloaded = preload(f, EVENTS);
      TargetTable target = preloaded.target();
      long bytes = preloaded.bytes();
      double loadSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "load: %,d events (%.0f MB of JSON) into Kafka in %.1f s%n",
          EVENTS, bytes / 1e6, loadSeconds);

      int port = CdcFixture.freePort();
      Path config = f.workerConfig(List.of(target), port, "");
      try (WorkerProcess worker = f.worker(config, port).start()) {
        long started = System.nanoTime();
        worker.awaitReady();
        long[] firstWrite = {0};
        long[] firstRows = {0};
        await()
            .atMost(Duration.ofMinutes(10))
            .pollInterval(Duration.ofMillis(50))
            .until(
                () -> {
                  long rows = (long) worker.metric("kubecdc_sink_rows_written_total");
                  if (rows > 0 && firstWrite[0] == 0) {
                    firstWrite[0] = System.nanoTime();
                    firstRows[0] = rows;
                  }
                  return rows >= EVENTS;
                });
        long done = System.nanoTime();
        double seconds = (done - started) / 1e9;
        double steady = (done - firstWrite[0]) / 1e9;
        System.out.printf(
            "drain: %,d events Kafka -> ClickHouse in %.1f s from the worker's start: %,.0f events/s;"
                + " %,.0f events/s from its first insert to its last%n",
            EVENTS, seconds, EVENTS / seconds, (EVENTS - firstRows[0]) / steady);
        System.out.println("drain: " + worker.insertSummary());
        System.out.println("worker " + WorkerMemory.of(worker));
      }
    }
  }

  /**
   * Creates the orders topic of {@code f} and writes {@code count} orders events into it as the
   * connector would; returns the target table and the bytes of JSON written.
   */
  static Preloaded preload(CdcFixture f, int count) throws Exception {
    f.createTopic("orders", Map.of());
    OrdersEvents events = new OrdersEvents();
    TargetTable target = target(events.next());
    return new Preloaded(target, load(f.stack, f.topic("orders"), events, count));
  }

  record Preloaded(TargetTable target, long bytes) {}

  private static long load(StackEndpoints stack, String topic, OrdersEvents events, int count)
      throws Exception {
    Map<String, Object> p =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.kafkaBootstrap(),
            ProducerConfig.COMPRESSION_TYPE_CONFIG,
            "lz4",
            ProducerConfig.LINGER_MS_CONFIG,
            20,
            ProducerConfig.BATCH_SIZE_CONFIG,
            1 << 20,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            ByteArraySerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ByteArraySerializer.class);
    long bytes = 0;
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
      for (int i = 0; i < count; i++) {
        byte[] value = events.next();
        bytes += value.length;
        producer.send(new ProducerRecord<>(topic, null, value));
      }
      producer.flush();
    }
    return bytes;
  }

  /** The target table as the operator will derive it: the decoder's own type mapping. */
  static TargetTable target(byte[] event) throws Exception {
    EventSchema schema = ((ChangeEvent.Row) new EventDecoder().decode(event)).schema();
    Map<String, String> columns = new LinkedHashMap<>();
    schema.fields().forEach(field -> columns.put(field.name(), field.clickhouseType()));
    return new TargetTable("orders", List.of("id"), columns);
  }
}
