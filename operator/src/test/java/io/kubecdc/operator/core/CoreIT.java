package io.kubecdc.operator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.api.crd.v1alpha1.CdcEnvironmentSpec;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.ClickHouseConnection;
import io.kubecdc.api.crd.v1alpha1.ClickHouseTarget;
import io.kubecdc.api.crd.v1alpha1.ConnectConnection;
import io.kubecdc.api.crd.v1alpha1.DeletionPolicy;
import io.kubecdc.api.crd.v1alpha1.KafkaConnection;
import io.kubecdc.api.crd.v1alpha1.SourceConnection;
import io.kubecdc.api.crd.v1alpha1.SourceSelection;
import io.kubecdc.api.crd.v1alpha1.TableSpec;
import io.kubecdc.operator.status.Health;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole core on the real local stack: a two-table pipeline reconciled into topics, tables and a
 * running connector; the worker run from the rendered config; changes in PostgreSQL equal in
 * ClickHouse; then the teardown leaves no slot, publication, topic or table behind.
 */
@LocalStackTest
class CoreIT {
  private final StackEndpoints stack;
  private final String id = "core" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  @TempDir Path dir;

  CoreIT(StackEndpoints stack) {
    this.stack = stack;
  }

  private PipelineRequest request() {
    SourceConnection source = new SourceConnection();
    source.setHost(stack.postgresHost());
    source.setPort(stack.postgresPort());
    source.setDatabase("postgres");
    source.setSslMode(SourceConnection.SslMode.DISABLE);
    CdcEnvironmentSpec env = new CdcEnvironmentSpec();
    env.getSources().put("shop", source);
    KafkaConnection kafka = new KafkaConnection();
    kafka.setBootstrapServers(stack.kafkaBootstrap());
    env.setKafka(kafka);
    ConnectConnection connect = new ConnectConnection();
    connect.setUrl(stack.connectUrl());
    env.setConnect(connect);
    ClickHouseConnection ch = new ClickHouseConnection();
    ch.setUrl(stack.clickhouseUrl());
    env.setClickhouse(ch);

    CdcPipelineSpec spec = new CdcPipelineSpec();
    SourceSelection sel = new SourceSelection();
    sel.setName("shop");
    for (String t : List.of("customers", "\"Order Items\"")) {
      TableSpec ts = new TableSpec();
      ts.setName(id + "." + t);
      sel.getTables().add(ts);
    }
    sel.getTables().get(0).getExcludeColumns().add("secret_note");
    spec.setSource(sel);
    ClickHouseTarget target = new ClickHouseTarget();
    target.setDatabase(id);
    spec.setClickhouse(target);
    spec.getSink().getBatch().setMaxDelayMs(100);
    spec.getDeletionPolicy().setTables(DeletionPolicy.Action.DELETE);
    spec.getDeletionPolicy().setTopics(DeletionPolicy.Action.DELETE);
    Secrets secrets =
        new Secrets(
            new Secrets.Credentials(
                stack.postgresUser(),
                stack.postgresPassword(),
                stack.postgresUser(),
                stack.postgresPasswordReference()),
            new Secrets.Credentials(stack.clickhouseUser(), stack.clickhousePassword(), "", ""));
    return new PipelineRequest("it", id, 1, spec, env, secrets, List.of());
  }

  @Test
  void shouldRunAPipelineFromTheRequestAloneAndRemoveEverythingAfterwards() throws Exception {
    pg("CREATE SCHEMA " + id);
    pg("CREATE TABLE " + id + ".customers (id int PRIMARY KEY, name text, secret_note text)");
    pg(
        "CREATE TABLE "
            + id
            + ".\"Order Items\" (id bigint PRIMARY KEY, customer_id int, amount numeric(10,2))");
    pg("INSERT INTO " + id + ".customers VALUES (1, 'Ada', 'x'), (2, 'Grace', 'y')");
    pg("INSERT INTO " + id + ".\"Order Items\" VALUES (10, 1, 9.99)");
    Path passwordFile = Files.writeString(dir.resolve("ch-password"), stack.clickhousePassword());
    DefaultPipelineCore core = new DefaultPipelineCore(passwordFile.toString(), 1L << 30);
    PipelineRequest request = request();

    CoreResult[] last = new CoreResult[1];
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              last[0] = core.reconcile(request);
              return last[0].observation().parts().get(Part.CONNECTOR) != null
                  && last[0]
                      .observation()
                      .parts()
                      .get(Part.CONNECTOR)
                      .reason()
                      .equals("ConnectorRunning");
            });
    CoreResult r = last[0];
    for (Part p : List.of(Part.SOURCE, Part.TOPICS, Part.TABLES, Part.CONNECTOR)) {
      PartState s = r.observation().parts().get(p);
      assertThat(s.health()).as(p + ": " + s.message()).isEqualTo(Health.READY);
    }
    assertThat(r.tables())
        .extracting(t -> t.getTopic())
        .containsExactly(
            "it." + id + "." + id + ".customers", "it." + id + "." + id + ".Order_Items");
    assertThat(r.workerConfig())
        .hasValueSatisfying(
            y ->
                assertThat(y)
                    .doesNotContain(stack.clickhousePassword())
                    .doesNotContain(stack.postgresPassword()));
    assertThat(r.slot())
        .hasValueSatisfying(s -> assertThat(s.getName()).isEqualTo("kubecdc_it_" + id));

    Path config = Files.writeString(dir.resolve("sink.yaml"), r.workerConfig().orElseThrow());
    Process worker = startWorker(config);
    try (ClientV2Gateway ch =
        io.kubecdc.operator.clickhouse.ClickHouseClients.open(
            stack.clickhouseUrl(), stack.clickhouseUser(), stack.clickhousePassword())) {
      pg("INSERT INTO " + id + ".customers VALUES (3, 'Linus', 'z')");
      pg("UPDATE " + id + ".customers SET name = 'Ada L.' WHERE id = 1");
      pg("DELETE FROM " + id + ".customers WHERE id = 2");
      pg("INSERT INTO " + id + ".\"Order Items\" VALUES (11, 3, 100.50)");
      await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () -> {
                assertThat(
                        rows(
                            ch,
                            "SELECT id, name FROM `"
                                + id
                                + "`.`customers` FINAL WHERE _deleted = 0 ORDER BY id"))
                    .containsExactly("1|Ada L.", "3|Linus");
                assertThat(
                        rows(
                            ch,
                            "SELECT id, amount FROM `"
                                + id
                                + "`.`Order Items` FINAL WHERE _deleted = 0 ORDER BY id"))
                    .containsExactly("10|9.99", "11|100.50");
              });
      assertThat(ch.columns(id, "customers"))
          .extracting(c -> c.name())
          .containsExactly("id", "name");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  core.reconcile(request).tables().stream()
                      .allMatch(t -> t.getLag() != null && t.getLag() == 0));
    } finally {
      worker.destroy();
      worker.waitFor(60, TimeUnit.SECONDS);
    }

    TeardownResult down = core.teardown(request);
    assertThat(down.leftovers()).isEmpty();
    assertThat(count("pg_replication_slots WHERE slot_name = 'kubecdc_it_" + id + "'")).isZero();
    assertThat(count("pg_publication WHERE pubname = 'kubecdc_it_" + id + "'")).isZero();
    try (ClientV2Gateway ch =
        io.kubecdc.operator.clickhouse.ClickHouseClients.open(
            stack.clickhouseUrl(), stack.clickhouseUser(), stack.clickhousePassword())) {
      assertThat(rows(ch, "SELECT count() FROM system.tables WHERE database = '" + id + "'"))
          .containsExactly("0");
      ch.execute("DROP DATABASE IF EXISTS `" + id + "`");
    }
    pg("DROP SCHEMA " + id + " CASCADE");
  }

  private Process startWorker(Path config) throws Exception {
    Path module =
        Path.of(System.getProperty("basedir", ".")).resolve("../sink-worker/target").normalize();
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-cp",
            module.resolve("classes") + File.pathSeparator + module.resolve("lib") + "/*",
            "io.kubecdc.sink.SinkWorkerMain",
            "--config",
            config.toString());
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("worker.log").toFile());
    return pb.start();
  }

  private static List<String> rows(ClientV2Gateway ch, String sql) {
    List<String> out = new ArrayList<>();
    for (var row : ch.select(sql)) {
      out.add(String.join("|", row.values().stream().map(String::valueOf).toList()));
    }
    return out;
  }

  private void pg(String sql) throws Exception {
    try (Connection c =
        DriverManager.getConnection(
            stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword())) {
      c.createStatement().execute(sql);
    }
  }

  private int count(String from) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
        ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM " + from)) {
      r.next();
      return r.getInt(1);
    }
  }
}
