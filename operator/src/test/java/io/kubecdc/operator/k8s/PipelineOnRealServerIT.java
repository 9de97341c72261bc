package io.kubecdc.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.Operator;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.DashboardTable;
import io.kubecdc.api.crd.v1alpha1.Phase;
import io.kubecdc.api.crd.v1alpha1.TableStatus;
import io.kubecdc.contract.PipelineNames;
import io.kubecdc.kubetest.KubeTarget;
import io.kubecdc.kubetest.KubeTargetTest;
import io.kubecdc.kubetest.TestNamespace;
import io.kubecdc.operator.connect.ConnectClient;
import io.kubecdc.operator.connect.ConnectorState;
import io.kubecdc.operator.core.StackPipeline;
import io.kubecdc.operator.dev.DevKubelet;
import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator end to end, as a user runs it: on a real API server (the local stack's
 * kube-apiserver and controller manager), with JOSDK's defaults (server-side apply), the real core
 * and the real PostgreSQL, Kafka, Connect with Debezium and ClickHouse, acting as a ServiceAccount
 * bound to exactly the rules of {@code rbac-rules.yaml}. There is no kubelet: the {@link
 * DevKubelet} runs each worker pod as a process from what its spec references (the rendered
 * ConfigMap, the mounted Secret) and reports it Ready while its {@code /readyz} answers. Every API
 * call of the operator is recorded and held against the rules.
 */
@LocalStackTest
class PipelineOnRealServerIT {
  private static final Duration LONG = Duration.ofSeconds(120);
  private static final String WORKLOAD = "orders-sink";

  /**
   * Allowed verbs that this run cannot reach, each with the code path that needs it: the test fails
   * when a rule is neither used nor listed here, so an unneeded permission cannot creep in.
   */
  private static final Map<String, String> NOT_REACHED =
      Map.of(
          "/services update",
          "SinkServiceDependent (no SSA) when the Service's labels change with the worker image",
          "kubecdc.io/cdcpipelines get",
          "PipelineDeletion reads the pipeline before it patches the status of a deletion that"
              + " waits for leftovers (DeletionIT)");

  private static final AtomicReference<String> LAST_SEEN = new AtomicReference<>("");
  private final StackEndpoints stack;
  private StackPipeline sql;
  private final String schema = "kube" + UUID.randomUUID().toString().substring(0, 8);
  @TempDir Path dir;

  PipelineOnRealServerIT(StackEndpoints stack) {
    this.stack = stack;
  }

  @KubeTargetTest("real")
  void shouldRunAPipelineUnderTheOperatorsRoleFromApplyToDeletion(
      KubeTarget target, TestNamespace namespace) throws Exception {
    Assumptions.assumeTrue(
        target.kind() == KubeTarget.Kind.LOCAL_STACK,
        "needs the local stack's services reachable from the worker pods and a pod whose status"
            + " the test reports: on an outside cluster the pods would run an image no registry"
            + " has, and the kubelet owns their status");
    String ns = namespace.name();
    sql = new StackPipeline(stack, dir, schema);
    KubernetesClient admin = target.client();
    Operators.applyCrds(target);
    sourceTables();
    KubeStackEnvironment environment = new KubeStackEnvironment(stack, schema);
    environment.applyTo(admin, ns);
    ApiCalls calls = new ApiCalls();
    KubernetesClient asOperator =
        calls.recording(
            namespace.serviceAccountClient(
                "kubecdc-operator", ApiCalls.rules().toArray(PolicyRule[]::new)));
    var config =
        OperatorConfig.load(Map.of(OperatorConfig.NAMESPACES, ns, OperatorConfig.NOT_READY, "2s"));
    Operator operator =
        Operators.start(target, asOperator, config, c -> OperatorMain.defaultCore());
    DevKubelet kubelet =
        new DevKubelet(admin, Set.of(ns), dir, StackPipeline.workerClassPath(), System.out);
    ScheduledExecutorService kubeletLoop = Executors.newSingleThreadScheduledExecutor();
    try {
      CdcPipeline pipeline = environment.fixture("pipeline", CdcPipeline.class);
      pipeline.getSpec().getClickhouse().setDashboardTables(new DashboardTable());
      admin.resource(pipeline).inNamespace(ns).create();
      CdcPipeline created = awaitPipeline(admin, ns, p -> p.getStatus() != null);
      assertOwnedWorkerObjects(admin, ns, created);
      String sinkYaml =
          admin.configMaps().inNamespace(ns).withName(WORKLOAD).get().getData().get("sink.yaml");
      assertThat(sinkYaml)
          .doesNotContain(stack.clickhousePassword())
          .doesNotContainPattern("(?m)^http:");
      kubeletLoop.scheduleWithFixedDelay(kubelet::sync, 0, 500, TimeUnit.MILLISECONDS);
      await()
          .atMost(LONG)
          .until(
              () -> admin.apps().deployments().inNamespace(ns).withName(WORKLOAD).get(),
              d -> FakeKubelet.showsReplicas(d, 1));

      CdcPipeline ready = awaitPipeline(admin, ns, PipelineOnRealServerIT::isReady);
      assertThat(ready.getStatus().getPhase()).isEqualTo(Phase.Streaming);
      assertThat(ready.getStatus().getTablesReady()).isEqualTo("2/2");
      assertOutsideState(ready, ns);
      // the dashboard tables' status passes the real server's schema (nothing pruned)
      CdcPipeline withCopies =
          awaitPipeline(
              admin,
              ns,
              p -> p.getStatus().getTables().stream().allMatch(t -> t.getDashboardTable() != null));
      assertThat(withCopies.getStatus().getTables())
          .extracting(t -> t.getDashboardTable().getName())
          .allMatch(n -> n.startsWith(schema + ".") && n.endsWith("_current"));
      assertThat(withCopies.getStatus().getTables())
          .extracting(t -> t.getDashboardTable().getRefreshStatus())
          .doesNotContainNull()
          .doesNotContain("Failed");
      assertChangesReachClickHouse();

      assertBatchingChangeRollsTheWorkers(admin, ns);
      assertPauseStopsConnectorAndWorkers(admin, ns);
      await("the worker process stopped with its pod")
          .atMost(LONG)
          .until(() -> kubelet.workers() == 0);

      admin.resources(CdcPipeline.class).inNamespace(ns).withName("orders").delete();
      await().atMost(LONG).until(() -> pipeline(admin, ns) == null);
      assertTornDownPerPolicy(ready, ns);
    } finally {
      kubeletLoop.shutdownNow();
      kubeletLoop.awaitTermination(60, TimeUnit.SECONDS);
      kubelet.close();
      Operators.forceDelete(admin, ns);
      operator.stop();
      asOperator.close();
      try (ClientV2Gateway ch = sql.clickhouse()) {
        ch.execute("DROP DATABASE IF EXISTS `" + schema + "`");
      }
      sql.pg("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      environment.close();
    }
    assertCallsMatchTheRules(calls.calls());
  }

  private void sourceTables() throws Exception {
    sql.pg(
        """
        CREATE SCHEMA %1$s;
        CREATE TABLE %1$s.customers (id int PRIMARY KEY, name text);
        CREATE TABLE %1$s.orders (id bigint PRIMARY KEY, customer_id int, amount numeric(10,2));
        INSERT INTO %1$s.customers VALUES (1, 'Ada'), (2, 'Grace');
        INSERT INTO %1$s.orders VALUES (10, 1, 9.99);
        """
            .formatted(schema));
  }

  private static void assertOwnedWorkerObjects(KubernetesClient admin, String ns, CdcPipeline p) {
    String uid = p.getMetadata().getUid();
    List<HasMetadata> objects =
        await()
            .atMost(LONG)
            .until(
                () ->
                    java.util.Arrays.asList(
                        admin.configMaps().inNamespace(ns).withName(WORKLOAD).get(),
                        admin.apps().deployments().inNamespace(ns).withName(WORKLOAD).get(),
                        admin.services().inNamespace(ns).withName(WORKLOAD).get()),
                l -> l.stream().allMatch(Objects::nonNull));
    assertThat(objects)
        .allSatisfy(
            o ->
                assertThat(o.getMetadata().getOwnerReferences())
                    .singleElement()
                    .satisfies(
                        r -> {
                          assertThat(r.getKind()).isEqualTo("CdcPipeline");
                          assertThat(r.getUid()).isEqualTo(uid);
                        }));
  }

  private void assertOutsideState(CdcPipeline ready, String ns) throws Exception {
    List<String> topics =
        ready.getStatus().getTables().stream().map(TableStatus::getTopic).toList();
    try (Admin kafka = kafka()) {
      assertThat(kafka.listTopics().names().get()).containsAll(topics);
    }
    Optional<ConnectorState> connector =
        ConnectClient.of(stack.connectUrl()).status(new PipelineNames(ns, "orders").connector());
    assertThat(connector).hasValueSatisfying(c -> assertThat(c.running()).isTrue());
    try (ClientV2Gateway ch = sql.clickhouse()) {
      assertThat(
              StackPipeline.rows(
                  ch,
                  "SELECT name FROM system.tables WHERE database = '" + schema + "' ORDER BY name"))
          .containsExactly(
              "customers",
              "customers__kubecdc_refresh",
              "customers_current",
              "orders",
              "orders__kubecdc_refresh",
              "orders_current");
    }
  }

  private void assertChangesReachClickHouse() throws Exception {
    sql.pg("INSERT INTO " + schema + ".customers VALUES (3, 'Linus')");
    sql.pg("UPDATE " + schema + ".customers SET name = 'Ada L.' WHERE id = 1");
    sql.pg("DELETE FROM " + schema + ".customers WHERE id = 2");
    sql.pg("INSERT INTO " + schema + ".orders VALUES (11, 3, 100.50)");
    try (ClientV2Gateway ch = sql.clickhouse()) {
      await()
          .atMost(LONG)
          .untilAsserted(
              () -> {
                assertThat(rows(ch, "SELECT id, name FROM `%s`.`customers` FINAL"))
                    .containsExactly("1|Ada L.", "3|Linus");
                assertThat(rows(ch, "SELECT id, amount FROM `%s`.`orders` FINAL"))
                    .containsExactly("10|9.99", "11|100.50");
              });
    }
  }

  private List<String> rows(ClientV2Gateway ch, String query) {
    return StackPipeline.rows(ch, String.format(query, schema) + " WHERE _deleted = 0 ORDER BY id");
  }

  private static void assertBatchingChangeRollsTheWorkers(KubernetesClient admin, String ns) {
    var deployments = admin.apps().deployments().inNamespace(ns).withName(WORKLOAD);
    String hash = SinkWorkloadIT.configHash(deployments.get());
    patch(admin, ns, "{\"spec\":{\"sink\":{\"batch\":{\"maxRows\":500}}}}");
    await().atMost(LONG).until(() -> !SinkWorkloadIT.configHash(deployments.get()).equals(hash));
    assertThat(
            admin.configMaps().inNamespace(ns).withName(WORKLOAD).get().getData().get("sink.yaml"))
        .contains("maxRows: 500");
  }

  private void assertPauseStopsConnectorAndWorkers(KubernetesClient admin, String ns) {
    patch(admin, ns, "{\"spec\":{\"paused\":true}}");
    CdcPipeline paused = awaitPipeline(admin, ns, p -> p.getStatus().getPhase() == Phase.Paused);
    assertThat(paused.getStatus().getObservedGeneration())
        .isEqualTo(paused.getMetadata().getGeneration());
    assertThat(
            admin
                .apps()
                .deployments()
                .inNamespace(ns)
                .withName(WORKLOAD)
                .get()
                .getSpec()
                .getReplicas())
        .isZero();
    String name = new PipelineNames(ns, "orders").connector();
    await()
        .atMost(LONG)
        .until(
            () -> ConnectClient.of(stack.connectUrl()).status(name).map(ConnectorState::state),
            s -> s.equals(Optional.of("PAUSED")));
  }

  private void assertTornDownPerPolicy(CdcPipeline ready, String ns) throws Exception {
    PipelineNames names = new PipelineNames(ns, "orders");
    assertThat(sql.count("pg_replication_slots WHERE slot_name = '" + names.slot() + "'")).isZero();
    assertThat(sql.count("pg_publication WHERE pubname = '" + names.publication() + "'")).isZero();
    Set<String> topics = new TreeSet<>();
    ready.getStatus().getTables().forEach(t -> topics.add(t.getTopic()));
    try (Admin kafka = kafka()) {
      await()
          .atMost(LONG)
          .until(() -> kafka.listTopics().names().get().stream().noneMatch(topics::contains));
    }
    try (ClientV2Gateway ch = sql.clickhouse()) {
      assertThat(rows(ch, "SELECT id, name FROM `%s`.`customers` FINAL"))
          .containsExactly("1|Ada L.", "3|Linus");
      assertThat(
              StackPipeline.rows(
                  ch,
                  "SELECT name FROM system.tables WHERE database = '"
                      + schema
                      + "' AND (endsWith(name, '_current') OR endsWith(name,"
                      + " '__kubecdc_refresh'))"))
          .as("dashboard tables go whatever the policy")
          .isEmpty();
    }
  }

  private static void assertCallsMatchTheRules(Set<String> calls) {
    Set<String> granted = ApiCalls.granted();
    assertThat(calls).as("API calls of the operator outside rbac-rules.yaml").isSubsetOf(granted);
    Set<String> unused = new TreeSet<>(granted);
    unused.removeAll(calls);
    assertThat(unused)
        .as("verbs in rbac-rules.yaml that no call used (calls: %s)", calls)
        .isSubsetOf(NOT_REACHED.keySet());
  }

  private Admin kafka() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()));
  }

  private static void patch(KubernetesClient admin, String ns, String mergePatch) {
    admin
        .resources(CdcPipeline.class)
        .inNamespace(ns)
        .withName("orders")
        .patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
  }

  private static CdcPipeline pipeline(KubernetesClient admin, String ns) {
    return admin.resources(CdcPipeline.class).inNamespace(ns).withName("orders").get();
  }

  private static CdcPipeline awaitPipeline(
      KubernetesClient admin, String ns, java.util.function.Predicate<CdcPipeline> condition) {
    return await()
        .atMost(LONG)
        .until(
            () -> pipeline(admin, ns),
            p -> p != null && p.getStatus() != null && (condition.test(p) || seen(p)));
  }

  /** Prints each new Ready condition while waiting, so that a timeout shows what was seen. */
  private static boolean seen(CdcPipeline p) {
    String ready =
        StatusMapper.ready(p.getStatus())
            .map(c -> c.getReason() + ": " + c.getMessage())
            .orElse("");
    if (!ready.equals(LAST_SEEN.getAndSet(ready))) {
      System.out.println("seen phase=" + p.getStatus().getPhase() + " ready=" + ready);
    }
    return false;
  }

  private static boolean isReady(CdcPipeline p) {
    return StatusMapper.ready(p.getStatus()).map(c -> "True".equals(c.getStatus())).orElse(false);
  }
}
