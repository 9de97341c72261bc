package io.kubecdc.operator.k8s;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.Operator;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.kubetest.Crds;
import io.kubecdc.kubetest.KubeTarget;
import io.kubecdc.kubetest.TestNamespace;
import io.kubecdc.operator.core.PipelineCore;
import io.kubecdc.stack.StackLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The operator under test, one per Kubernetes target of a test class ({@code @KubeTargetTest}
 * methods run once on the fabric8 mock server and once on a real API server): the project's CRDs
 * applied, a {@link FakeCore}, and server-side apply as the target allows it. The mock server has
 * no SSA, so it is switched off there as DESIGN.md says; a real server gets JOSDK's defaults (SSA
 * for dependents and status), which is what users run. Register it with {@code @RegisterExtension
 * static final Operators operators = new Operators(env)}; each invocation calls {@link #on}.
 */
final class Operators implements AfterEachCallback, AfterAllCallback {
  private static final String FORCE_DELETE =
      "{\"metadata\":{\"annotations\":{\"" + PipelineDeletion.FORCE_DELETE + "\":\"true\"}}}";
  private final Map<String, String> env;
  private final Map<KubeTarget, Started> started = new ConcurrentHashMap<>();
  private final Map<String, KubeTarget> namespaces = new ConcurrentHashMap<>();

  /** Operators started with the configuration {@code env} ({@link OperatorConfig} variables). */
  Operators(Map<String, String> env) {
    this.env = env;
  }

  /** The operator of {@code target}, started at the first call, seen from {@code namespace}. */
  DriverOnTarget on(KubeTarget target, TestNamespace namespace) {
    Started s =
        started.computeIfAbsent(
            target,
            t -> {
              applyCrds(t);
              FakeCore core = new FakeCore();
              core.watch(t.client());
              ApiCalls calls = new ApiCalls();
              var client = calls.recording(t.client());
              return new Started(
                  core, calls, client, start(t, client, OperatorConfig.load(env), c -> core));
            });
    namespaces.put(namespace.name(), target);
    return new DriverOnTarget(target, target.client(), s.core(), s.calls(), namespace.name());
  }

  /**
   * Stops the operator of {@code target}, as if it were uninstalled; the next {@link #on} starts a
   * fresh one.
   */
  void stop(KubeTarget target) {
    Started s = started.remove(target);
    if (s != null) {
      s.stop();
    }
  }

  /**
   * Starts an operator on {@code target} acting as {@code client} (e.g. a ServiceAccount's), with
   * server-side apply on a real server and off on the mock server; the caller stops it.
   */
  static Operator start(
      KubeTarget target,
      KubernetesClient client,
      OperatorConfig config,
      Function<KubernetesClient, PipelineCore> core) {
    return OperatorMain.start(client, config, core, target.isRealServer());
  }

  /** The CRDs generated into {@code crds/}, within what the server supports. */
  static void applyCrds(KubeTarget target) {
    Path dir = StackLayout.fromBuild().repoRoot().resolve("crds");
    try (var files = Files.list(dir)) {
      for (Path crd : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(crd)) {
          Crds.apply(target, Crds.load(in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the invocation's pipelines while the operator still runs ({@link #forceDelete}). */
  @Override
  public void afterEach(ExtensionContext context) {
    namespaces.forEach((ns, target) -> forceDelete(target.client(), ns));
    namespaces.clear();
  }

  /**
   * Deletes the pipelines of {@code ns}, forced so that leftovers do not hold them, and waits until
   * they are gone: a real server keeps a namespace whose objects carry a finalizer Terminating for
   * ever once no operator is left to release it. Call it while the operator runs.
   */
  static void forceDelete(KubernetesClient client, String ns) {
    forceDelete(client, ns, DriverOnTarget.WAIT);
  }

  /** As above, waiting up to {@code atMost}: the real core's teardown talks to every system. */
  static void forceDelete(KubernetesClient client, String ns, java.time.Duration atMost) {
    var pipelines = client.resources(CdcPipeline.class).inNamespace(ns);
    for (CdcPipeline p : pipelines.list().getItems()) {
      var one = pipelines.withName(p.getMetadata().getName());
      one.patch(PatchContext.of(PatchType.JSON_MERGE), FORCE_DELETE);
      one.delete();
    }
    await("pipelines of " + ns + " deleted")
        .atMost(atMost)
        .until(() -> pipelines.list().getItems().isEmpty());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    started.values().forEach(Started::stop);
    started.clear();
  }

  private record Started(
      FakeCore core, ApiCalls calls, KubernetesClient client, Operator operator) {
    void stop() {
      operator.stop();
      client.close();
    }
  }
}
