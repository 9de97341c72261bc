package io.kubecdc.operator.k8s;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.javaoperatorsdk.operator.Operator;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.operator.core.PipelineCore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The operator against the fabric8 mock server in CRUD mode (server-side apply off, as it has
 * none), with the CRDs applied and a {@link FakeCore}. Tests use only what a real API server does
 * too (no garbage collection, no controllers), so that they can run against one later. Register it
 * with {@code @RegisterExtension static final MockOperator k8s = new MockOperator(env)}.
 */
final class MockOperator implements BeforeAllCallback, AfterAllCallback {
  static final String PIPELINE = "orders";
  static final String WORKLOAD = "orders-sink";
  final FakeCore core = new FakeCore();
  KubernetesClient client;
  private final Map<String, String> env;
  private final PipelineCore realCore;
  private KubernetesMockServer server;
  private Operator operator;

  /** Started before the test class with the operator configuration {@code env}. */
  MockOperator(Map<String, String> env) {
    this(env, null);
  }

  /**
   * With {@code core} instead of the {@link FakeCore}, e.g. the real core against the local stack
   * ({@link #core} then records nothing).
   */
  MockOperator(Map<String, String> env, PipelineCore core) {
    this.env = env;
    this.realCore = core;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init();
    client = server.createClient();
    applyCrds();
    core.watch(client);
    PipelineCore used = realCore == null ? core : realCore;
    operator = OperatorMain.start(client, OperatorConfig.load(env), c -> used, false);
  }

  /** A fresh namespace, so that tests in one class do not see each other's objects. */
  String namespace() {
    String ns = "t-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
    return ns;
  }

  /**
   * Creates the YAML fixture {@code k8s/<name>.yaml} (one or more objects) in {@code namespace}.
   */
  List<HasMetadata> apply(String fixture, String namespace) {
    try (InputStream in = getClass().getResourceAsStream("/k8s/" + fixture + ".yaml")) {
      var items = client.load(in).items();
      items.forEach(i -> client.resource(i).inNamespace(namespace).create());
      return items;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pipeline fixture, not yet created, so that a test can change it first. */
  CdcPipeline pipeline(String namespace) {
    try (InputStream in = getClass().getResourceAsStream("/k8s/pipeline.yaml")) {
      CdcPipeline p = client.getKubernetesSerialization().unmarshal(in, CdcPipeline.class);
      p.getMetadata().setNamespace(namespace);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  CdcPipeline get(String namespace, String name) {
    return client.resources(CdcPipeline.class).inNamespace(namespace).withName(name).get();
  }

  Resource<CdcPipeline> pipelineResource(String ns) {
    return client.resources(CdcPipeline.class).inNamespace(ns).withName(PIPELINE);
  }

  /** A namespace with Secrets, environment and pipeline, the worker Deployment created. */
  String running() {
    String ns = namespace();
    apply("secrets", ns);
    apply("environment", ns);
    apply("pipeline", ns);
    deployment(ns, Objects::nonNull);
    awaitPipeline(ns, p -> p.getStatus().getPhase() != null);
    return ns;
  }

  /** What a Deployment controller and kubelets would report: every replica updated and ready. */
  void markReady(String ns, int replicas) {
    markReady(ns, WORKLOAD, replicas);
  }

  void markReady(String ns, String deployment, int replicas) {
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName(deployment)
        .editStatus(
            d -> {
              d.setStatus(
                  new DeploymentStatusBuilder()
                      .withObservedGeneration(d.getMetadata().getGeneration())
                      .withReplicas(replicas)
                      .withReadyReplicas(replicas)
                      .withUpdatedReplicas(replicas)
                      .withAvailableReplicas(replicas)
                      .build());
              return d;
            });
  }

  /** A JSON merge patch of the pipeline, as {@code kubectl patch --type merge} sends it. */
  void patch(String ns, String mergePatch) {
    pipelineResource(ns).patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
  }

  Deployment deployment(String ns, Predicate<Deployment> condition) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> client.apps().deployments().inNamespace(ns).withName(WORKLOAD).get(),
            d -> d != null && condition.test(d));
  }

  CdcPipeline awaitPipeline(String ns, Predicate<CdcPipeline> condition) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> get(ns, PIPELINE), p -> p != null && p.getStatus() != null && condition.test(p));
  }

  /** The Events of a namespace as {@code type/reason}. */
  List<String> events(String ns) {
    return client.v1().events().inNamespace(ns).list().getItems().stream()
        .map(e -> e.getType() + "/" + e.getReason())
        .toList();
  }

  private void applyCrds() {
    try (var files = Files.list(Path.of("..", "crds"))) {
      for (Path crd : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
        try (InputStream in = Files.newInputStream(crd)) {
          client.load(in).items().forEach(i -> client.resource(i).create());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    operator.stop();
    client.close();
    server.destroy();
  }
}
