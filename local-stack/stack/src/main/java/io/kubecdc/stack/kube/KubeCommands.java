package io.kubecdc.stack.kube;

import io.kubecdc.stack.StackConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The command lines of etcd, kube-apiserver and kube-controller-manager, everything on loopback.
 * The first argument after the program names a path in this stack folder: it is the marker by which
 * {@code down} recognises the processes this stack started.
 */
public final class KubeCommands {
  /** The Service network; only the API server's own Service takes an address from it. */
  static final String SERVICE_CIDR = "10.96.0.0/16";

  private final StackConfig.KubeSettings ports;
  private final Path dir;
  private final KubePki pki;

  public KubeCommands(StackConfig config) {
    this.ports = config.kube();
    this.dir = config.home().resolve("kube");
    this.pki = new KubePki(dir.resolve("pki"));
  }

  public Path dir() {
    return dir;
  }

  public KubePki pki() {
    return pki;
  }

  /** The admin kubeconfig, for kubectl, tests and people. */
  public Path adminKubeconfig() {
    return dir.resolve("kubeconfig");
  }

  public Path controllerManagerKubeconfig() {
    return dir.resolve("controller-manager.kubeconfig");
  }

  /** A link to the folder of the binaries this stack runs, so users find the matching kubectl. */
  public Path binLink() {
    return dir.resolve("bin");
  }

  public void linkBinaries(Path bin) {
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(binLink());
      Files.createSymbolicLink(binLink(), bin);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot link " + binLink() + " to " + bin, e);
    }
  }

  public String serverUrl() {
    return "https://127.0.0.1:" + ports.apiserverPort();
  }

  public String etcdUrl() {
    return "http://127.0.0.1:" + ports.etcdPort();
  }

  public String controllerManagerUrl() {
    return "https://127.0.0.1:" + ports.controllerManagerPort();
  }

  public String etcdMarker() {
    return "--data-dir=" + dir.resolve("etcd");
  }

  public String apiserverMarker() {
    return "--cert-dir=" + dir.resolve("apiserver");
  }

  public String controllerManagerMarker() {
    return "--kubeconfig=" + controllerManagerKubeconfig();
  }

  public List<String> etcd(Path program) {
    String peer = "http://127.0.0.1:" + ports.etcdPeerPort();
    return List.of(
        program.toString(),
        etcdMarker(),
        "--name=kubecdc",
        "--logger=zap",
        "--listen-client-urls=" + etcdUrl(),
        "--advertise-client-urls=" + etcdUrl(),
        "--listen-peer-urls=" + peer,
        "--initial-advertise-peer-urls=" + peer,
        "--initial-cluster=kubecdc=" + peer,
        "--listen-metrics-urls=",
        "--enable-v2=false");
  }

  public List<String> apiserver(Path program) {
    return List.of(
        program.toString(),
        apiserverMarker(),
        "--etcd-servers=" + etcdUrl(),
        "--bind-address=127.0.0.1",
        "--advertise-address=127.0.0.1",
        "--secure-port=" + ports.apiserverPort(),
        "--insecure-port=0",
        "--tls-cert-file=" + pki.cert("apiserver"),
        "--tls-private-key-file=" + pki.key("apiserver"),
        "--client-ca-file=" + pki.caCert(),
        "--authorization-mode=RBAC",
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        "--service-account-key-file=" + pki.serviceAccountPublicKey(),
        "--service-account-signing-key-file=" + pki.key("sa"),
        "--service-cluster-ip-range=" + SERVICE_CIDR,
        // a loopback address is not a valid endpoint of the "kubernetes" Service: keep none
        "--endpoint-reconciler-type=none",
        "--profiling=false");
  }

  public List<String> controllerManager(Path program) {
    return List.of(
        program.toString(),
        controllerManagerMarker(),
        "--bind-address=127.0.0.1",
        "--secure-port=" + ports.controllerManagerPort(),
        "--port=0",
        "--tls-cert-file=" + pki.cert("controller-manager-serving"),
        "--tls-private-key-file=" + pki.key("controller-manager-serving"),
        // each controller acts with its own ServiceAccount, as kubeadm clusters do
        "--use-service-account-credentials=true",
        "--service-account-private-key-file=" + pki.key("sa"),
        "--root-ca-file=" + pki.caCert(),
        "--cluster-signing-cert-file=" + pki.caCert(),
        "--cluster-signing-key-file=" + pki.key("ca"),
        "--service-cluster-ip-range=" + SERVICE_CIDR,
        "--leader-elect=false",
        "--profiling=false");
  }
}
