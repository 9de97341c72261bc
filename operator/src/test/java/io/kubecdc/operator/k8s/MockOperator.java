package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.javaoperatorsdk.operator.Operator;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The operator against the fabric8 mock server in CRUD mode (server-side apply off, as it has
 * none), with the CRDs applied and a {@link FakeCore}. Tests use only what a real API server does
 * too (no garbage collection, no controllers), so that they can run against one later.
 */
final class MockOperator implements AutoCloseable {
  final KubernetesClient client;
  final FakeCore core = new FakeCore();
  private final KubernetesMockServer server;
  private final Operator operator;

  MockOperator(Map<String, String> env) {
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
    operator = OperatorMain.start(client, OperatorConfig.load(env), c -> core, false);
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
  public void close() {
    operator.stop();
    client.close();
    server.destroy();
  }
}
