package io.kubecdc.demo;

import io.kubecdc.contract.PipelineEvents;
import io.kubecdc.stack.LocalStack;
import io.kubecdc.stack.StackConfig;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.connect.ConnectRest;
import io.kubecdc.stack.connect.ConnectorTeardown;
import io.kubecdc.stack.connect.DebeziumPostgres;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The README's main job: pipeline {@code orders} of namespace {@code demo} on the local stack,
 * wired by hand as the operator will wire it. A Debezium connector with the contract's event
 * settings streams {@code public.orders} into Kafka; the real sink-worker keeps {@code demo.orders}
 * in ClickHouse equal to it through a snapshot, inserts, updates, deletes and an added column. Exit
 * code 0 when ClickHouse equals PostgreSQL.
 */
public final class DemoPipeline {
  static final String CONNECTOR = "demo.orders";
  static final String PREFIX = "demo_orders";
  static final String TOPIC = PREFIX + ".public.orders";
  static final String GROUP = "kubecdc.demo.orders.v1";

  /** Rendered into the connector and the worker config alike, as the operator will. */
  static final PipelineEvents EVENTS = PipelineEvents.forPipeline("demo", "orders");

  private DemoPipeline() {}

  public static void main(String[] args) throws Exception {
    LocalStack stack = new LocalStack(StackConfig.load(Map.of()));
    boolean equal = run(stack.endpoints(), stack.config().layout().repoRoot(), System.out);
    System.exit(equal ? 0 : 1);
  }

  /** Runs the pipeline once against a running stack; true when ClickHouse equals PostgreSQL. */
  public static boolean run(StackEndpoints ep, Path repoRoot, PrintStream out) throws Exception {
    ConnectRest connect = new ConnectRest(ep.connectUrl());
    DemoData data = new DemoData(ep);
    new DemoReset(ep).reset(CONNECTOR, PREFIX, TOPIC, GROUP);
    data.createSource(1_000);
    out.println("1. PostgreSQL: public.orders with 1,000 rows");

    Map<String, String> connector =
        new HashMap<>(DebeziumPostgres.config(ep, PREFIX, "public.orders"));
    connector.putAll(EVENTS.connectorSettings());
    connect.putConfig(CONNECTOR, connector);
    out.println(
        "2. Debezium connector " + CONNECTOR + ": contract event settings, password by reference");

    Path dir = Files.createDirectories(ep.secrets().getParent().resolve("demo"));
    int port = freePort();
    Path config = Files.writeString(dir.resolve("sink-worker.yaml"), WorkerConfig.yaml(ep, port));
    try (SinkWorkerProcess worker =
        SinkWorkerProcess.start(
            repoRoot, config, dir.resolve("sink-worker.log"), port, ep.clickhousePassword())) {
      worker.awaitReady(Duration.ofSeconds(60));
      out.println(
          "3. sink-worker ready (group " + GROUP + ", log " + dir.resolve("sink-worker.log") + ")");
      data.awaitEqual(Duration.ofSeconds(60));
      out.println(
          "4. snapshot: ClickHouse demo.orders equals PostgreSQL ("
              + data.targetCount()
              + " rows)");

      data.change(500, 300, 100);
      out.println("5. PostgreSQL: 500 inserts, 300 updates, 100 deletes, a new column 'coupon'");
      boolean equal = data.awaitEqual(Duration.ofSeconds(60));
      out.printf(
          "6. ClickHouse %s PostgreSQL: %d rows, sum(amount) %s; column added by the worker: %s%n",
          equal ? "equals" : "DIFFERS FROM",
          data.targetCount(),
          data.targetSum(),
          data.targetColumnType("coupon"));
      out.printf(
          "   worker: %.0f rows written, %.0f events, freshness %.2f s, %.0f dead letters%n",
          worker.metric("kubecdc_sink_rows_written_total"),
          worker.metric("kubecdc_sink_events_total"),
          worker.metric("kubecdc_sink_freshness_seconds"),
          worker.metric("kubecdc_sink_dead_letters_total"));
      int exit = worker.stop();
      ConnectorTeardown.remove(ep, CONNECTOR, PREFIX);
      out.println("7. sink-worker stopped by SIGTERM (exit " + exit + "); connector removed");
      out.println("   try: SELECT * FROM demo.orders FINAL WHERE _deleted = 0 LIMIT 10");
      return equal && exit == 0;
    }
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The sink-worker's YAML for this pipeline. */
  static final class WorkerConfig {
    private WorkerConfig() {}

    static String yaml(StackEndpoints ep, int httpPort) {
      return String.join(
          "\n",
          List.of(
              "kafka:",
              "  bootstrapServers: \"" + ep.kafkaBootstrap() + "\"",
              "  groupId: \"" + GROUP + "\"",
              "  maxEventBytes: " + EVENTS.sizeLimit().maxEventBytes(),
              "clickhouse:",
              "  url: \"" + ep.clickhouseUrl() + "\"",
              "  user: \"" + ep.clickhouseUser() + "\"",
              "tables:",
              "  - topic: \"" + TOPIC + "\"",
              "    database: demo",
              "    table: orders",
              "    keyColumns: [id]",
              "    columns:",
              "      - {name: id, type: Int64}",
              "      - {name: customer, type: String}",
              "      - {name: amount, type: \"Nullable(Decimal(12, 2))\"}",
              "      - {name: status, type: String}",
              "      - {name: created_at, type: \"DateTime64(6, 'UTC')\"}",
              "deadLetterTopic: \"" + PREFIX + ".dlq\"",
              "toastPlaceholder: \"" + EVENTS.toastPlaceholder() + "\"",
              "http:",
              "  port: " + httpPort,
              ""));
    }
  }
}
