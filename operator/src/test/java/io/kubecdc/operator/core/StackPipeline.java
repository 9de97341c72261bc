package io.kubecdc.operator.core;

import static org.awaitility.Awaitility.await;

import io.kubecdc.api.crd.v1alpha1.CdcEnvironmentSpec;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.ClickHouseConnection;
import io.kubecdc.api.crd.v1alpha1.ClickHouseTarget;
import io.kubecdc.api.crd.v1alpha1.ConnectConnection;
import io.kubecdc.api.crd.v1alpha1.KafkaConnection;
import io.kubecdc.api.crd.v1alpha1.SourceConnection;
import io.kubecdc.api.crd.v1alpha1.SourceSelection;
import io.kubecdc.api.crd.v1alpha1.TableSpec;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import io.kubecdc.stack.FreePorts;
import io.kubecdc.stack.StackEndpoints;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A pipeline of the core's integration tests on the local stack: its request (source {@code shop}
 * on the stack's PostgreSQL, ClickHouse database {@code id}), SQL on the source, queries on
 * ClickHouse, and the sink-worker run as a process from a rendered config. Public for the driver's
 * end-to-end test on a real API server, which checks PostgreSQL and ClickHouse the same way.
 */
public final class StackPipeline {
  private final StackEndpoints stack;
  private final Path dir;
  final String id;

  public StackPipeline(StackEndpoints stack, Path dir, String id) {
    this.stack = stack;
    this.dir = dir;
    this.id = id;
  }

  /** A spec capturing {@code tables} of schema {@code id} into ClickHouse database {@code id}. */
  CdcPipelineSpec spec(List<String> tables) {
    CdcPipelineSpec spec = new CdcPipelineSpec();
    SourceSelection sel = new SourceSelection();
    sel.setName("shop");
    for (String t : tables) {
      TableSpec ts = new TableSpec();
      ts.setName(id + "." + t);
      sel.getTables().add(ts);
    }
    spec.setSource(sel);
    ClickHouseTarget target = new ClickHouseTarget();
    target.setDatabase(id);
    spec.setClickhouse(target);
    spec.getSink().getBatch().setMaxDelayMs(100);
    return spec;
  }

  /** {@link #spec}, with a teardown that deletes the topics and the ClickHouse tables too. */
  CdcPipelineSpec removableSpec(List<String> tables) {
    CdcPipelineSpec spec = spec(tables);
    spec.getDeletionPolicy().setTables(io.kubecdc.api.crd.v1alpha1.DeletionPolicy.Action.DELETE);
    spec.getDeletionPolicy().setTopics(io.kubecdc.api.crd.v1alpha1.DeletionPolicy.Action.DELETE);
    return spec;
  }

  /**
   * Tears the pipeline of a {@link #removableSpec} down, checks nothing was left behind, and drops
   * the ClickHouse database and the source schema {@code id}.
   */
  void removeAll(DefaultPipelineCore core, PipelineRequest request) throws Exception {
    org.assertj.core.api.Assertions.assertThat(core.teardown(request).leftovers()).isEmpty();
    try (ClientV2Gateway ch = clickhouse()) {
      ch.execute("DROP DATABASE IF EXISTS `" + id + "`");
    }
    pg("DROP SCHEMA " + id + " CASCADE");
  }

  PipelineRequest request(CdcPipelineSpec spec) {
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

  DefaultPipelineCore core() throws Exception {
    Path passwordFile = Files.writeString(dir.resolve("ch-password"), stack.clickhousePassword());
    return new DefaultPipelineCore(passwordFile.toString(), 1L << 30);
  }

  /** Reconciles until the connector runs; the last result. */
  static CoreResult reconcileUntilRunning(DefaultPipelineCore core, PipelineRequest request) {
    CoreResult[] last = new CoreResult[1];
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              last[0] = core.reconcile(request);
              PartState c = last[0].observation().parts().get(Part.CONNECTOR);
              return c != null && c.reason().equals("ConnectorRunning");
            });
    return last[0];
  }

  /** Runs the sink-worker of this module's build with {@code yaml} as its config. */
  Process startWorker(String yaml) throws Exception {
    return startWorker(yaml, "worker");
  }

  /**
   * The same, with config and log files named after {@code name} (several workers side by side).
   */
  Process startWorker(String yaml, String name) throws Exception {
    int port = FreePorts.any(); // 8080 may be another worker's, on this machine or in this JVM
    Path config =
        Files.writeString(
            dir.resolve(name + ".yaml"),
            io.kubecdc.operator.standalone.WorkerSupervisor.withHttpPort(yaml, port));
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-cp",
            workerClassPath(),
            "io.kubecdc.sink.SinkWorkerMain",
            "--config",
            config.toString());
    File log = dir.resolve(name + ".log").toFile();
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    return pb.start();
  }

  /** Stops a worker started by {@link #startWorker} (SIGTERM: it flushes and commits first). */
  static void stop(Process worker) throws InterruptedException {
    if (worker != null) {
      worker.destroy();
      worker.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  /** The class path of this build's sink-worker: its classes and the libraries its build copies. */
  public static String workerClassPath() {
    Path module =
        Path.of(System.getProperty("basedir", ".")).resolve("../sink-worker/target").normalize();
    return module.resolve("classes") + File.pathSeparator + module.resolve("lib") + "/*";
  }

  /** A ClickHouse client with the stack's credentials; the caller closes it. */
  public ClientV2Gateway clickhouse() {
    return io.kubecdc.operator.clickhouse.ClickHouseClients.open(
        stack.clickhouseUrl(), stack.clickhouseUser(), stack.clickhousePassword());
  }

  /** The rows of a ClickHouse query, each as its values joined by {@code |}. */
  public static List<String> rows(ClientV2Gateway ch, String sql) {
    List<String> out = new ArrayList<>();
    for (var row : ch.select(sql)) {
      out.add(String.join("|", row.values().stream().map(String::valueOf).toList()));
    }
    return out;
  }

  /** The query of view {@code <id>.<view>} (the stable name), as ClickHouse stores it. */
  public String viewQuery(ClientV2Gateway ch, String view) {
    return String.join(
        "\n",
        rows(
            ch,
            "SELECT as_select FROM system.tables WHERE database = '"
                + id
                + "' AND name = '"
                + view
                + "'"));
  }

  /** The columns of ClickHouse table {@code db.table} in order, each as {@code <name> <type>}. */
  public static List<String> columns(ClientV2Gateway ch, String db, String table) {
    return rows(
        ch,
        "SELECT concat(name, ' ', type) FROM system.columns WHERE database = '"
            + db
            + "' AND table = '"
            + table
            + "' ORDER BY position");
  }

  /**
   * Waits until the live rows ({@code FINAL}, not deleted) of ClickHouse table {@code id.table},
   * ordered by {@code id}, are {@code expected}, each as its {@code columns} joined by {@code |}.
   */
  public void awaitLiveRows(ClientV2Gateway ch, String table, String columns, String... expected) {
    await()
        .atMost(Duration.ofSeconds(90))
        .ignoreExceptions() // the database or table may not exist yet
        .untilAsserted(
            () ->
                org.assertj.core.api.Assertions.assertThat(
                        rows(
                            ch,
                            "SELECT "
                                + columns
                                + " FROM `"
                                + id
                                + "`.`"
                                + table
                                + "` FINAL WHERE _deleted = 0 ORDER BY id"))
                    .containsExactly(expected));
  }

  /** Drops what a test made: ClickHouse database {@code id} and PostgreSQL schema {@code id}. */
  public void drop() throws Exception {
    try (ClientV2Gateway ch = clickhouse()) {
      ch.execute("DROP DATABASE IF EXISTS `" + id + "`");
    }
    pg("DROP SCHEMA IF EXISTS " + id + " CASCADE");
  }

  /** Runs one PostgreSQL statement as the stack's superuser. */
  public void pg(String sql) throws Exception {
    try (Connection c =
        DriverManager.getConnection(
            stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword())) {
      c.createStatement().execute(sql);
    }
  }

  /** The rows of a PostgreSQL query, each as its values joined by {@code |} (null: "null"). */
  public List<String> pgRows(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
        ResultSet r = c.createStatement().executeQuery(sql)) {
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          values.add(String.valueOf(r.getString(i)));
        }
        out.add(String.join("|", values));
      }
    }
    return out;
  }

  /** {@code SELECT count(*) FROM <from>} in PostgreSQL. */
  public int count(String from) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
        ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM " + from)) {
      r.next();
      return r.getInt(1);
    }
  }
}
