package io.kubecdc.operator.k8s;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.kubetest.KubeTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * One test invocation's view of the operator under test: its target, an admin client, the core
 * double and the invocation's own namespace, with the steps the driver's tests share. Everything
 * here works on the mock server and on a real API server alike; where they differ (who reports a
 * Deployment ready) the difference is inside {@link #markReady}.
 */
final class DriverOnTarget {
  static final String PIPELINE = "orders";
  static final String WORKLOAD = "orders-sink";
  static final Duration WAIT = Duration.ofSeconds(30);
  final KubeTarget target;
  final KubernetesClient client;
  final FakeCore core;

  /** The API calls of the operator under test (all namespaces). */
  final ApiCalls calls;

  private final String namespace;

  DriverOnTarget(
      KubeTarget target, KubernetesClient client, FakeCore core, ApiCalls calls, String namespace) {
    this.target = target;
    this.client = client;
    this.core = core;
    this.calls = calls;
    this.namespace = namespace;
  }

  /** The invocation's namespace, fresh and deleted after it. */
  String namespace() {
    return namespace;
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

  /** The namespace with Secrets, environment and pipeline, the worker Deployment created. */
  String running() {
    String ns = namespace();
    apply("secrets", ns);
    apply("environment", ns);
    apply("pipeline", ns);
    deployment(ns, Objects::nonNull);
    awaitPipeline(ns, p -> p.getStatus().getPhase() != null);
    return ns;
  }

  /**
   * Every replica of the worker Deployment updated and ready, reported by whoever does it on the
   * target: on the mock server the test writes the Deployment status (no controller runs there); on
   * the local stack's server the Deployment controller does, once {@link FakeKubelet} marks the
   * pods Ready (there is no kubelet); an outside cluster's kubelet would run the test's image,
   * which no registry has, so such tests are skipped there.
   */
  void markReady(String ns, int replicas) {
    markReady(ns, WORKLOAD, replicas);
  }

  void markReady(String ns, String deployment, int replicas) {
    switch (target.kind()) {
      case MOCK -> writeReadyStatus(ns, deployment, replicas);
      case LOCAL_STACK -> FakeKubelet.markReady(client, ns, deployment, replicas);
      case CLUSTER ->
          Assumptions.abort(
              "needs the worker pods Ready: on an outside cluster the kubelet owns pod status and"
                  + " would run the fixture's image registry.example/kubecdc/sink-worker, which"
                  + " does not exist");
    }
  }

  private void writeReadyStatus(String ns, String deployment, int replicas) {
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
        .atMost(WAIT)
        .until(
            () -> client.apps().deployments().inNamespace(ns).withName(WORKLOAD).get(),
            d -> d != null && condition.test(d));
  }

  CdcPipeline awaitPipeline(String ns, Predicate<CdcPipeline> condition) {
    return await()
        .atMost(WAIT)
        .until(
            () -> get(ns, PIPELINE), p -> p != null && p.getStatus() != null && condition.test(p));
  }

  /** The Events of a namespace as {@code type/reason}. */
  List<String> events(String ns) {
    return client.v1().events().inNamespace(ns).list().getItems().stream()
        .map(e -> e.getType() + "/" + e.getReason())
        .toList();
  }
}
