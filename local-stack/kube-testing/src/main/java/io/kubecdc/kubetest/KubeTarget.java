package io.kubecdc.kubetest;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The Kubernetes API a test invocation runs against, with an admin client. One test class runs
 * against each kind in turn ({@link KubeTargetTest}); what a kind cannot do is skipped with a
 * reason ({@link #assumeRealServer}, {@link #assumeRunningPods}), never silently passed.
 */
public final class KubeTarget implements AutoCloseable {
  /** Where the API comes from. */
  public enum Kind {
    /** fabric8's mock server in CRUD mode: fast, but no RBAC, GC, SSA, discovery or kubectl. */
    MOCK("mock"),
    /** The local stack's kube-apiserver v1.20.2 with its controller manager: no kubelet. */
    LOCAL_STACK("local-stack"),
    /** An outside cluster, named by {@code KUBECDC_TEST_KUBECONFIG}. */
    CLUSTER("cluster");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The name used in {@code kubecdc.kube.targets} and in test display names. */
    public String label() {
      return label;
    }
  }

  private final Kind kind;
  private final KubernetesClient client;
  private final Path kubeconfig;
  private final Path kubectl;
  private final AutoCloseable server;
  private final VersionInfo fixedVersion;

  KubeTarget(
      Kind kind,
      KubernetesClient client,
      Path kubeconfig,
      Path kubectl,
      AutoCloseable server,
      VersionInfo fixedVersion) {
    this.fixedVersion = fixedVersion;
    this.kind = kind;
    this.client = client;
    this.kubeconfig = kubeconfig;
    this.kubectl = kubectl;
    this.server = server;
  }

  public Kind kind() {
    return kind;
  }

  /** A client with full rights; tests that check permissions use {@link TestNamespace}. */
  public KubernetesClient client() {
    return client;
  }

  /** The kubeconfig of a real server, for kubectl; empty for the mock server. */
  public Optional<Path> kubeconfig() {
    return Optional.ofNullable(kubeconfig);
  }

  /**
   * The kubectl that matches the server: Debian's v1.20.2 for the local stack (not the {@code
   * kubectl} on PATH, which may be far newer), the one on PATH for an outside cluster; empty for
   * the mock server, which kubectl cannot talk to (no discovery).
   */
  public Optional<Path> kubectl() {
    return Optional.ofNullable(kubectl);
  }

  public boolean isRealServer() {
    return kind != Kind.MOCK;
  }

  /** The server's version, for what depends on it (CEL rules from 1.25). */
  public VersionInfo version() {
    return fixedVersion != null ? fixedVersion : client.getKubernetesVersion();
  }

  /** Skips the invocation on the mock server, which lacks what {@code what} needs. */
  public void assumeRealServer(String what) {
    Assumptions.assumeTrue(
        isRealServer(),
        what
            + " needs a real API server: the fabric8 mock server has no RBAC, garbage collection,"
            + " server-side apply, schema validation or discovery");
  }

  /** Skips the invocation unless Pods really run: only an outside cluster has a kubelet. */
  public void assumeRunningPods(String what) {
    Assumptions.assumeTrue(
        kind == Kind.CLUSTER,
        what
            + " needs running Pods: the local stack's API server has no scheduler or kubelet (Pods"
            + " stay Pending) and the mock server none; set KUBECDC_TEST_KUBECONFIG to a cluster");
  }

  @Override
  public void close() throws Exception {
    client.close();
    if (server != null) {
      server.close();
    }
  }

  @Override
  public String toString() {
    return kind.label();
  }
}
