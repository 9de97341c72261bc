package io.kubecdc.stack.service;

import io.kubecdc.stack.StackConfig;
import io.kubecdc.stack.kube.KubeBinaries;
import io.kubecdc.stack.kube.KubeCommands;
import io.kubecdc.stack.kube.KubePki;
import io.kubecdc.stack.kube.KubeProbe;
import io.kubecdc.stack.kube.Kubeconfig;
import io.kubecdc.stack.process.DetachedProcess;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * A real Kubernetes API server without a cluster: etcd, kube-apiserver v1.20.2 (RBAC on, client
 * certificates from a CA of this stack folder) and kube-controller-manager (garbage collector,
 * Deployment and ReplicaSet controllers, ServiceAccount tokens), on loopback. There is no scheduler
 * and no kubelet: Pods are created but stay Pending. Started only when asked for ({@code bin/stack
 * up kube}, {@code @LocalStackTest(services = "kube")}), because the data-plane services and tests
 * do not need it.
 */
public final class KubeService implements Service {
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private final StackConfig config;
  private final KubeCommands commands;
  private final List<Part> parts;

  /** One process of the service: how to run it and how to know it answers. */
  private record Part(
      String name,
      DetachedProcess process,
      Function<KubeBinaries, List<String>> command,
      String readyUrl) {}

  public KubeService(StackConfig config) {
    this.config = config;
    this.commands = new KubeCommands(config);
    this.parts =
        List.of(
            part(
                "kube-etcd",
                commands.etcdMarker(),
                b -> commands.etcd(b.etcd()),
                commands.etcdUrl() + "/health"),
            part(
                "kube-apiserver",
                commands.apiserverMarker(),
                b -> commands.apiserver(b.apiserver()),
                commands.serverUrl() + "/readyz"),
            part(
                "kube-controller-manager",
                commands.controllerManagerMarker(),
                b -> commands.controllerManager(b.controllerManager()),
                commands.controllerManagerUrl() + "/healthz"));
  }

  private Part part(
      String name, String marker, Function<KubeBinaries, List<String>> command, String url) {
    return new Part(
        name,
        new DetachedProcess(name, config.home(), config.logs().resolve(name + ".log"), marker),
        command,
        url);
  }

  @Override
  public String name() {
    return "kube";
  }

  @Override
  public boolean startedByDefault() {
    return false;
  }

  @Override
  public String endpoint() {
    return commands.serverUrl() + " (kubeconfig " + commands.adminKubeconfig() + ")";
  }

  @Override
  public State state() {
    if (parts.stream().allMatch(p -> p.process().running().isPresent())) {
      return State.RUNNING;
    }
    boolean anyStarted =
        parts.stream().anyMatch(p -> p.process().running().isPresent() || p.process().crashed());
    return anyStarted ? State.CRASHED : State.STOPPED;
  }

  @Override
  public void start() {
    stop(); // what is left of a crashed start: start all three afresh on the same data
    var ports = config.kube();
    Ports.requireFree(
        name(),
        ports.apiserverPort(),
        ports.etcdPort(),
        ports.etcdPeerPort(),
        ports.controllerManagerPort());
    KubeBinaries binaries = KubeBinaries.locate(config);
    commands.linkBinaries(binaries.apiserver().getParent());
    KubePki pki = commands.pki();
    pki.ensure();
    Kubeconfig.write(
        commands.adminKubeconfig(), commands.serverUrl(), pki, "admin", KubePki.ADMIN_USER);
    Kubeconfig.write(
        commands.controllerManagerKubeconfig(),
        commands.serverUrl(),
        pki,
        "controller-manager",
        KubePki.CONTROLLER_MANAGER_USER);
    HttpClient http = KubeProbe.trusting(pki.caCert());
    for (Part p : parts) {
      ProcessHandle h = p.process().start(p.command().apply(binaries), commands.dir());
      Readiness.await(
          p.name(),
          p.process().log(),
          TIMEOUT,
          h::isAlive,
          () -> HttpProbe.get(http, p.readyUrl()).isPresent());
    }
  }

  @Override
  public void stop() {
    for (int i = parts.size() - 1; i >= 0; i--) {
      parts.get(i).process().stop(Duration.ofSeconds(30));
    }
  }

  /** The log of the process that crashed, else the API server's. */
  @Override
  public Path log() {
    return parts.stream()
        .filter(p -> p.process().crashed())
        .findFirst()
        .orElse(parts.get(1))
        .process()
        .log();
  }

  public static Path kubeconfig(StackConfig config) {
    return new KubeCommands(config).adminKubeconfig();
  }

  /**
   * Debian's kubectl v1.20.2 that matches the server, through the link {@code <stack>/kube/bin}
   * that each start points at the binaries it ran. Not {@code kubectl} from PATH: that may be
   * another version.
   */
  public static Path kubectl(StackConfig config) {
    return new KubeCommands(config).binLink().resolve("kubectl");
  }

  public static String serverUrl(StackConfig config) {
    return new KubeCommands(config).serverUrl();
  }
}
