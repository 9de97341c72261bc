package io.kubecdc.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.kubecdc.api.crd.v1alpha1.AppliedRevision;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironment;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.TableSpec;
import io.kubecdc.contract.PipelineNames;
import io.kubecdc.contract.TableName;
import io.kubecdc.kubetest.KubeTarget;
import io.kubecdc.kubetest.KubeTargetTest;
import io.kubecdc.kubetest.TestNamespace;
import io.kubecdc.operator.connect.ConnectClient;
import io.kubecdc.operator.connect.ConnectorConfig;
import io.kubecdc.operator.core.StackPipeline;
import io.kubecdc.operator.dev.DevKubelet;
import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;

/**
 * A promotion on the real data plane while the source is written all the time: the local stack's
 * API server, the real core against its PostgreSQL, Kafka, Connect with Debezium and ClickHouse,
 * sink-workers run as processes by the {@link DevKubelet}, a staging and a prod namespace whose
 * environments both point at the stack, prod gated on staging (Ready and caught up for 5 s). A
 * writer inserts into both source tables for the whole test, so staging's lag is never 0 at a
 * check: caught up is proven by the worker committing what was in the topics at readySince. A table
 * added in prod alone is held (prod's connector keeps capturing the old list); once staging runs
 * that revision Ready and caught up, prod captures the new table with nobody touching prod, and
 * ClickHouse ends equal to PostgreSQL.
 */
@LocalStackTest
class PromotionOnStackIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String PIPELINE = "orders";
  private final StackEndpoints stack;
  private final String schema = "promo" + UUID.randomUUID().toString().substring(0, 8);
  @TempDir Path dir;

  PromotionOnStackIT(StackEndpoints stack) {
    this.stack = stack;
  }

  @KubeTargetTest("real")
  void shouldHoldATableAddedInProdUntilStagingRunsItCaughtUpUnderWrites(
      KubeTarget target, TestNamespace prodNs) throws Exception {
    Assumptions.assumeTrue(
        target.kind() == KubeTarget.Kind.LOCAL_STACK,
        "needs worker pods run as local processes against the local stack");
    StackPipeline sql = new StackPipeline(stack, dir, schema);
    sql.pg(
        """
        CREATE SCHEMA %1$s;
        CREATE TABLE %1$s.customers (id int PRIMARY KEY, name text);
        CREATE TABLE %1$s.orders (id int PRIMARY KEY, total numeric(10,2));
        INSERT INTO %1$s.customers VALUES (1, 'Ada');
        """
            .formatted(schema));
    KubernetesClient admin = target.client();
    Operators.applyCrds(target);
    KubeStackEnvironment environment = new KubeStackEnvironment(stack, schema);
    ScheduledExecutorService loops = Executors.newScheduledThreadPool(2);
    try (TestNamespace stagingNs = TestNamespace.create(target, "staging");
        SourceWriter writer = new SourceWriter(stack, schema)) {
      String staging = stagingNs.name();
      String prod = prodNs.name();
      environment.applyTo(admin, staging);
      environment.applyTo(admin, prod);
      gate(admin, prod, staging);
      var config =
          OperatorConfig.load(
              Map.of(
                  OperatorConfig.NAMESPACES, staging + "," + prod,
                  OperatorConfig.NOT_READY, "2s",
                  OperatorConfig.RESYNC, "5s"));
      Operator operator = Operators.start(target, admin, config, c -> OperatorMain.defaultCore());
      DevKubelet kubelet =
          new DevKubelet(
              admin, Set.of(staging, prod), dir, StackPipeline.workerClassPath(), System.out);
      loops.scheduleWithFixedDelay(kubelet::sync, 0, 500, TimeUnit.MILLISECONDS);
      loops.scheduleWithFixedDelay(writer::write, 0, 50, TimeUnit.MILLISECONDS);
      try {
        admin.resource(pipeline(environment, staging, "customers")).create();
        awaitCaughtUp(admin, staging, 1);
        admin.resource(pipeline(environment, prod, "customers")).create();
        awaitPromoted(admin, prod, "Promoted");
        awaitCaptured(prod, "customers");

        addOrders(admin, prod);

        Condition held = awaitPromoted(admin, prod, "PromotionGated");
        assertThat(held.getMessage()).contains(staging + "/orders runs revision");
        assertThat(captured(prod)).containsExactly(schema + ".customers");

        addOrders(admin, staging);
        AppliedRevision proven = awaitCaughtUp(admin, staging, 2);
        assertThat(writer.written()).as("the writer ran throughout").isGreaterThan(20);
        assertThat(proven.getReadyOffsets()).isNotEmpty();

        awaitPromoted(admin, prod, "Promoted");
        awaitCaptured(prod, "customers", "orders");
        writer.stop();
        assertClickHouseEqualsPostgres(sql, writer);
      } finally {
        loops.shutdownNow();
        loops.awaitTermination(60, TimeUnit.SECONDS);
        Operators.forceDelete(admin, prod, WAIT);
        Operators.forceDelete(admin, staging, WAIT);
        kubelet.close();
        operator.stop();
      }
    } finally {
      try (ClientV2Gateway ch = sql.clickhouse()) {
        ch.execute("DROP DATABASE IF EXISTS `" + schema + "`");
      }
      sql.pg("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      environment.close();
    }
  }

  /** The e2e fixture in {@code ns}, capturing only {@code table} of the schema. */
  private static CdcPipeline pipeline(KubeStackEnvironment env, String ns, String table)
      throws Exception {
    CdcPipeline p = env.fixture("pipeline", CdcPipeline.class);
    p.getMetadata().setNamespace(ns);
    p.getSpec().getSource().getTables().removeIf(t -> !t.getName().endsWith("." + table));
    return p;
  }

  private static void gate(KubernetesClient admin, String prod, String staging) {
    admin
        .resources(CdcEnvironment.class)
        .inNamespace(prod)
        .withName("default")
        .edit(
            e -> {
              e.getSpec().setPromotion(PromotionIT.gateOn(staging, "5s", 100_000));
              return e;
            });
  }

  private void addOrders(KubernetesClient admin, String ns) {
    TableSpec orders = new TableSpec();
    orders.setName(schema + ".orders");
    admin
        .resources(CdcPipeline.class)
        .inNamespace(ns)
        .withName(PIPELINE)
        .edit(
            p -> {
              p.getSpec().getSource().getTables().add(orders);
              return p;
            });
  }

  /** Waits until {@code ns} runs the spec with {@code tables} tables, Ready and caught up. */
  private static AppliedRevision awaitCaughtUp(KubernetesClient admin, String ns, int tables) {
    return await("staging runs " + tables + " table(s) Ready and caught up")
        .atMost(WAIT)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              CdcPipeline p = get(admin, ns);
              return p == null || p.getStatus() == null ? null : p.getStatus().getApplied();
            },
            a ->
                a != null
                    && a.getSpec().get("source").get("tables").size() == tables
                    && a.getCaughtUpAt() != null);
  }

  private static Condition awaitPromoted(KubernetesClient admin, String ns, String reason) {
    return await(ns + " Promoted " + reason)
        .atMost(WAIT)
        .until(() -> condition(get(admin, ns), "Promoted"), c -> reason.equals(c.getReason()));
  }

  /** Waits until the connector of {@code ns} captures exactly {@code tables} of the schema. */
  private void awaitCaptured(String ns, String... tables) {
    List<String> expected = java.util.Arrays.stream(tables).map(t -> schema + "." + t).toList();
    await().atMost(WAIT).until(() -> captured(ns), expected::equals);
  }

  private List<String> captured(String ns) {
    String connector = new PipelineNames(ns, PIPELINE).connector();
    return ConnectClient.of(stack.connectUrl())
        .config(connector)
        .map(ConnectorConfig::capturedTables)
        .orElse(List.of())
        .stream()
        .map(TableName::toString)
        .toList();
  }

  /** Every row the writer wrote is in ClickHouse with its values, in both tables. */
  private void assertClickHouseEqualsPostgres(StackPipeline sql, SourceWriter writer)
      throws Exception {
    assertThat(writer.failures()).as("failed writes").isZero();
    List<String> customers =
        writer.rows("SELECT id || '|' || name FROM " + schema + ".customers ORDER BY id");
    List<String> orders =
        writer.rows("SELECT id || '|' || total FROM " + schema + ".orders ORDER BY id");
    try (ClientV2Gateway ch = sql.clickhouse()) {
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(chRows(ch, "concat(toString(id), '|', name)", "customers"))
                    .containsExactlyElementsOf(customers);
                assertThat(chRows(ch, "concat(toString(id), '|', toString(total))", "orders"))
                    .containsExactlyElementsOf(orders);
              });
    }
  }

  private List<String> chRows(ClientV2Gateway ch, String columns, String table) {
    return StackPipeline.rows(
        ch,
        "SELECT "
            + columns
            + " FROM `"
            + schema
            + "`.`"
            + table
            + "` FINAL WHERE _deleted = 0 ORDER BY id");
  }

  private static CdcPipeline get(KubernetesClient admin, String ns) {
    return admin.resources(CdcPipeline.class).inNamespace(ns).withName(PIPELINE).get();
  }

  private static Condition condition(CdcPipeline p, String type) {
    if (p == null || p.getStatus() == null) {
      return new Condition();
    }
    return p.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElse(new Condition());
  }
}
