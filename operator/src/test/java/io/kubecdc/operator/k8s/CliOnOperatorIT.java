package io.kubecdc.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.kubetest.KubeTarget;
import io.kubecdc.kubetest.KubeTargetTest;
import io.kubecdc.kubetest.TestNamespace;
import io.kubecdc.operator.cli.CliRun;
import io.kubecdc.operator.core.StackPipeline;
import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubecdc status}, {@code diff} and {@code dbt-sources} as a user runs them against a
 * cluster where the real operator (the real core, on the local stack's PostgreSQL, Kafka, Connect
 * and ClickHouse) runs the same pipeline in two namespaces, dev with two tables and staging with
 * one: on the mock server and on the real API server, through a kubeconfig with a context per
 * namespace. The worker is not run: its Deployment is reported ready (as {@link DriverOnTarget}
 * does), which is all the status needs.
 */
@LocalStackTest
class CliOnOperatorIT {
  private static final Duration LONG = Duration.ofSeconds(120);
  private final StackEndpoints stack;
  private final String schema = "cli" + UUID.randomUUID().toString().substring(0, 8);
  @TempDir Path dir;

  CliOnOperatorIT(StackEndpoints stack) {
    this.stack = stack;
  }

  /** {@code kubecdc ARGS --kubeconfig FILE}, printed to the IT's output for a failure's reader. */
  private static CliRun kubecdc(Path kubeconfig, String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--kubeconfig";
    all[args.length + 1] = kubeconfig.toString();
    CliRun run = CliRun.of(all);
    System.out.println("$ kubecdc " + String.join(" ", args) + "  (exit " + run.code() + ")");
    System.out.print(run.out() + run.err());
    return run;
  }

  @KubeTargetTest
  void shouldShowStatusDiffAndDbtSourcesOfPipelinesTheOperatorRuns(
      KubeTarget target, TestNamespace dev) throws Exception {
    KubernetesClient admin = target.client();
    StackPipeline sql = new StackPipeline(stack, dir, schema);
    sql.pg(
        """
        CREATE SCHEMA %1$s;
        CREATE TABLE %1$s.customers (id int PRIMARY KEY, name text);
        CREATE TABLE %1$s.orders (id bigint PRIMARY KEY, customer_id int, amount numeric(10,2));
        INSERT INTO %1$s.customers VALUES (1, 'Ada');
        """
            .formatted(schema));
    Operators.applyCrds(target);
    KubeStackEnvironment environment = new KubeStackEnvironment(stack, schema);
    Operator operator = null;
    try (TestNamespace staging = TestNamespace.create(target, "staging")) {
      List<String> namespaces = List.of(dev.name(), staging.name());
      for (String ns : namespaces) {
        environment.applyTo(admin, ns);
      }
      var config =
          OperatorConfig.load(
              Map.of(
                  OperatorConfig.NAMESPACES,
                  String.join(",", namespaces),
                  OperatorConfig.NOT_READY,
                  "2s"));
      operator = Operators.start(target, admin, config, c -> OperatorMain.defaultCore());
      try {
        CdcPipeline pipeline = environment.fixture("pipeline", CdcPipeline.class);
        Path manifest =
            Files.writeString(dir.resolve("pipeline.yaml"), environment.fixtureText("pipeline"));
        admin.resource(pipeline).inNamespace(dev.name()).create();
        pipeline.getSpec().getSource().getTables().remove(1);
        admin.resource(pipeline).inNamespace(staging.name()).create();
        DriverOnTarget driver = new DriverOnTarget(target, admin, null, null, dev.name());
        for (String ns : namespaces) {
          driver.deployment(ns, java.util.Objects::nonNull);
          driver.markReady(ns, 1);
        }
        CdcPipeline ready = awaitReady(admin, dev.name());
        awaitReady(admin, staging.name());
        Path kubeconfig = kubeconfig(target, Map.of("dev", dev.name(), "staging", staging.name()));

        assertStatus(kubeconfig, ready, dev.name(), staging.name());
        assertDiff(kubeconfig, dev.name(), staging.name(), manifest);
        assertDbtSources(kubeconfig, admin, dev.name(), staging.name());
      } finally {
        for (String ns : namespaces) {
          Operators.forceDelete(admin, ns, LONG);
        }
      }
      for (String ns : namespaces) {
        assertThat(
                admin.v1().events().inNamespace(ns).list().getItems().stream()
                    .filter(e -> "FinalizerReleased".equals(e.getReason()))
                    .map(io.fabric8.kubernetes.api.model.Event::getMessage))
            .as("what the operator's teardown left behind in %s", ns)
            .isEmpty();
      }
    } finally {
      if (operator != null) {
        operator.stop();
      }
      try (ClientV2Gateway ch = sql.clickhouse()) {
        ch.execute("DROP DATABASE IF EXISTS `" + schema + "`");
      }
      sql.pg("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      environment.close();
    }
  }

  private void assertStatus(Path kubeconfig, CdcPipeline ready, String dev, String staging)
      throws Exception {
    CliRun all = kubecdc(kubeconfig, "status", "-A");
    assertThat(all.code()).as(all.err()).isZero();
    List<String> lines = all.out().lines().toList();
    assertThat(lines.get(0))
        .startsWith("NAMESPACE")
        .contains("REVISION", "READY", "FRESH", "CHECKPOINT");
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(dev)
                    .contains("orders", ready.getStatus().getRevision(), "True/", "2/2")
                    .as("lag and freshness from the status: the worker does not run here")
                    .containsPattern(" 2/2 +\\d+ +\\d+s +1( |$)"))
        .anySatisfy(l -> assertThat(l).startsWith(staging).contains("1/1"));

    CliRun one = kubecdc(kubeconfig, "status", "--context", "staging", "-o", "json");
    assertThat(one.code()).as(one.err()).isZero();
    JsonNode rows = new ObjectMapper().readTree(one.out());
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).path("namespace").asText()).isEqualTo(staging);
    assertThat(rows.get(0).path("ready").asText()).startsWith("True/");
    assertThat(rows.get(0).path("checkpoint").asText()).isEqualTo("1");
    assertThat(rows.get(0).path("freshnessSeconds").isIntegralNumber())
        .as(rows.toString())
        .isTrue();
  }

  /** {@code git}: the manifest that was applied in dev, as a GitOps checkout holds it. */
  private void assertDiff(Path kubeconfig, String dev, String staging, Path git) {
    CliRun diff = kubecdc(kubeconfig, "diff", "orders", "--from", staging, "--to", dev);
    assertThat(diff.code()).as(diff.err()).isEqualTo(1);
    assertThat(diff.out())
        .startsWith("--- " + staging + "/orders\n+++ " + dev + "/orders\n")
        .contains("\n+    - name: " + schema + ".orders\n")
        .containsPattern("(?m)^-revision: sha256:[0-9a-f]{16}$")
        .containsPattern("(?m)^\\+revision: sha256:[0-9a-f]{16}$");

    CliRun same =
        kubecdc(kubeconfig, "diff", "orders", "--from-context", "dev", "--to-file", git.toString());
    assertThat(same.code()).as(same.err()).isZero();
    assertThat(same.out())
        .as("the API server's defaults and the manifest's omissions compare equal")
        .isEqualTo("no difference between dev:" + dev + "/orders and " + git + "\n");

    CliRun unknown = kubecdc(kubeconfig, "diff", "refunds", "--from", staging, "--to", dev);
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("CdcPipeline " + staging + "/refunds not found");
  }

  private void assertDbtSources(Path kubeconfig, KubernetesClient admin, String dev, String staging)
      throws Exception {
    CliRun dbt = kubecdc(kubeconfig, "dbt-sources", "orders", "-n", dev);
    assertThat(dbt.code()).as(dbt.err()).isZero();
    assertThat(dbt.out())
        .contains(
            "# generated by `kubecdc dbt-sources`; columns from ClickHouse system.columns at "
                + stack.clickhouseUrl())
        .doesNotContain(stack.clickhousePassword());
    JsonNode source = new YAMLMapper().readTree(dbt.out()).path("sources").get(0);
    assertThat(source.path("schema").asText()).isEqualTo(schema);
    assertThat(texts(source.path("tables"), "name")).containsExactly("customers", "orders");
    JsonNode orders = source.path("tables").get(1).path("columns");
    assertThat(texts(orders, "name"))
        .containsExactly("id", "customer_id", "amount", "_version", "_deleted");
    assertThat(texts(orders, "data_type").get(2)).isEqualTo("Nullable(Decimal(10, 2))");

    var secret = admin.secrets().inNamespace(staging).withName("ch-writer");
    Secret kept = secret.get();
    secret.delete();
    CliRun fallback = kubecdc(kubeconfig, "dbt-sources", "orders", "--context", "staging");
    // back, so that the operator's teardown can drop the slot
    kept.getMetadata().setResourceVersion(null);
    kept.getMetadata().setUid(null);
    admin.resource(kept).create();
    assertThat(fallback.code()).as(fallback.err()).isZero();
    assertThat(fallback.out())
        .contains("columns from the worker config (ConfigMap " + staging + "/orders-sink)")
        .contains("Secret " + staging + "/ch-writer not found");
    JsonNode customers =
        new YAMLMapper().readTree(fallback.out()).path("sources").get(0).path("tables").get(0);
    assertThat(texts(customers.path("columns"), "name"))
        .containsExactly("id", "name", "_version", "_deleted");
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  private static CdcPipeline awaitReady(KubernetesClient admin, String ns) {
    return await("CdcPipeline " + ns + "/orders Ready")
        .atMost(LONG)
        .until(
            () -> admin.resources(CdcPipeline.class).inNamespace(ns).withName("orders").get(),
            p ->
                p != null
                    && p.getStatus() != null
                    && p.getStatus().getRevision() != null
                    && StatusMapper.ready(p.getStatus())
                        .map(c -> "True".equals(c.getStatus()))
                        .orElse(false));
  }

  /**
   * The target's kubeconfig (for the mock server one with its URL, which needs no credentials) with
   * a context per entry of {@code contexts} instead of its own, each on the same cluster and user
   * with its own namespace; the first in name order is current.
   */
  private Path kubeconfig(KubeTarget target, Map<String, String> contexts) throws Exception {
    YAMLMapper yaml = new YAMLMapper();
    ObjectNode base;
    if (target.kubeconfig().isPresent()) {
      base = (ObjectNode) yaml.readTree(target.kubeconfig().get().toFile());
    } else {
      base =
          (ObjectNode)
              yaml.readTree(
                  """
                  apiVersion: v1
                  kind: Config
                  clusters: [{name: mock, cluster: {server: "%s"}}]
                  users: [{name: mock, user: {}}]
                  contexts: [{name: mock, context: {cluster: mock, user: mock}}]
                  current-context: mock
                  """
                      .formatted(target.client().getConfiguration().getMasterUrl()));
    }
    String current = base.path("current-context").asText();
    ObjectNode model = null;
    for (JsonNode c : base.path("contexts")) {
      if (c.path("name").asText().equals(current)) {
        model = (ObjectNode) c.path("context");
      }
    }
    ArrayNode list = base.putArray("contexts");
    for (var e : new TreeMap<>(contexts).entrySet()) {
      ObjectNode context = model.deepCopy();
      context.put("namespace", e.getValue());
      list.addObject().put("name", e.getKey()).set("context", context);
    }
    base.put("current-context", new TreeMap<>(contexts).firstKey());
    return Files.writeString(dir.resolve("kubeconfig"), yaml.writeValueAsString(base));
  }
}
