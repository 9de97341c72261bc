package io.kubecdc.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.Phase;
import io.kubecdc.contract.PipelineNames;
import io.kubecdc.operator.connect.ConnectClient;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import io.kubecdc.stack.service.TemporaryPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A source that cannot feed a pipeline, seen through the operator as a user sees it: the driver on
 * the mock API server, the real core against the local stack's PostgreSQL (or a second PostgreSQL
 * with other settings), Kafka, Connect and ClickHouse. Each break shows SourceReady=False with its
 * reason and a message that names the fix, Ready=False blaming it, phase Failed, a Warning Event,
 * and no connector in Connect; fixing the cause outside Kubernetes makes the pipeline Ready at a
 * later recheck, without touching the resource.
 */
@LocalStackTest
class BrokenSourceIT {
  @RegisterExtension
  static final MockOperator k8s =
      new MockOperator(Map.of(OperatorConfig.NOT_READY, "1s"), OperatorMain.defaultCore());

  private static final Duration READY_WITHIN = Duration.ofSeconds(90);
  private final StackEndpoints stack;
  private final StackEnvironment envs;
  private final String schema = "broken_" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> namespaces = new ArrayList<>();

  BrokenSourceIT(StackEndpoints stack) {
    this.stack = stack;
    this.envs = new StackEnvironment(k8s, stack);
  }

  @Test
  void shouldSayThePasswordIsWrongAndRecoverOnceTheSecretHoldsTheRightOne() throws Exception {
    sql(stack.postgresJdbcUrl(), "CREATE SCHEMA " + schema, table("customers", "PRIMARY KEY"));
    String ns = namespace();
    envs.create(ns, stack.postgresHost(), stack.postgresPort(), "not-the-password");
    create(ns, "customers");

    Condition source = awaitBroken(ns, "AuthenticationFailed");
    assertThat(source.getMessage())
        .contains("password authentication failed for user \"postgres\"")
        .contains("credentialsSecret")
        .doesNotContain("not-the-password");

    envs.setSourcePassword(ns, stack.postgresPassword());
    awaitReady(ns);
  }

  @Test
  void shouldNameTheMissingTableAndRecoverOnceItExists() throws Exception {
    sql(stack.postgresJdbcUrl(), "CREATE SCHEMA " + schema);
    String ns = namespace();
    envs.create(ns);
    create(ns, "customers");

    Condition source = awaitBroken(ns, "TableNotFound");
    assertThat(source.getMessage())
        .contains(schema + ".customers not found in database postgres")
        .contains("spec.source.tables");

    sql(stack.postgresJdbcUrl(), table("customers", "PRIMARY KEY"));
    awaitReady(ns);
  }

  @Test
  void shouldGiveTheSqlForATableWithoutKeyAndRecoverOnceItRuns() throws Exception {
    // NOT NULL: with nullable columns the all-columns ORDER BY is refused by ClickHouse
    // (allow_nullable_key), so REPLICA IDENTITY FULL alone does not make such a table work yet
    sql(stack.postgresJdbcUrl(), "CREATE SCHEMA " + schema, table("events", "NOT NULL"));
    String ns = namespace();
    envs.create(ns);
    create(ns, "events");

    Condition source = awaitBroken(ns, "TableWithoutKey");
    assertThat(source.getMessage()).contains(schema + ".events").contains("Add a primary key");

    sql(stack.postgresJdbcUrl(), fix(source, "ALTER TABLE \\S+ REPLICA IDENTITY FULL;"));
    awaitReady(ns);
  }

  /** One server, two breaks in the order a user meets them: wal_level, then no free slot. */
  @Test
  void shouldSayWalLevelIsNotLogicalThenThatNoSlotIsFreeAndRecoverOnceBothAreFixed()
      throws Exception {
    String settings = "wal_level = replica\nmax_replication_slots = 1\n";
    try (TemporaryPostgres pg = TemporaryPostgres.start(stack.postgresPassword(), settings)) {
      sql(
          pg.jdbcUrl(),
          "CREATE SCHEMA " + schema,
          table("orders", "PRIMARY KEY"),
          "SELECT pg_create_physical_replication_slot('standby_gone')");
      String ns = namespace();
      envs.create(ns, pg.host(), pg.port(), stack.postgresPassword());
      create(ns, "orders");

      Condition wal = awaitBroken(ns, "WalLevelNotLogical");
      assertThat(wal.getMessage()).contains("wal_level is 'replica'").contains("restart");
      sql(pg.jdbcUrl(), fix(wal, "ALTER SYSTEM SET wal_level = logical;"));
      pg.restart();

      Condition slots = awaitBroken(ns, "NoFreeReplicationSlot");
      assertThat(slots.getMessage())
          .contains("all 1 replication slots are in use")
          .contains("inactive: standby_gone");
      sql(pg.jdbcUrl(), "SELECT pg_drop_replication_slot('standby_gone')");
      awaitReady(ns);
      deletePipelines();
    }
  }

  /** Deleting runs the real teardown: connector, slot and publication go, so nothing leaks. */
  @AfterEach
  void deletePipelines() throws Exception {
    for (String ns : namespaces) {
      k8s.pipelineResource(ns).delete();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> k8s.get(ns, MockOperator.PIPELINE) == null);
    }
    namespaces.clear();
    envs.close();
  }

  private String namespace() {
    String ns = k8s.namespace();
    namespaces.add(ns);
    return ns;
  }

  private void create(String ns, String table) {
    CdcPipeline p = envs.pipeline(ns, MockOperator.PIPELINE, schema, schema + "." + table);
    k8s.client.resource(p).create();
  }

  /** Waits for SourceReady=False with {@code reason} and checks what else the user sees. */
  private Condition awaitBroken(String ns, String reason) {
    CdcPipeline p =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> k8s.get(ns, MockOperator.PIPELINE),
                x ->
                    x.getStatus() != null
                        && reason.equals(condition(x, "SourceReady").getReason()));
    Condition source = condition(p, "SourceReady");
    assertThat(source.getStatus()).isEqualTo("False");
    Condition ready = condition(p, "Ready");
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo(reason);
    assertThat(ready.getMessage()).isEqualTo("SourceReady: " + source.getMessage());
    assertThat(p.getStatus().getPhase()).isEqualTo(Phase.Failed);
    await().untilAsserted(() -> assertThat(k8s.events(ns)).contains("Warning/" + reason));
    String connector = new PipelineNames(ns, MockOperator.PIPELINE).connector();
    assertThat(ConnectClient.of(stack.connectUrl()).status(connector)).isEmpty();
    return source;
  }

  /** Ready once the (simulated) Deployment controller reports the workers ready. */
  private void awaitReady(String ns) {
    CdcPipeline p;
    try {
      await()
          .atMost(READY_WITHIN)
          .until(
              () -> k8s.client.apps().deployments().inNamespace(ns).withName("orders-sink").get(),
              Objects::nonNull);
      k8s.markReady(ns, 2);
      p =
          await()
              .atMost(READY_WITHIN)
              .until(
                  () -> k8s.get(ns, MockOperator.PIPELINE),
                  x -> x.getStatus() != null && "True".equals(condition(x, "Ready").getStatus()));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "not Ready: " + k8s.get(ns, MockOperator.PIPELINE).getStatus().getConditions(), e);
    }
    assertThat(condition(p, "SourceReady").getReason()).isEqualTo("SourceChecked");
    assertThat(p.getStatus().getPhase()).isIn(Phase.Streaming, Phase.Snapshotting);
    assertThat(k8s.events(ns)).contains("Normal/Streaming");
  }

  /** The SQL the condition's message tells the user to run. */
  private static String fix(Condition c, String regex) {
    Matcher m = Pattern.compile(regex).matcher(c.getMessage());
    assertThat(m.find()).as("message gives the fix %s: %s", regex, c.getMessage()).isTrue();
    return m.group();
  }

  private String table(String name, String key) {
    return "CREATE TABLE " + schema + "." + name + " (id int " + key + ", note text NOT NULL)";
  }

  private static Condition condition(CdcPipeline p, String type) {
    return p.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }

  private void sql(String url, String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", stack.postgresPassword());
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }
}
