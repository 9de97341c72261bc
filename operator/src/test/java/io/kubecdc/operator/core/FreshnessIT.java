package io.kubecdc.operator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubecdc.api.crd.v1alpha1.TableStatus;
import io.kubecdc.operator.kafka.Freshness;
import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Freshness on the real chain (PostgreSQL, Debezium on Connect, Kafka, the sink-worker,
 * ClickHouse): a caught-up table reads 0 and stays 0 while it is quiet; with the worker stopped,
 * the table's freshness is the age of its oldest pending event (not of the newest) and grows with
 * it; once the worker runs again it goes back to 0. Bounds, not exact values: the Kafka timestamp
 * lies between the insert and the moment the lag showed the event.
 */
@LocalStackTest
class FreshnessIT {
  private final StackEndpoints stack;
  private final String id = "fresh" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  @TempDir Path dir;

  FreshnessIT(StackEndpoints stack) {
    this.stack = stack;
  }

  @Test
  void shouldReadTheAgeOfTheOldestPendingEventAndZeroWhenCaughtUp() throws Exception {
    StackPipeline p = new StackPipeline(stack, dir, id);
    p.pg("CREATE SCHEMA " + id);
    p.pg("CREATE TABLE " + id + ".orders (id int PRIMARY KEY, note text)");
    p.pg("INSERT INTO " + id + ".orders VALUES (1, 'snapshot')");
    PipelineRequest request = p.request(p.removableSpec(List.of("orders")));
    DefaultPipelineCore core = p.core();
    CoreResult r = StackPipeline.reconcileUntilRunning(core, request);
    String config = r.workerConfig().orElseThrow();

    Process worker = p.startWorker(config);
    try (ClientV2Gateway ch = p.clickhouse()) {
      p.awaitLiveRows(ch, "orders", "id, note", "1|snapshot");
      awaitTable(core, request, t -> Long.valueOf(0).equals(t.getLag()));
      long quietSince = System.currentTimeMillis();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> System.currentTimeMillis() - quietSince > 4_000);
      long quietStart = System.currentTimeMillis();
      TableStatus quiet = table(core, request);
      long caughtUpMs = System.currentTimeMillis() - quietStart;
      assertThat(quiet.getFreshnessSeconds())
          .as("caught up and quiet for 4 s: fresh (the worker's own metric would read 4+ s)")
          .isZero();

      StackPipeline.stop(worker);
      worker = null;
      long beforeFirst = System.currentTimeMillis();
      p.pg("INSERT INTO " + id + ".orders VALUES (2, 'first pending')");
      awaitTable(core, request, t -> Long.valueOf(1).equals(t.getLag()));
      long firstSeen = System.currentTimeMillis();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> System.currentTimeMillis() - firstSeen > 6_000);
      p.pg("INSERT INTO " + id + ".orders VALUES (3, 'second pending')");
      awaitTable(core, request, t -> Long.valueOf(2).equals(t.getLag()));

      long start = System.currentTimeMillis();
      TableStatus stale = table(core, request);
      long end = System.currentTimeMillis();
      System.out.printf(
          "figure reconcile_ms_caught_up=%d reconcile_ms_lagging=%d (one consumer read)%n",
          caughtUpMs, end - start);
      assertThat(stale.getFreshnessSeconds())
          .as("the age of the oldest pending event, not of the newest")
          .isBetween((start - firstSeen) / 1000, (end - beforeFirst) / 1000 + 1);
      assertThat(Freshness.stalest(List.of(stale.getFreshnessSeconds()))).isGreaterThanOrEqualTo(6);
      long earlier = stale.getFreshnessSeconds();
      awaitTable(
          core,
          request,
          t -> t.getFreshnessSeconds() != null && t.getFreshnessSeconds() >= earlier + 2);
      assertKafkaTimestampIsCreateTimeAfterTheSourceCommit(stale.getTopic());

      worker = p.startWorker(config, "worker-again");
      p.awaitLiveRows(
          ch, "orders", "id, note", "1|snapshot", "2|first pending", "3|second pending");
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                TableStatus t = table(core, request);
                assertThat(t.getLag()).isZero();
                assertThat(t.getFreshnessSeconds()).as("caught up again").isZero();
              });
    } finally {
      StackPipeline.stop(worker);
    }
    p.removeAll(core, request);
  }

  private static TableStatus table(DefaultPipelineCore core, PipelineRequest request) {
    return core.reconcile(request).tables().get(0);
  }

  /** Reconciles once a second until the table's status matches. */
  private static void awaitTable(
      DefaultPipelineCore core,
      PipelineRequest request,
      java.util.function.Predicate<TableStatus> condition) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> condition.test(table(core, request)));
  }

  /**
   * What the freshness is measured from: the records Debezium writes through Connect carry the
   * producer's CreateTime, the moment Connect sent them, which is at or after the source commit
   * ({@code source.ts_ms}); so freshness counts the time spent in Debezium too.
   */
  private void assertKafkaTimestampIsCreateTimeAfterTheSourceCommit(String topic) throws Exception {
    try (var consumer =
        new KafkaConsumer<String, String>(
            Map.of(
                "bootstrap.servers",
                stack.kafkaBootstrap(),
                "key.deserializer",
                StringDeserializer.class,
                "value.deserializer",
                StringDeserializer.class))) {
      TopicPartition tp = new TopicPartition(topic, 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      var found = new java.util.concurrent.atomic.AtomicReference<ConsumerRecord<String, String>>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (var rec : consumer.poll(Duration.ofMillis(500))) {
                  if (rec.value() != null && rec.value().contains("first pending")) {
                    found.set(rec);
                  }
                }
                return found.get() != null;
              });
      JsonNode v = new ObjectMapper().readTree(found.get().value());
      JsonNode source = (v.has("payload") ? v.get("payload") : v).path("source");
      assertThat(source.path("ts_ms").isNumber()).as(v.toString()).isTrue();
      assertThat(found.get().timestampType()).isEqualTo(TimestampType.CREATE_TIME);
      assertThat(found.get().timestamp()).isGreaterThanOrEqualTo(source.path("ts_ms").asLong());
      org.slf4j.LoggerFactory.getLogger(FreshnessIT.class)
          .info(
              "event=record_timestamp type={} kafka_ms={} source_ts_ms={} debezium_ts_ms={}",
              found.get().timestampType(),
              found.get().timestamp(),
              source.path("ts_ms").asLong(),
              (v.has("payload") ? v.get("payload") : v).path("ts_ms").asLong());
    }
  }
}
