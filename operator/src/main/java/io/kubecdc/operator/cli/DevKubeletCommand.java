package io.kubecdc.operator.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubecdc.operator.dev.DevKubelet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kubecdc dev-kubelet} (hidden, development only): runs the sink-worker pods of an API
 * server without nodes, such as the local stack's, as local processes ({@link DevKubelet}) until
 * SIGTERM or SIGINT, which stop the workers. {@code bin/kube-demo} starts it.
 */
@Command(
    name = "dev-kubelet",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = {
      "Development only, for an API server without kubelet: runs the operator's sink-worker pods"
          + " as local processes and reports them Running and Ready, until interrupted."
    })
final class DevKubeletCommand implements Callable<Integer> {
  /** How often the pods are checked: a kubelet's status updates are about as frequent. */
  private static final Duration PERIOD = Duration.ofSeconds(1);

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      required = true,
      description =
          "Kubeconfig of an identity that may read pods, ReplicaSets, ConfigMaps and"
              + " Secrets and write pod status (the stack's admin kubeconfig).")
  Path kubeconfig;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "Namespaces whose pods to run (repeatable; default: all).")
  List<String> namespaces = List.of();

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      defaultValue = ".kubecdc/dev-kubelet",
      description = "One folder per pod: volumes, worker config, log (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  @Mixin WorkerClassPathOption worker;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Files.createDirectories(stateDir);
    System.setProperty(
        "kubecdc.logFile", stateDir.toAbsolutePath().resolve("kubecdc.log").toString());
    Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
    String cp = worker.classPath();
    AtomicBoolean stopping = new AtomicBoolean();
    CountDownLatch closed = new CountDownLatch(1);
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        DevKubelet kubelet =
            new DevKubelet(client, Set.copyOf(namespaces), stateDir, cp, System.out)) {
      Thread onSignal =
          new Thread(
              () -> {
                stopping.set(true);
                RunCommand.awaitQuietly(closed);
              },
              "dev-kubelet-stop");
      Runtime.getRuntime().addShutdownHook(onSignal);
      System.out.printf(
          "dev-kubelet: running the pods labelled %s in %s%n",
          DevKubelet.WORKER_PODS, namespaces.isEmpty() ? "all namespaces" : namespaces);
      try {
        while (!stopping.get()) {
          kubelet.sync();
          Thread.sleep(PERIOD.toMillis());
        }
      } finally {
        kubelet.close();
        closed.countDown();
        RunCommand.removeHook(onSignal);
      }
    }
    return 0;
  }
}
