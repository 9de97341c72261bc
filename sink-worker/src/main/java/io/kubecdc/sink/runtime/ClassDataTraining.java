package io.kubecdc.sink.runtime;

import io.kubecdc.sink.bench.OrdersEvents;
import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import io.kubecdc.sink.codec.Codec;
import io.kubecdc.sink.codec.RecordDecoder;
import io.kubecdc.sink.codec.TableBatch;
import io.kubecdc.sink.config.ConfigLoader;
import io.kubecdc.sink.config.SinkConfig;
import io.kubecdc.sink.config.WorkerEnvironment;
import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.decode.EventSchema;
import io.kubecdc.sink.health.HealthState;
import io.kubecdc.sink.health.HttpEndpoint;
import io.kubecdc.sink.kafka.KafkaClients;
import io.kubecdc.sink.metrics.SinkMetrics;
import io.kubecdc.sink.table.TableLayout;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A start of the worker without any service, for the build to record which classes a start loads
 * into a class-data sharing archive ({@code -XX:ArchiveClassesAtExit}, JDK 17; the {@code cds}
 * profile). A worker started with {@code -XX:SharedArchiveFile} maps those classes instead of
 * loading and verifying them one by one: class loading is most of its start. It goes the worker's
 * way (config, logging, HTTP endpoint, clients, decode and encode of real events, DDL) and points
 * the clients at a closed port, so that their network code loads too; then exits normally, which
 * the dump needs.
 */
public final class ClassDataTraining {
  private static final Logger log = LoggerFactory.getLogger(ClassDataTraining.class);
  private static final String NOWHERE = "127.0.0.1:9";
  private static final String TOPIC = "training.public.orders";

  private ClassDataTraining() {}

  public static void main(String[] args) throws Exception {
    OrdersEvents events = new OrdersEvents();
    Codec codec = Codec.standard();
    RecordDecoder decoder = codec.decoders().get();
    EventSchema schema = ((ChangeEvent.Row) decoder.decode(events.next())).schema();
    SinkConfig config = ConfigLoader.parse(yaml(schema));
    WorkerEnvironment env = WorkerEnvironment.load(config, Map.of("CLICKHOUSE_PASSWORD", "x"));
    TableLayout layout = config.tables().get(0).initialLayout();
    TableBatch batch = codec.batches().create(layout);
    for (int i = 0; i < 2_000; i++) {
      if (decoder.decode(events.next()) instanceof ChangeEvent.Row row) {
        batch.append(row);
      }
    }
    batch.writeTo(new ByteArrayOutputStream(), 0, batch.rowCount());
    codec.schema().createTable(layout);
    SinkMetrics metrics = new SinkMetrics();
    try (HttpEndpoint http = HttpEndpoint.start(0, new HealthState(), metrics);
        InputStream in = new URL("http://127.0.0.1:" + http.port() + "/metrics").openStream()) {
      in.readAllBytes();
    }
    try (ClientV2Gateway gateway =
        new ClientV2Gateway(
            new io.kubecdc.sink.config.ClickHouseConfig(
                "http://" + NOWHERE, "default", null, 1_000L, 1_000L),
            "x",
            Duration.ofSeconds(1))) {
      gateway.ping();
    }
    try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.consumer(config.kafka(), env);
        KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(config.kafka(), env)) {
      consumer.subscribe(List.of(TOPIC));
      consumer.poll(Duration.ofMillis(200));
      producer.close(Duration.ZERO);
    }
    log.info("event=class_data_training_done rows={}", batch.rowCount());
    System.exit(0);
  }

  private static String yaml(EventSchema schema) {
    String columns =
        schema.fields().stream()
            .map(f -> "{name: " + f.name() + ", type: \"" + f.clickhouseType() + "\"}")
            .collect(Collectors.joining(", ", "[", "]"));
    return String.join(
        "\n",
        "kafka: {bootstrapServers: \"" + NOWHERE + "\", groupId: \"kubecdc.cds.training.v1\"}",
        "clickhouse: {url: \"http://" + NOWHERE + "\", user: default}",
        "tables:",
        "  - topic: \"" + TOPIC + "\"",
        "    database: training",
        "    table: orders",
        "    keyColumns: [id]",
        "    columns: " + columns,
        "deadLetterTopic: training.dlq",
        "");
  }
}
