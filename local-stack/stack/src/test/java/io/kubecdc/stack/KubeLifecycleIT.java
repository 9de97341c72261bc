package io.kubecdc.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.stack.process.Commands;
import io.kubecdc.stack.service.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kube service's life cycle, on a stack folder and ports of its own: idempotent up, objects
 * kept across down and up, crash reporting, and clean. Objects are made with the stack's kubectl,
 * which is also what users run.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubeLifecycleIT {
  private static final Logger LOG = LoggerFactory.getLogger(KubeLifecycleIT.class);
  private static final List<String> KUBE = List.of("kube");
  @TempDir static Path temp;

  private Map<String, String> options;
  private String home;
  private LocalStack stack;

  @BeforeAll
  void startKube() throws IOException {
    home = temp.resolve("stack").toString();
    options = new HashMap<>(Map.of("home", home));
    for (String key :
        List.of(
            "kube-port", "kube-etcd-port", "kube-etcd-peer-port", "kube-controller-manager-port")) {
      options.put(key, Integer.toString(StackTestSupport.freePort()));
    }
    stack = new LocalStack(StackConfig.load(options));
    long t0 = System.nanoTime();
    assertThat(stack.up(KUBE)).extracting(Service::name).containsExactly("kube");
    LOG.info("kube start ms={} rss_kib={}", (System.nanoTime() - t0) / 1_000_000, rss());
  }

  @AfterAll
  void cleanStack() {
    stack.clean();
    assertThat(Path.of(home)).doesNotExist();
  }

  @Test
  @Order(1)
  void shouldBeANoOpToRunUpKubeTwice() throws Exception {
    Map<String, String> pidsBefore = StackTestSupport.pids(home);
    assertThat(new LocalStack(StackConfig.load(options)).up(KUBE)).isEmpty();
    assertThat(StackTestSupport.pids(home)).isEqualTo(pidsBefore).hasSize(3);
    assertThat(StackTestSupport.cli("status", options))
        .contains("kube        running  https://127.0.0.1:" + options.get("kube-port"))
        .contains("postgres    stopped");
    assertThat(kubectl("version", "--short")).contains("Server Version: v1.20.2");
  }

  @Test
  @Order(2)
  void shouldKeepObjectsAcrossDownAndUp() {
    kubectl("create", "namespace", "kept");
    kubectl("create", "configmap", "settings", "-n", "kept", "--from-literal=size=500");

    new LocalStack(StackConfig.load(options)).down(KUBE);
    assertThat(stack.services())
        .allSatisfy(s -> assertThat(s.state()).isEqualTo(Service.State.STOPPED));
    assertThat(StackTestSupport.portOpen(Integer.parseInt(options.get("kube-port")))).isFalse();

    assertThat(new LocalStack(StackConfig.load(options)).up(KUBE)).hasSize(1);
    assertThat(kubectl("get", "configmap", "settings", "-n", "kept", "-o", "jsonpath={.data.size}"))
        .isEqualTo("500");
  }

  @Test
  @Order(3)
  void shouldReportACrashedApiServerWithItsLogAndRestartIt() throws Exception {
    long pid = Long.parseLong(Files.readString(Path.of(home, "run/kube-apiserver.pid")).strip());
    ProcessHandle apiserver = ProcessHandle.of(pid).orElseThrow();
    apiserver.destroyForcibly();
    apiserver.onExit().get();

    assertThat(StackTestSupport.cli("status", options))
        .contains("kube        crashed")
        .contains("kube-apiserver.log");
    assertThat(stack.up(KUBE)).extracting(Service::name).containsExactly("kube");
    assertThat(kubectl("get", "namespace", "kept", "-o", "name")).isEqualTo("namespace/kept");
  }

  @Test
  @Order(4)
  void shouldForgetObjectsAfterClean() {
    stack.clean();
    assertThat(Path.of(home)).doesNotExist();
    assertThat(new LocalStack(StackConfig.load(options)).up(KUBE)).hasSize(1);
    assertThat(kubectl("get", "namespaces", "-o", "name")).doesNotContain("namespace/kept");
  }

  private String kubectl(String... args) {
    StackEndpoints ep = stack.endpoints();
    List<String> command =
        new ArrayList<>(
            List.of(ep.kubectl().toString(), "--kubeconfig", ep.kubeconfig().toString()));
    command.addAll(List.of(args));
    return Commands.check(command, Path.of(home), Duration.ofMinutes(1)).strip();
  }

  /** Resident memory of each process of the service, in KiB, from /proc. */
  private Map<String, Long> rss() throws IOException {
    Map<String, Long> rss = new HashMap<>();
    for (Map.Entry<String, String> e : StackTestSupport.pids(home).entrySet()) {
      Path status = Path.of("/proc", e.getValue().strip(), "status");
      String line =
          Files.readAllLines(status).stream()
              .filter(l -> l.startsWith("VmRSS:"))
              .findFirst()
              .orElseThrow();
      rss.put(e.getKey().replace(".pid", ""), Long.parseLong(line.replaceAll("\\D", "")));
    }
    return rss;
  }
}
