package io.kubecdc.sink.e2e;

import static org.awaitility.Awaitility.await;

import io.kubecdc.contract.PipelineEvents;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.connect.ConnectRest;
import io.kubecdc.stack.connect.ConnectorTeardown;
import io.kubecdc.stack.connect.DebeziumPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One pipeline under test, by hand as the operator will do it: a PostgreSQL schema of its own, a
 * Debezium connector with the contract's event settings, a ClickHouse database, and the
 * sink-worker's YAML. Everything is named after a random id and removed by {@link #close()}.
 */
final class CdcFixture implements AutoCloseable {
  final String id = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  final StackEndpoints stack;
  private final ConnectRest connect;
  private final List<String> tables = new ArrayList<>();
  private final Path dir;
  private int checkpoint = 1;

  /** The pipeline's event settings, rendered into the connector and the worker config alike. */
  PipelineEvents events = PipelineEvents.forPipeline("e2e", id);

  CdcFixture(StackEndpoints stack, Path dir) throws SQLException {
    this.stack = stack;
    this.dir = dir;
    this.connect = new ConnectRest(stack.connectUrl());
    pg("CREATE SCHEMA " + id);
    ch("CREATE DATABASE IF NOT EXISTS " + id);
  }

  /**
   * Creates a source table (schema-qualified by the fixture) and remembers it for the connector.
   */
  void sourceTable(String name, String columnsSql) throws SQLException {
    pg("CREATE TABLE " + id + "." + name + " (" + columnsSql + ")");
    tables.add(name);
  }

  /** Creates the topic of {@code table} ahead of the connector: one partition, {@code configs}. */
  void createTopic(String table, Map<String, String> configs) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
      NewTopic topic = new NewTopic(topic(table), 1, (short) 1).configs(configs);
      admin.createTopics(List.of(topic)).all().get();
    }
  }

  String topic(String table) {
    return id + "." + id + "." + table;
  }

  void startConnector() {
    startConnector(Map.of());
  }

  /** Starts the connector on {@code includeList} (Debezium's comma-separated regexes). */
  void startConnector(String includeList) {
    startConnector(includeList, Map.of());
  }

  /** The connector with settings the operator adds per pipeline ({@code column.exclude.list}). */
  void startConnector(Map<String, String> extra) {
    startConnector(String.join(",", tables.stream().map(t -> id + "." + t).toList()), extra);
  }

  private void startConnector(String includeList, Map<String, String> extra) {
    Map<String, String> config = new HashMap<>(DebeziumPostgres.config(stack, id, ""));
    config.putAll(events.connectorSettings());
    config.putAll(extra);
    config.put("table.include.list", includeList);
    connect.putConfig(id, config);
    await().atMost(Duration.ofSeconds(60)).until(() -> connect.running(id));
  }

  /** The connector's REST status, e.g. for the failure trace of its task. */
  ConnectRest connect() {
    return connect;
  }

  /** The worker's YAML for the given tables (name -> key columns + ClickHouse column types). */
  Path workerConfig(List<TargetTable> targets, int httpPort, String extraYaml) throws IOException {
    return workerConfig(
        id, targets, t -> topic(t.name()), httpPort, extraYaml, Map.of(), stack.clickhouseUrl());
  }

  /** As above, with {@code outOfRange} choices by column name. */
  Path workerConfig(
      List<TargetTable> targets, int httpPort, String extraYaml, Map<String, String> outOfRange)
      throws IOException {
    return workerConfig(
        id, targets, t -> topic(t.name()), httpPort, extraYaml, outOfRange, stack.clickhouseUrl());
  }

  /** The same, with the worker reaching ClickHouse at {@code clickhouseUrl} (a proxy, say). */
  Path workerConfig(List<TargetTable> targets, int httpPort, String extraYaml, String clickhouseUrl)
      throws IOException {
    return workerConfig(
        id, targets, t -> topic(t.name()), httpPort, extraYaml, Map.of(), clickhouseUrl);
  }

  /** The worker's YAML for tables in ClickHouse {@code database}, each read from its topic. */
  Path workerConfig(
      String database,
      List<TargetTable> targets,
      Function<TargetTable, String> topicOf,
      int httpPort,
      String extraYaml)
      throws IOException {
    return workerConfig(
        database, targets, topicOf, httpPort, extraYaml, Map.of(), stack.clickhouseUrl());
  }

  private Path workerConfig(
      String database,
      List<TargetTable> targets,
      Function<TargetTable, String> topicOf,
      int httpPort,
      String extraYaml,
      Map<String, String> outOfRange,
      String clickhouseUrl)
      throws IOException {
    StringBuilder y = new StringBuilder();
    y.append("kafka:\n  bootstrapServers: \"").append(stack.kafkaBootstrap()).append("\"\n");
    y.append("  groupId: \"kubecdc.test.")
        .append(id)
        .append(".v")
        .append(checkpoint)
        .append("\"\n");
    y.append("  maxEventBytes: ").append(events.sizeLimit().maxEventBytes()).append("\n");
    y.append("clickhouse:\n  url: \"").append(clickhouseUrl).append("\"\n");
    y.append("  user: \"").append(stack.clickhouseUser()).append("\"\n");
    y.append("tables:\n");
    for (TargetTable t : targets) {
      y.append("  - topic: ").append(yaml(topicOf.apply(t))).append('\n');
      y.append("    database: ").append(yaml(database)).append('\n');
      y.append("    table: ").append(yaml(t.name())).append('\n');
      y.append("    keyColumns: [")
          .append(String.join(", ", t.keys().stream().map(CdcFixture::yaml).toList()))
          .append("]\n");
      y.append("    columns:\n");
      t.columns()
          .forEach(
              (name, type) ->
                  y.append("      - {name: ")
                      .append(yaml(name))
                      .append(", type: ")
                      .append(yaml(type))
                      .append(
                          outOfRange.containsKey(name)
                              ? ", outOfRange: " + outOfRange.get(name)
                              : "")
                      .append("}\n"));
    }
    y.append("deadLetterTopic: \"").append(id).append(".dlq\"\n");
    y.append("toastPlaceholder: \"").append(events.toastPlaceholder()).append("\"\n");
    y.append("http:\n  port: ").append(httpPort).append("\n");
    y.append(extraYaml);
    Path file = dir.resolve(id + ".yaml");
    Files.writeString(file, y.toString());
    return file;
  }

  /** A YAML double-quoted scalar: any name, quotes and backslashes included. */
  static String yaml(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** The next worker configs use a fresh consumer group, which reads the topics from the start. */
  void nextCheckpoint() {
    checkpoint++;
  }

  WorkerProcess worker(Path config, int httpPort) {
    return new WorkerProcess(
        config,
        dir.resolve(id + "-worker.log"),
        httpPort,
        Map.of("CLICKHOUSE_PASSWORD", stack.clickhousePassword()));
  }

  /**
   * Starts the worker for one table with the fixture's event settings and waits until it is ready.
   */
  WorkerProcess startWorker(TargetTable table, String maxHeap) throws IOException {
    int port = freePort();
    Path config = workerConfig(List.of(table), port, "");
    WorkerProcess worker = worker(config, port).maxHeap(maxHeap).start();
    worker.awaitReady();
    return worker;
  }

  /** Target columns in order, from name and type pairs. */
  static Map<String, String> columns(String... nameThenType) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (int i = 0; i < nameThenType.length; i += 2) {
      columns.put(nameThenType[i], nameThenType[i + 1]);
    }
    return columns;
  }

  void pg(String... statements) throws SQLException {
    try (Connection c = pgConnection();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  Connection pgConnection() throws SQLException {
    return DriverManager.getConnection(
        stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
  }

  Connection chConnection() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", stack.clickhouseUser());
    p.setProperty("password", stack.clickhousePassword());
    return DriverManager.getConnection("jdbc:clickhouse:" + stack.clickhouseUrl() + "/default", p);
  }

  void ch(String... statements) throws SQLException {
    try (Connection c = chConnection();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /**
   * Waits until ClickHouse answers {@code chSql} with the rows PostgreSQL answers {@code pgSql}
   * with, both normalised (see {@link Normalize}).
   */
  void awaitSameRows(String pgSql, String chSql) throws SQLException {
    try (Connection pg = pgConnection();
        Connection ch = chConnection()) {
      List<List<Object>> expected = Normalize.rows(rows(pg, pgSql));
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .untilAsserted(
              () ->
                  org.assertj.core.api.Assertions.assertThat(Normalize.rows(rows(ch, chSql)))
                      .isEqualTo(expected));
    }
  }

  /**
   * Waits until the live rows of {@code table} (schema-qualified) in ClickHouse equal its rows in
   * PostgreSQL, as {@code columns} in {@code orderBy} order.
   */
  void awaitSameLiveRows(String table, String columns, String orderBy) throws SQLException {
    awaitSameRows(
        "SELECT " + columns + " FROM " + table + " ORDER BY " + orderBy,
        "SELECT " + columns + " FROM " + table + " FINAL WHERE _deleted = 0 ORDER BY " + orderBy);
  }

  /**
   * The first {@code n} records of a table's topic, read with a group of their own (the worker's
   * offsets stay untouched).
   */
  List<byte[]> records(String table, int n) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, id + ".probe");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    List<byte[]> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      consumer.subscribe(List.of(topic(table)));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
                return out.size() >= n;
              });
    }
    return out.subList(0, n);
  }

  long chLong(String sql) throws SQLException {
    try (Connection c = chConnection()) {
      return ((Number) rows(c, sql).get(0).get(0)).longValue();
    }
  }

  /** A check that holds once the chain has caught up: retried for up to 60 s. */
  interface Check {
    void run() throws Exception;
  }

  static void eventually(Check check) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .untilAsserted(check::run);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    ConnectorTeardown.remove(stack, id, id);
    pg("DROP SCHEMA " + id + " CASCADE");
    ch("DROP DATABASE IF EXISTS " + id);
  }

  /** A target table as the operator will derive it from the source catalog. */
  record TargetTable(String name, List<String> keys, Map<String, String> columns) {}
}
