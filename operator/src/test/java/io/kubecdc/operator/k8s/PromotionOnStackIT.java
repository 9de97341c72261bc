package io.kubecdc.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironment;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.PromotionPolicy;
import io.kubecdc.api.crd.v1alpha1.TableSpec;
import io.kubecdc.contract.PipelineNames;
import io.kubecdc.contract.TableName;
import io.kubecdc.operator.connect.ConnectClient;
import io.kubecdc.operator.connect.ConnectorConfig;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A promotion with the real data plane: the driver on the mock API server, the real core against
 * the local stack's PostgreSQL, Kafka, Connect with Debezium and ClickHouse, a staging and a prod
 * namespace whose environments both point at the stack, prod gated on staging (5 s). A table added
 * in prod alone is held: prod's Debezium connector keeps capturing the old table list; once staging
 * runs the same revision Ready and caught up, prod's connector captures the new table, with nobody
 * touching prod.
 *
 * <p>Quarantined (run it with {@code -Dkubecdc.it.promotionOnStack=true}): it passed 3 of 5 runs on
 * the loaded machine; in the others staging's status never showed a check with lag 0 after the
 * table was added (caughtUpAt stayed unset) within 90 s. The cause is not found yet.
 */
@LocalStackTest
@EnabledIfSystemProperty(named = "kubecdc.it.promotionOnStack", matches = "true")
class PromotionOnStackIT {
  @RegisterExtension
  static final MockOperator k8s =
      new MockOperator(
          Map.of(OperatorConfig.NOT_READY, "2s", OperatorConfig.RESYNC, "5s"),
          OperatorMain.defaultCore());

  private static final Duration WAIT = Duration.ofSeconds(90);
  private final StackEndpoints stack;
  private final StackEnvironment envs;
  private final String schema = "promo_" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> namespaces = new ArrayList<>();

  PromotionOnStackIT(StackEndpoints stack) {
    this.stack = stack;
    this.envs = new StackEnvironment(k8s, stack);
  }

  @Test
  void shouldHoldATableAddedInProdUntilStagingRunsItThenCaptureIt() throws Exception {
    sql(
        "CREATE SCHEMA " + schema,
        "CREATE TABLE " + schema + ".customers (id int PRIMARY KEY, name text)",
        "CREATE TABLE " + schema + ".orders (id int PRIMARY KEY, total numeric(10,2))");
    String staging = namespace();
    String prod = namespace();
    envs.create(staging);
    envs.create(prod);
    gate(prod, staging);
    k8s.client.resource(envs.pipeline(staging, "orders", schema, schema + ".customers")).create();
    awaitReady(staging);
    k8s.client.resource(envs.pipeline(prod, "orders", schema, schema + ".customers")).create();
    awaitPromoted(prod, "Promoted");
    awaitCaptured(prod, "customers");

    addOrders(prod);

    Condition held = awaitPromoted(prod, "PromotionGated");
    assertThat(held.getMessage()).contains(staging + "/orders runs revision");
    awaitCaptured(staging, "customers");
    assertThat(captured(prod)).containsExactly(schema + ".customers");

    addOrders(staging);
    // the stand-in Deployment controller: the workers of the new config report ready
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              k8s.markReady(staging, 2);
              CdcPipeline p = k8s.get(staging, MockOperator.PIPELINE);
              return p.getStatus().getApplied().getSpec().get("source").get("tables").size() == 2
                  && p.getStatus().getApplied().getCaughtUpAt() != null;
            });

    awaitPromoted(prod, "Promoted");
    awaitCaptured(prod, "customers", "orders");
  }

  private void gate(String prod, String staging) {
    PromotionPolicy policy = PromotionIT.gateOn(staging, "5s", 100);
    k8s.client
        .resources(CdcEnvironment.class)
        .inNamespace(prod)
        .withName("default")
        .edit(
            e -> {
              e.getSpec().setPromotion(policy);
              return e;
            });
  }

  private void addOrders(String ns) {
    TableSpec orders = new TableSpec();
    orders.setName(schema + ".orders");
    k8s.pipelineResource(ns)
        .edit(
            p -> {
              p.getSpec().getSource().getTables().add(orders);
              return p;
            });
  }

  private void awaitReady(String ns) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                k8s.client
                        .apps()
                        .deployments()
                        .inNamespace(ns)
                        .withName(MockOperator.WORKLOAD)
                        .get()
                    != null);
    k8s.markReady(ns, 2);
    k8s.awaitPipeline(ns, p -> "True".equals(condition(p, "Ready").getStatus()));
  }

  private Condition awaitPromoted(String ns, String reason) {
    return await()
        .atMost(WAIT)
        .until(
            () -> condition(k8s.get(ns, MockOperator.PIPELINE), "Promoted"),
            c -> reason.equals(c.getReason()));
  }

  /** Waits until the connector of {@code ns} captures exactly {@code tables} of the schema. */
  private void awaitCaptured(String ns, String... tables) {
    List<String> expected = new ArrayList<>();
    for (String t : tables) {
      expected.add(schema + "." + t);
    }
    await().atMost(WAIT).until(() -> captured(ns), expected::equals);
  }

  private List<String> captured(String ns) {
    String connector = new PipelineNames(ns, MockOperator.PIPELINE).connector();
    return ConnectClient.of(stack.connectUrl())
        .config(connector)
        .map(ConnectorConfig::capturedTables)
        .orElse(List.of())
        .stream()
        .map(TableName::toString)
        .toList();
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

  @AfterEach
  void deletePipelines() throws Exception {
    for (String ns : namespaces) {
      k8s.pipelineResource(ns).delete();
      await().atMost(WAIT).until(() -> k8s.get(ns, MockOperator.PIPELINE) == null);
    }
    namespaces.clear();
    envs.close();
  }

  private String namespace() {
    String ns = k8s.namespace();
    namespaces.add(ns);
    return ns;
  }

  private void sql(String... statements) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                stack.postgresJdbcUrl(), "postgres", stack.postgresPassword());
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }
}
