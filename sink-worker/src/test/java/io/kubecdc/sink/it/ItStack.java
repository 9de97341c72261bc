package io.kubecdc.sink.it;

import com.clickhouse.client.api.Client;
import io.kubecdc.sink.codec.Codec;
import io.kubecdc.sink.codec.SchemaStatements;
import io.kubecdc.sink.config.BatchConfig;
import io.kubecdc.sink.config.ClickHouseConfig;
import io.kubecdc.sink.config.DeadLetterLimit;
import io.kubecdc.sink.config.HttpConfig;
import io.kubecdc.sink.config.KafkaConfig;
import io.kubecdc.sink.config.SinkConfig;
import io.kubecdc.sink.config.TableConfig;
import io.kubecdc.sink.config.TruncatePolicy;
import io.kubecdc.sink.config.WorkerEnvironment;
import io.kubecdc.sink.runtime.SinkWorker;
import io.kubecdc.stack.StackEndpoints;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** One IT's private names (topic, DLQ, group, table) on the shared stack, and helpers. */
final class ItStack implements AutoCloseable {
  static final Codec TEST_CODEC =
      new Codec(TextDecoder::new, TestRowBinaryBatch::new, SchemaStatements.ddl());

  final StackEndpoints stack;
  final String id = "sw" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  final String topic = id + ".public.orders";
  final String dlq = id + ".dlq";
  final String group = "kubecdc.it." + id + ".v1";
  final String database = "sink_it";
  final Client clickhouse;
  private final Admin admin;
  private final KafkaProducer<byte[], byte[]> producer;

  ItStack(StackEndpoints stack) throws Exception {
    this.stack = stack;
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    admin = Admin.create(p);
    admin
        .createTopics(List.of(new NewTopic(topic, 1, (short) 1), new NewTopic(dlq, 1, (short) 1)))
        .all()
        .get(30, TimeUnit.SECONDS);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    producer = new KafkaProducer<>(p);
    clickhouse =
        new Client.Builder()
            .addEndpoint(stack.clickhouseUrl())
            .setUsername(stack.clickhouseUser())
            .setPassword(stack.clickhousePassword())
            .build();
  }

  SinkConfig config(String clickhouseUrl, TruncatePolicy truncate) {
    return config(clickhouseUrl, truncate, null);
  }

  SinkConfig config(String clickhouseUrl, TruncatePolicy truncate, DeadLetterLimit limit) {
    TableConfig table =
        new TableConfig(
            topic,
            database,
            id,
            List.of("id"),
            List.of(
                new TableConfig.Column("id", "Int64"),
                new TableConfig.Column("name", "Nullable(String)")));
    return new SinkConfig(
        new KafkaConfig(stack.kafkaBootstrap(), group, Map.of()),
        new ClickHouseConfig(clickhouseUrl, stack.clickhouseUser(), null),
        List.of(table),
        new BatchConfig(1000, null, 100L),
        dlq,
        limit,
        truncate,
        new HttpConfig(0),
        null,
        null);
  }

  SinkWorker worker(SinkConfig config) {
    return new SinkWorker(
        config, new WorkerEnvironment(stack.clickhousePassword(), null), TEST_CODEC);
  }

  /** Runs a worker on a thread of its own, with its HTTP endpoint on a free port. */
  Running start(SinkConfig config) throws Exception {
    SinkWorker worker = worker(config);
    int port = worker.startHttp();
    Thread thread = new Thread(() -> ClickHouseOutageIT.runQuietly(worker), "worker-under-test");
    thread.start();
    return new Running(worker, port, thread);
  }

  /** A worker started by {@link #start}. */
  record Running(SinkWorker worker, int port, Thread thread) {
    /** Stops it as SIGTERM would and waits for its thread. */
    void stop() throws Exception {
      if (!worker.stop(30_000)) {
        throw new AssertionError("the worker did not stop within 30 s");
      }
      thread.join(10_000);
    }
  }

  void send(String key, String value) throws Exception {
    producer.send(new ProducerRecord<>(topic, bytes(key), bytes(value))).get(30, TimeUnit.SECONDS);
  }

  /**
   * Sends the records together (one flush, so normally one produce request), for tests that need
   * them in one batch of the worker: one synchronous send each can take longer than the worker's
   * flush delay on a loaded machine.
   */
  void sendTogether(Map<String, String> records) throws Exception {
    List<Future<?>> sent = new ArrayList<>();
    records.forEach(
        (k, v) -> sent.add(producer.send(new ProducerRecord<>(topic, bytes(k), bytes(v)))));
    producer.flush();
    for (Future<?> f : sent) {
      f.get(30, TimeUnit.SECONDS);
    }
  }

  static byte[] bytes(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  long committed() throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS);
    OffsetAndMetadata om = offsets.get(new TopicPartition(topic, 0));
    return om == null ? -1 : om.offset();
  }

  /** Records in the dead-letter topic. */
  long deadLetters() throws Exception {
    TopicPartition tp = new TopicPartition(dlq, 0);
    return admin
        .listOffsets(Map.of(tp, OffsetSpec.latest()))
        .partitionResult(tp)
        .get(30, TimeUnit.SECONDS)
        .offset();
  }

  /** Runs a statement on the target table ({@code %s} is its qualified name). */
  void alter(String sqlFormat) throws Exception {
    clickhouse
        .execute(String.format(sqlFormat, database + "." + id))
        .get(30, TimeUnit.SECONDS)
        .close();
  }

  /** "id=name" of every live row, by id. */
  List<String> liveRows() {
    return clickhouse
        .queryAll(
            "SELECT id, name FROM " + database + "." + id + " FINAL WHERE _deleted = 0 ORDER BY id")
        .stream()
        .map(r -> r.getLong("id") + "=" + r.getString("name"))
        .toList();
  }

  long count(String where) {
    return clickhouse
        .queryAll("SELECT count() AS n FROM " + database + "." + id + " FINAL " + where)
        .get(0)
        .getLong("n");
  }

  Set<String> columns() {
    return clickhouse
        .queryAll(
            "SELECT name FROM system.columns WHERE database = '"
                + database
                + "' AND table = '"
                + id
                + "'")
        .stream()
        .map(r -> r.getString("name"))
        .collect(Collectors.toSet());
  }

  static int status(int port, String path) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  static String body(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  Admin admin() {
    return admin;
  }

  @Override
  public void close() {
    producer.close();
    admin.close();
    clickhouse.close();
  }
}
