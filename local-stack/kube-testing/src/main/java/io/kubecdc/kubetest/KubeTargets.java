package io.kubecdc.kubetest;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the targets of {@link KubeTargetTest}; also usable directly from other extensions. */
public final class KubeTargets {
  /** Env naming the kubeconfig of an outside cluster that replaces the local stack's server. */
  public static final String CLUSTER_ENV = "KUBECDC_TEST_KUBECONFIG";

  private static final Logger LOG = LoggerFactory.getLogger(KubeTargets.class);

  private static final VersionInfo MOCK_VERSION =
      new VersionInfo.Builder()
          .withMajor("1")
          .withMinor("33")
          .withGitVersion("v1.33.0-fabric8-mock")
          .build();

  private KubeTargets() {}

  /**
   * A fresh fabric8 mock server in CRUD mode (plain http), with its client. Its version is taken as
   * v1.33 (what fabric8 7.5's model follows; it answers none), so CRDs keep their CEL rules: it
   * stores them without evaluating them.
   */
  public static KubeTarget mock() {
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init();
    return new KubeTarget(
        KubeTarget.Kind.MOCK, server.createClient(), null, null, server::destroy, MOCK_VERSION);
  }

  /**
   * The real server: the outside cluster of {@value #CLUSTER_ENV} when set, else the local stack's
   * kube service, started for this test JVM if it does not run yet.
   */
  public static KubeTarget real(ExtensionContext context) {
    String cluster = System.getenv(CLUSTER_ENV);
    if (cluster != null && !cluster.isBlank()) {
      Path kubeconfig = Path.of(cluster);
      LOG.info("kube target=cluster kubeconfig={}", kubeconfig);
      return new KubeTarget(
          KubeTarget.Kind.CLUSTER, client(kubeconfig), kubeconfig, Path.of("kubectl"), null, null);
    }
    StackEndpoints stack = LocalStackExtension.ensure(context, List.of("kube"));
    return new KubeTarget(
        KubeTarget.Kind.LOCAL_STACK,
        client(stack.kubeconfig()),
        stack.kubeconfig(),
        stack.kubectl(),
        null,
        null);
  }

  /** A client for the current context of a kubeconfig file. */
  public static KubernetesClient client(Path kubeconfig) {
    try {
      Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
      return new KubernetesClientBuilder().withConfig(config).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the kubeconfig " + kubeconfig, e);
    }
  }
}
